import Hashing

/// CloudFront's URL-safe base64: standard base64 (RFC 2045) with `+` → `-`, `=` → `_` and
/// `/` → `~` (Developer Guide, "Create a signed URL using a custom policy"; docs/aws-facts.md #18).
public enum CloudFrontBase64 {
    /// What a decoded value looked like, so the doctor can say which alphabet the signer used.
    public struct Decoded: Sendable, Equatable {
        public var bytes: [UInt8]
        /// `+`, `/` or `=` appeared: the signer forgot CloudFront's character replacement.
        public var usedStandardAlphabet: Bool
    }

    public static func encode(_ bytes: [UInt8]) -> String {
        var text = Array(Base64.encode(bytes).utf8)
        for index in text.indices {
            switch text[index] {
            case UInt8(ascii: "+"): text[index] = UInt8(ascii: "-")
            case UInt8(ascii: "="): text[index] = UInt8(ascii: "_")
            case UInt8(ascii: "/"): text[index] = UInt8(ascii: "~")
            default: break
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Decodes either alphabet (CloudFront's or the standard one) so the doctor can still explain a
    /// value written in the wrong one; returns nil for characters outside both or an impossible length.
    public static func decode(_ text: String) -> Decoded? {
        var values = [UInt8]()
        values.reserveCapacity(text.utf8.count)
        var padding = 0
        var standard = false
        for byte in text.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "+"): value = 62; standard = true
            case UInt8(ascii: "~"): value = 63
            case UInt8(ascii: "/"): value = 63; standard = true
            case UInt8(ascii: "_"), UInt8(ascii: "="):
                if byte == UInt8(ascii: "=") { standard = true }
                padding += 1
                continue
            default: return nil
            }
            // Data after padding is not base64.
            if padding > 0 { return nil }
            values.append(value)
        }
        if padding > 2 || values.count % 4 == 1 { return nil }
        if padding > 0 && (values.count + padding) % 4 != 0 { return nil }
        var out = [UInt8]()
        out.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index + 3 < values.count {
            let n = UInt32(values[index]) << 18 | UInt32(values[index + 1]) << 12
                | UInt32(values[index + 2]) << 6 | UInt32(values[index + 3])
            out += [UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            index += 4
        }
        let rest = values.count - index
        if rest == 2 {
            let n = UInt32(values[index]) << 18 | UInt32(values[index + 1]) << 12
            out.append(UInt8(n >> 16 & 0xFF))
        } else if rest == 3 {
            let n = UInt32(values[index]) << 18 | UInt32(values[index + 1]) << 12 | UInt32(values[index + 2]) << 6
            out += [UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF)]
        }
        return Decoded(bytes: out, usedStandardAlphabet: standard)
    }
}
