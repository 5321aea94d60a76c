/// Bytes to UTF-8 the way a pasted body arrives: S3 sends UTF-8 ("<?xml version="1.0"
/// encoding="UTF-8"?>"), but a body saved by PowerShell redirection is UTF-16 with a byte-order
/// mark, and editors add a UTF-8 BOM. Anything else that is not valid UTF-8 is refused with its
/// position rather than guessed at.
enum BodyText {
    static func utf8(from bytes: [UInt8]) throws(ErrorBodyFailure) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try validated(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try fromUTF16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try fromUTF16(bytes.dropFirst(2), littleEndian: false) }
        return try validated(bytes)
    }

    private static func fromUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws(ErrorBodyFailure) -> [UInt8] {
        guard bytes.count % 2 == 0 else { throw .invalidUTF16 }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var output = [UInt8]()
        output.reserveCapacity(units.count)
        // stoppingOnError: an unpaired surrogate is an error, not a silent U+FFFD.
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
            output.append($0)
        }
        if failed { throw .invalidUTF16 }
        return output
    }

    /// Strict UTF-8 (no overlongs, no surrogates), reporting the first bad byte's line and column.
    private static func validated(_ bytes: [UInt8]) throws(ErrorBodyFailure) -> [UInt8] {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return bytes
            case .error:
                let before = bytes[..<offset]
                let line = before.count(where: { $0 == 0x0A }) + 1
                let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                throw .invalidUTF8(line: line, column: offset - lineStart + 1, offset: offset)
            }
        }
    }
}
