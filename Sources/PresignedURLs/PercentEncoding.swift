/// Percent-encoding exactly as SigV4 canonicalisation needs it (AWS "Create a canonical request":
/// unreserved characters A–Z a–z 0–9 - _ . ~ stay, every other byte becomes %XX upper-case).
public enum PercentEncoding {
    public enum Problem: Equatable, Sendable {
        /// `%` not followed by two hexadecimal digits.
        case invalidEscape(String)
        /// The decoded bytes are not UTF-8.
        case notUTF8
    }

    @inline(__always) static func isUnreserved(_ byte: UInt8) -> Bool {
        // Bit masks of the unreserved ASCII bytes below and above 0x40: one shift and test per
        // byte instead of a chain of range comparisons (canonical queries encode every byte).
        let low: UInt64 = 1 << 0x2D | 1 << 0x2E | 0x3FF << 0x30                  // - . 0-9
        let high: UInt64 = 0x3FF_FFFF << 0x01 | 1 << 0x1F | 0x3FF_FFFF << 0x21 | 1 << 0x3E   // A-Z _ a-z ~
        return byte < 0x80 && ((byte < 0x40 ? low : high) >> UInt64(byte & 0x3F)) & 1 != 0
    }

    @inline(__always) static func upperHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") - 10 + nibble
    }

    /// AWS `UriEncode`: every byte but the unreserved ones escaped; `/` kept when `keepSlash`.
    public static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            // Most names and values (X-Amz-*, dates, hex signatures, plain keys) need no escaping.
            var escapes = 0
            for byte in bytes where !(isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/"))) { escapes += 1 }
            if escapes == 0 { return text }
            return String(capacity: bytes.count + 2 * escapes) { $0.appendEncoded(bytes, keepSlash: keepSlash) }
        }
    }

    /// Decodes `%XX` escapes. `plusAsSpace` decodes `+` as a space, as form encoding does.
    /// Invalid escapes are kept literally and reported, never fatal.
    public static func decode(_ text: Substring, plusAsSpace: Bool = false) -> (value: String, problems: [Problem]) {
        // Nothing to decode: the text is already valid UTF-8 (it is a Swift string).
        let needsDecoding: (UInt8) -> Bool = { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }
        if !(text.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsDecoding) } ?? text.utf8.contains(where: needsDecoding)) {
            return (String(text), [])
        }
        if let decoded = text.utf8.withContiguousStorageIfAvailable({ decodeBytes($0, plusAsSpace: plusAsSpace) }) {
            return decoded
        }
        return Array(text.utf8).withUnsafeBufferPointer { decodeBytes($0, plusAsSpace: plusAsSpace) }
    }

    static func decodeBytes(_ source: UnsafeBufferPointer<UInt8>, plusAsSpace: Bool) -> (value: String, problems: [Problem]) {
        // Into stack memory, then one String: a growing [UInt8] and its copy were two
        // allocations per decoded parameter (bench/VerifyBench).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(source.count, 1)) { bytes in
            var count = 0
            var problems = [Problem]()
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte == UInt8(ascii: "%") {
                    if index + 2 < source.count,
                       let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2]) {
                        bytes[count] = high << 4 | low
                        count += 1
                        index += 3
                        continue
                    }
                    let end = Swift.min(index + 3, source.count)
                    problems.append(.invalidEscape(String(decoding: source[index..<end], as: UTF8.self)))
                    bytes[count] = byte
                } else if plusAsSpace && byte == UInt8(ascii: "+") {
                    bytes[count] = UInt8(ascii: " ")
                } else {
                    bytes[count] = byte
                }
                count += 1
                index += 1
            }
            let decoded = UnsafeBufferPointer(rebasing: bytes[..<count])
            // ASCII needs no validation: String(validating:) is a generic, unspecialised call that
            // cost half of decoding an escaped credential (perf, bench/VerifyBench).
            var nonASCII: UInt8 = 0
            for byte in decoded { nonASCII |= byte & 0x80 }
            if nonASCII == 0 { return (String(decoding: decoded, as: UTF8.self), problems) }
            if let value = String(validating: decoded, as: UTF8.self) { return (value, problems) }
            problems.append(.notUTF8)
            return (String(decoding: decoded, as: UTF8.self), problems)
        }
    }

    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
