/// Turns the bytes of an input file into text the way the tools that write them encode it:
/// UTF-8 with or without a byte-order mark, UTF-16 (LE or BE) with a BOM as PowerShell's `>`
/// writes, and CRLF line ends (left as they are: the parsers treat `\r\n` as one line end).
public enum SourceText {
    /// Inputs larger than this are refused: a CloudFront export is kilobytes; a Terraform plan of a
    /// large account a few megabytes. Bigger inputs are mistakes, not configurations. The command
    /// line's `--max-input-size` default (issue 14); it checks before reading.
    public static let defaultMaximumBytes = 256 << 20

    public static func decode(_ bytes: [UInt8], file: String,
                              maximumBytes: Int = defaultMaximumBytes) throws(InputError) -> String {
        guard bytes.count <= maximumBytes else {
            throw InputError(file: file, message: "file is \(bytes.count) bytes; the limit is \(maximumBytes) bytes")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(bytes[3...], file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes[2...], littleEndian: true, file: file) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes[2...], littleEndian: false, file: file) }
        // UTF-16 without a BOM: JSON and YAML start with ASCII, so a NUL in the second byte gives it away.
        if bytes.count >= 2, bytes[0] != 0, bytes[1] == 0 { return try utf16(bytes[...], littleEndian: true, file: file) }
        if bytes.count >= 2, bytes[0] == 0, bytes[1] != 0 { return try utf16(bytes[...], littleEndian: false, file: file) }
        return try utf8(bytes[...], file: file)
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>, file: String) throws(InputError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (line, column, offset) = firstInvalidUTF8(bytes)
        throw InputError(file: file, line: line, column: column,
                         message: "invalid UTF-8 at byte offset \(offset) (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))): "
                             + "expected UTF-8 text, or UTF-16 with a byte-order mark")
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, file: String) throws(InputError) -> String {
        guard bytes.count % 2 == 0 else {
            throw InputError(file: file, message: "UTF-16 text with an odd number of bytes (\(bytes.count)): "
                                 + "expected whole 2-byte code units (is the file truncated?)")
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            let offset = bytes.startIndex + 2 * firstUnpairedSurrogate(units)
            throw InputError(file: file, message: "invalid UTF-16 at byte offset \(offset): "
                                 + "an unpaired surrogate; expected a high surrogate followed by a low one")
        }
        return text
    }

    /// The index of the first code unit that is half of a surrogate pair without its other half.
    private static func firstUnpairedSurrogate(_ units: [UInt16]) -> Int {
        var index = 0
        while index < units.count {
            let unit = units[index]
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < units.count, (0xDC00...0xDFFF).contains(units[index + 1]) else { return index }
                index += 2
            } else if (0xDC00...0xDFFF).contains(unit) {
                return index
            } else {
                index += 1
            }
        }
        return max(0, units.count - 1)
    }

    /// Line and column (in characters) of the first byte that is not valid UTF-8, and its offset
    /// in the file (a BOM counted).
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int, Int) {
        var line = 1, column = 1
        var offset = bytes.startIndex
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                offset += UTF8.width(scalar)
            case .emptyInput, .error:
                return (line, column, min(offset, bytes.endIndex - 1))
            }
        }
    }
}
