/// A strict RFC 8259 JSON reader that keeps the position of every value.
///
/// Why our own: JSONSerialization and JSONDecoder know no positions, and Yams (libyaml) is not a
/// conforming JSON parser: it rejects valid surrogate-pair escapes and keys over 1,024 characters
/// and accepts trailing commas (shared/notes/swift-toolchain.md §4). Findings must point at a
/// line and column, and every valid file must load.
public struct JSONReader {
    /// Deeper documents are refused instead of exhausting the stack; real exports nest < 20 levels.
    public static let maximumDepth = 512

    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Column bookkeeping: scalars seen on this line before `lineScalarsIndex`.
    private var lineScalars = 0
    private var lineScalarsIndex = 0

    public static func parse(_ text: String, file: String) throws(InputError) -> DocNode {
        var reader = JSONReader(bytes: Array(text.utf8), file: file)
        return try reader.parseDocument()
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private mutating func parseDocument() throws(InputError) -> DocNode {
        skipWhitespace()
        guard index < bytes.count else { throw failure("empty document: expected a JSON value") }
        let root = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count { throw failure("unexpected \(describe(bytes[index])) after the JSON value") }
        return root
    }

    // MARK: Positions

    private mutating func column(at offset: Int) -> Int {
        if lineScalarsIndex < lineStart || lineScalarsIndex > offset {
            lineScalarsIndex = lineStart
            lineScalars = 0
        }
        var i = lineScalarsIndex
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { lineScalars += 1 }
            i += 1
        }
        lineScalarsIndex = offset
        return lineScalars + 1
    }

    private mutating func failure(_ message: String, at offset: Int? = nil) -> InputError {
        let offset = min(offset ?? index, bytes.count)
        return InputError(file: file, line: line, column: column(at: offset), message: message)
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Grammar

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(InputError) -> DocNode {
        guard index < bytes.count else { throw failure("unexpected end of file: the document is truncated") }
        let startLine = line, startColumn = column(at: index)
        let value: DocNode.Value
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        default: throw failure("unexpected \(describe(bytes[index])): expected a JSON value")
        }
        return DocNode(value, line: startLine, column: startColumn)
    }

    private mutating func expectLiteral(_ literal: String) throws(InputError) {
        let expected = Array(literal.utf8)
        let count = expected.count
        let matches = index + count <= bytes.count && bytes[index..<index + count].elementsEqual(expected)
        guard matches else { throw failure("invalid literal: expected '\(literal)'") }
        index += count
    }

    private mutating func checkDepth(_ depth: Int) throws(InputError) {
        if depth > Self.maximumDepth {
            throw failure("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseObject(depth: Int) throws(InputError) -> DocNode.Value {
        try checkDepth(depth)
        index += 1
        var members = [DocNode.Member]()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of file inside an object: the document is truncated") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describe(bytes[index])): expected a member name in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure(index < bytes.count ? "expected ':' after the member name \"\(key)\"" : "unexpected end of file: the document is truncated")
            }
            index += 1
            skipWhitespace()
            members.append(DocNode.Member(key: key, value: try parseValue(depth: depth)))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of file inside an object: the document is truncated") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw failure("unexpected \(describe(bytes[index])): expected ',' or '}' (is a comma missing?)")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(InputError) -> DocNode.Value {
        try checkDepth(depth)
        index += 1
        var elements = [DocNode]()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of file inside an array: the document is truncated") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw failure("unexpected \(describe(bytes[index])): expected ',' or ']' (is a comma missing?)")
            }
        }
    }

    private mutating func parseNumber() throws(InputError) -> String {
        let start = index
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.index += 1
            }
            return reader.index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw failure("truncated number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw failure("invalid number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw failure("invalid number: digits expected after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits(&self) == 0 { throw failure("invalid number: digits expected in the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func parseString() throws(InputError) -> String {
        let quote = index
        index += 1
        // Fast path: no escapes.
        var scan = index
        while scan < bytes.count {
            let byte = bytes[scan]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[index..<scan], as: UTF8.self)
                index = scan + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            scan += 1
        }
        var out = [UInt8](bytes[index..<scan])
        index = scan
        while true {
            guard index < bytes.count else {
                throw failure("unterminated string (the document is truncated?)", at: quote)
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unterminated escape sequence") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): appendScalar(try parseUnicodeEscape(), to: &out)
                default: throw failure("invalid escape sequence '\\\(Character(UnicodeScalar(escape)))'", at: index - 2)
                }
            case 0x00..<0x20:
                throw failure(byte == 0x0A ? "line break inside a string (unterminated string?)" : "control character inside a string must be escaped")
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    /// `\uXXXX`, combining a UTF-16 surrogate pair into one scalar. RFC 8259 allows a lone
    /// surrogate syntactically; it becomes U+FFFD rather than a rejection.
    private mutating func parseUnicodeEscape() throws(InputError) -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high),
           index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            let save = index
            index += 2
            let low = try parseHex4()
            if (0xDC00...0xDFFF).contains(low) {
                let value = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            index = save
            return "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(high)) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() throws(InputError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape: expected 4 hexadecimal digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}
