#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict RFC 8259 JSON reader that keeps the position of every value.
///
/// Why our own: JSONSerialization and JSONDecoder know no positions, and Yams (libyaml) is not a
/// conforming JSON parser: it rejects valid surrogate-pair escapes and keys over 1,024 characters
/// and accepts trailing commas (shared/notes/swift-toolchain.md §4). Findings must point at a
/// line and column, and every valid file must load.
///
/// Speed matters: an account-wide `list-distributions` export or a Terraform plan is tens of
/// megabytes. So the reader works on the raw bytes (no bounds checks per byte: every access is
/// guarded by the grammar's own `index < count` tests), keeps the column in O(1) per value, shares
/// the text of repeated member names, and builds each object's member array once, at its final
/// size, from a scratch stack (bench/README.md has the profile).
public struct JSONReader {
    /// Deeper documents are refused instead of exhausting the stack; real exports nest < 20 levels.
    public static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let file: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes on this line before `index`. Outside strings any byte above 0x7F is
    /// a syntax error and a string never spans lines, so counting them in strings is enough to
    /// turn a byte offset into a column in Unicode scalars.
    private var lineContinuationBytes = 0

    /// Member names longer than a small string (15 UTF-8 bytes) are heap strings: one copy per
    /// distinct name instead of one per occurrence ("OriginAccessIdentity" 10,000 times in an
    /// account export) saves the allocations and most of the tree's memory for names.
    private var names = NameTable()
    private var members = ScratchStack<DocNode.Member>()
    private var elements = ScratchStack<DocNode>()
    /// Arrays streamed instead of kept; their paths start with different names.
    private let streams: [StreamedArray]
    /// The one whose path the member being read is on, and how many of its leading components.
    private var stream: StreamedArray?
    private var streamMatched = 0
    /// Values no loader reads: read (so every error is still found) but not kept.
    private let skipped: [SkippedPath]
    /// Per skipped path, how many of its leading components the value being read is under, and the
    /// deepest of these: below it no skipped path can match, and nothing is compared.
    private var skipMatched: [Int]
    private var skipFrontier = 0
    /// Reading a skipped value: containers keep none of their children.
    private var discarding = false
    /// A mapped input: every `releaseStride` bytes, the pages read so far go back to the system.
    private var pages: InputBytes?
    private var released = 0
    private var nextRelease = Int.max
    static let releaseStride = 4 << 20

    public static func parse(_ text: String, file: String) throws(InputError) -> DocNode {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// The same, from UTF-8 bytes; the UTF-8 of every string is validated.
    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> DocNode {
        try parse(bytes: bytes, file: file, streaming: nil)
    }

    /// The same, handing the elements of one array to `streaming` as they are read instead of
    /// keeping them in the tree (where the array is then empty).
    ///
    /// `skipping`: values to read (every syntax error in them is still reported, at the same place)
    /// without keeping their contents: an object or array there is empty in the tree.
    public static func parse(bytes: [UInt8], file: String, streaming: StreamedArray?,
                             skipping: [SkippedPath] = []) throws(InputError) -> DocNode {
        try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> DocNode in
            try parse(buffer, pages: nil, file: file, streams: streaming.map { [$0] } ?? [], skipping: skipping)
        }
    }

    /// The same from an input's bytes: when they are a mapped file, the pages read are handed
    /// back as the reader goes (`InputBytes.releaseRead`).
    /// `streaming`: several arrays, each under a different top-level name.
    ///
    /// `startingAt`: where the text starts (past a UTF-8 byte-order mark), counted as column 1.
    public static func parse(contents: InputBytes, startingAt start: Int = 0, file: String, streaming: [StreamedArray],
                             skipping: [SkippedPath] = []) throws(InputError) -> DocNode {
        try contents.withUnsafeBufferPointer { (buffer) throws(InputError) -> DocNode in
            try parse(buffer, from: start, pages: contents.isMapped ? contents : nil, file: file, streams: streaming, skipping: skipping)
        }
    }

    /// One value read again from where an earlier reading of the same bytes handed it over
    /// (`StreamedArray`): the same tree, lines and columns. `skipping` is relative to the value.
    /// The pages it was read from are handed back afterwards when the bytes are a mapped file.
    public static func parse(contents: InputBytes, at start: ResumePoint, file: String,
                             skipping: [SkippedPath] = []) throws(InputError) -> DocNode {
        try contents.withUnsafeBufferPointer { (buffer) throws(InputError) -> DocNode in
            var reader = JSONReader(bytes: buffer, file: file, streams: [], skipping: skipping)
            defer { reader.members.release(); reader.elements.release() }
            reader.index = start.offset
            reader.line = start.line
            reader.lineStart = start.lineStart
            reader.lineContinuationBytes = start.continuationBytes
            let value = try reader.parseValue(depth: 0)
            contents.releaseRead(from: start.offset, to: reader.index)
            return value
        }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, pages: InputBytes?, file: String,
                              streams: [StreamedArray], skipping: [SkippedPath]) throws(InputError) -> DocNode {
        var reader = JSONReader(bytes: buffer, file: file, streams: streams, skipping: skipping)
        reader.index = min(max(0, start), buffer.count)
        reader.lineStart = reader.index
        reader.pages = pages
        reader.nextRelease = pages == nil ? .max : Self.releaseStride
        defer { reader.members.release(); reader.elements.release() }
        return try reader.parseDocument()
    }

    public static func parse(_ text: String, file: String, streaming: StreamedArray?,
                             skipping: [SkippedPath] = []) throws(InputError) -> DocNode {
        try parse(text, file: file, streaming: streaming.map { [$0] } ?? [], skipping: skipping)
    }

    public static func parse(_ text: String, file: String, streaming: [StreamedArray],
                             skipping: [SkippedPath] = []) throws(InputError) -> DocNode {
        try Array(text.utf8).withUnsafeBufferPointer { (buffer) throws(InputError) -> DocNode in
            try parse(buffer, pages: nil, file: file, streams: streaming, skipping: skipping)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String, streams: [StreamedArray], skipping: [SkippedPath]) {
        self.bytes = bytes
        self.count = bytes.count
        self.file = file
        self.streams = streams
        self.skipped = Array(skipping.prefix(64))
        self.skipMatched = Array(repeating: 0, count: self.skipped.count)
    }

    private mutating func parseDocument() throws(InputError) -> DocNode {
        skipWhitespace()
        guard index < count else { throw failure("empty document: expected a JSON value") }
        let root = try parseValue(depth: 0)
        skipWhitespace()
        if index < count { throw failure("unexpected \(describe(bytes[index])) after the JSON value") }
        return root
    }

    // MARK: Positions

    /// The 1-based column of `index`, in Unicode scalars.
    private var currentColumn: Int { index - lineStart - lineContinuationBytes + 1 }

    /// The column of any offset on the current line, counted from the line's start: for errors,
    /// which may point before `index` or at bytes that are not valid JSON.
    private func column(at offset: Int) -> Int {
        var scalars = 0
        var i = lineStart
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        return scalars + 1
    }

    private func failure(_ message: String, at offset: Int? = nil) -> InputError {
        let offset = min(offset ?? index, count)
        return InputError(file: file, line: line, column: column(at: offset), message: message)
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Grammar

    @inline(__always)
    private mutating func skipWhitespace() {
        // Most calls find a token right away.
        if index < count, bytes[index] > UInt8(ascii: " ") { return }
        skipWhitespaceRun()
    }

    private mutating func skipWhitespaceRun() {
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: " "):
                index += 1
                // Indentation: eight spaces at a time.
                while index + 8 <= count,
                      UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                    index += 8
                }
            case UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
                lineContinuationBytes = 0
            default:
                return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(InputError) -> DocNode {
        guard index < count else { throw failure("unexpected end of file: the document is truncated") }
        let startLine = line, startColumn = currentColumn
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

    private mutating func expectLiteral(_ literal: StaticString) throws(InputError) {
        let length = literal.utf8CodeUnitCount
        var matches = index + length <= count
        if matches {
            let expected = literal.utf8Start
            for i in 0..<length where bytes[index + i] != expected[i] {
                matches = false
                break
            }
        }
        guard matches else { throw failure("invalid literal: expected '\(literal)'") }
        index += length
    }

    private mutating func checkDepth(_ depth: Int) throws(InputError) {
        if depth > Self.maximumDepth {
            throw failure("nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseObject(depth: Int) throws(InputError) -> DocNode.Value {
        try checkDepth(depth)
        index += 1
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object([]) }
        let first = members.count
        while true {
            skipWhitespace()
            guard index < count else { throw failure("unexpected end of file inside an object: the document is truncated") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describe(bytes[index])): expected a member name in double quotes")
            }
            let key = try parseString(interning: true)
            skipWhitespace()
            guard index < count, bytes[index] == UInt8(ascii: ":") else {
                throw failure(index < count ? "expected ':' after the member name \"\(key)\"" : "unexpected end of file: the document is truncated")
            }
            index += 1
            skipWhitespace()
            let value: DocNode
            if streamMatched == depth - 1, let stream = depth == 1 ? streams.first(where: { $0.path.first == key }) : stream,
               depth <= stream.path.count, key == stream.path[depth - 1] {
                value = try parseOnStreamPath(stream, key: key, depth: depth, membersFrom: first)
            } else if skipFrontier >= depth - 1, !skipped.isEmpty, !discarding {
                value = try parseChecking(skipped: .key(key), depth: depth)
            } else {
                value = try parseValue(depth: depth)
            }
            // A skipped value's members are read and dropped: the object stays empty.
            if !discarding { members.push(DocNode.Member(key: key, value: value)) }
            skipWhitespace()
            guard index < count else { throw failure("unexpected end of file inside an object: the document is truncated") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1; if index >= nextRelease { releaseRead() }
            case UInt8(ascii: "}"): index += 1; return .object(members.pop(from: first))
            default: throw failure("unexpected \(describe(bytes[index])): expected ',' or '}' (is a comma missing?)")
            }
        }
    }

    /// The value of a member on the streamed array's path: the array itself is streamed, an object
    /// on the way is read with the next component matched.
    private mutating func parseOnStreamPath(_ stream: StreamedArray, key: String, depth: Int,
                                            membersFrom first: Int) throws(InputError) -> DocNode {
        // A repeated name: the last one is the one readers see (`DocNode` subscript), which the
        // elements already handed over may not belong to. The caller reads such a rare file again.
        if members.contains(key: key, from: first) { stream.sawRepeatedName = true }
        let outer = self.stream
        self.stream = stream
        streamMatched = depth
        defer { streamMatched = depth - 1; self.stream = outer }
        guard depth == stream.path.count, index < count, bytes[index] == UInt8(ascii: "[") else {
            return try parseValue(depth: depth)
        }
        let startLine = line, startColumn = currentColumn
        try checkDepth(depth + 1)
        index += 1
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "]") { index += 1; return DocNode(.array([]), line: startLine, column: startColumn) }
        var position = 0
        while true {
            skipWhitespace()
            let start = ResumePoint(offset: index, line: line, lineStart: lineStart, continuationBytes: lineContinuationBytes)
            let element = try parseValue(depth: depth + 1)
            stream.element(element, position, start)
            position += 1
            skipWhitespace()
            guard index < count else { throw failure("unexpected end of file inside an array: the document is truncated") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1; if index >= nextRelease { releaseRead() }
            case UInt8(ascii: "]"): index += 1; return DocNode(.array([]), line: startLine, column: startColumn)
            default: throw failure("unexpected \(describe(bytes[index])): expected ',' or ']' (is a comma missing?)")
            }
        }
    }

    /// A child (member value or array element) at path index `depth - 1`, where some skipped path
    /// may continue: advances the paths it continues, and reads the child discarding when one of
    /// them ends there.
    private mutating func parseChecking(skipped step: SkippedPath.Component, depth: Int) throws(InputError) -> DocNode {
        var advanced: UInt64 = 0
        var skipsHere = false
        for (position, path) in skipped.enumerated()
        where skipMatched[position] == depth - 1 && depth <= path.components.count && path.components[depth - 1].matches(step) {
            advanced |= 1 << UInt64(position)
            skipMatched[position] = depth
            if depth == path.components.count { skipsHere = true }
        }
        guard advanced != 0 else { return try parseValue(depth: depth) }
        let frontier = skipFrontier
        skipFrontier = max(frontier, depth)
        discarding = skipsHere
        defer {
            for position in skipped.indices where advanced & (1 << UInt64(position)) != 0 { skipMatched[position] = depth - 1 }
            skipFrontier = frontier
            discarding = false
        }
        return try parseValue(depth: depth)
    }

    private mutating func parseArray(depth: Int) throws(InputError) -> DocNode.Value {
        try checkDepth(depth)
        index += 1
        skipWhitespace()
        if index < count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array([]) }
        let first = elements.count
        while true {
            skipWhitespace()
            let element: DocNode
            if skipFrontier >= depth - 1, !skipped.isEmpty, !discarding {
                element = try parseChecking(skipped: .anyElement, depth: depth)
            } else {
                element = try parseValue(depth: depth)
            }
            if !discarding { elements.push(element) }
            skipWhitespace()
            guard index < count else { throw failure("unexpected end of file inside an array: the document is truncated") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1; if index >= nextRelease { releaseRead() }
            case UInt8(ascii: "]"): index += 1; return .array(elements.pop(from: first))
            default: throw failure("unexpected \(describe(bytes[index])): expected ',' or ']' (is a comma missing?)")
            }
        }
    }

    /// Between two members or elements nothing before `index` is needed any more (an error's
    /// column reads back from the line's start, which faults those pages in again).
    private mutating func releaseRead() {
        pages?.releaseRead(from: released, to: index)
        released = index
        nextRelease = index + Self.releaseStride
    }

    private mutating func digits() -> Int {
        let from = index
        while index < count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index - from
    }

    private mutating func parseNumber() throws(InputError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count else { throw failure("truncated number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw failure("invalid number")
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw failure("invalid number: digits expected after '.'") }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw failure("invalid number: digits expected in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func parseString(interning: Bool = false) throws(InputError) -> String {
        let quote = index
        index += 1
        // Fast path: no escapes.
        var scan = index
        var ascii = true
        while scan < count {
            // Eight plain ASCII bytes at a time: no quote, backslash, control or non-ASCII byte.
            while scan + 8 <= count, Self.isPlain(UnsafeRawPointer(bytes.baseAddress! + scan).loadUnaligned(as: UInt64.self)) {
                scan += 8
            }
            guard scan < count else { break }
            let byte = bytes[scan]
            if byte == UInt8(ascii: "\"") {
                let text: String
                let utf8 = UnsafeBufferPointer(rebasing: bytes[index..<scan])
                if ascii, interning, utf8.count > NameTable.smallStringBytes {
                    text = names.name(utf8)
                } else {
                    text = try makeString(utf8, ascii: ascii, at: quote)
                }
                index = scan + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 {
                ascii = false
                if byte & 0xC0 == 0x80 { lineContinuationBytes += 1 }
            }
            scan += 1
        }
        var out = [UInt8](bytes[index..<scan])
        index = scan
        while true {
            guard index < count else {
                throw failure("unterminated string (the document is truncated?)", at: quote)
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try out.withUnsafeBufferPointer { (utf8) throws(InputError) in try makeString(utf8, ascii: false, at: quote) }
            case UInt8(ascii: "\\"):
                index += 1
                guard index < count else { throw failure("unterminated escape sequence") }
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
                if byte & 0xC0 == 0x80 { lineContinuationBytes += 1 }
                out.append(byte)
                index += 1
            }
        }
    }

    /// True when none of the eight bytes is `"`, `\`, below 0x20 or above 0x7F (SWAR: a byte
    /// b is below n exactly when (b - n) borrows into its top bit while b's top bit is clear).
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20)
        return (special | word) & high == 0
    }

    /// `\uXXXX`, combining a UTF-16 surrogate pair into one scalar. RFC 8259 allows a lone
    /// surrogate syntactically; it becomes U+FFFD rather than a rejection.
    private mutating func parseUnicodeEscape() throws(InputError) -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high),
           index + 1 < count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
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
        guard index + 4 <= count else { throw failure("truncated \\u escape") }
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

    /// A string's text; refuses invalid UTF-8 (which text decoded by SourceText never has, but
    /// bytes read directly may).
    private func makeString(_ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool, at offset: Int) throws(InputError) -> String {
        if ascii { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw failure("invalid UTF-8", at: offset) }
        return text
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}

/// One array of a document whose elements are wanted one at a time (a `list-distributions`
/// export's `DistributionList.Items`): each is handed to `element` with its position as soon as it
/// is read, so the whole array is never in memory at once.
public final class StreamedArray {
    /// Member names from the root object to the array.
    public let path: [String]
    /// Each element, its position, and where it starts (to read it again with `JSONReader.parse(contents:at:…)`).
    public let element: (DocNode, Int, ResumePoint) -> Void
    /// A name on the path appeared twice in one object: the handed-over elements may not be the
    /// ones a reader of the tree would see.
    public internal(set) var sawRepeatedName = false

    public init(path: [String], element: @escaping (DocNode, Int) -> Void) {
        self.path = path
        self.element = { node, position, _ in element(node, position) }
    }

    public init(path: [String], elementAt element: @escaping (DocNode, Int, ResumePoint) -> Void) {
        self.path = path
        self.element = element
    }
}

/// Where a value starts, with the reader's line state there: enough to read the value again from
/// the same bytes, with the same lines and columns, without keeping its tree in the meantime.
public struct ResumePoint: Sendable {
    let offset: Int
    let line: Int
    let lineStart: Int
    let continuationBytes: Int
}

/// A place in a document named from the root: member names, or any element of an array.
public struct SkippedPath: Sendable {
    public enum Component: Sendable {
        case key(String)
        case anyElement

        func matches(_ other: Component) -> Bool {
            switch (self, other) {
            case (.key(let a), .key(let b)): a == b
            case (.anyElement, .anyElement): true
            default: false
            }
        }
    }

    public var components: [Component]

    public init(_ components: [Component]) {
        self.components = components
    }
}

/// Distinct member names seen so far, found by a hash of their bytes: an open-addressing table of
/// fixed size that stops taking new names when half full (later names are then just not shared).
private struct NameTable {
    static let smallStringBytes = 15

    private static func equal(_ text: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let same = text.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == utf8.count && memcmp(stored.baseAddress!, utf8.baseAddress!, utf8.count) == 0
        }
        return same ?? text.utf8.elementsEqual(utf8)
    }
    private static let slots = 4096

    private var hashes = [UInt64](repeating: 0, count: slots)
    private var strings = [String?](repeating: nil, count: slots)
    private var stored = 0

    mutating func name(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var slot = Int(truncatingIfNeeded: hash) & (Self.slots - 1)
        while let existing = strings[slot] {
            if hashes[slot] == hash, Self.equal(existing, utf8) { return existing }
            slot = (slot + 1) & (Self.slots - 1)
        }
        let text = String(decoding: utf8, as: UTF8.self)
        if stored < Self.slots / 2 {
            hashes[slot] = hash
            strings[slot] = text
            stored += 1
        }
        return text
    }
}

/// The members (or elements) of every object (array) being read, innermost last. A finished
/// container moves its own into an array of exactly their number: no growing an array per
/// object, no spare capacity kept in the tree. `release()` frees what an error left behind.
private struct ScratchStack<Element> {
    private var base: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    mutating func push(_ element: consuming Element) {
        if count == capacity {
            let grown = Swift.max(64, capacity * 2)
            let storage = UnsafeMutablePointer<Element>.allocate(capacity: grown)
            if let base {
                storage.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = storage
            capacity = grown
        }
        (base! + count).initialize(to: element)
        count += 1
    }

    /// Moves the elements from `first` on into a new array and drops them from the stack.
    mutating func pop(from first: Int) -> [Element] {
        let taken = count - first
        // Nothing pushed (a skipped value's children): the stack may not even exist yet.
        guard taken > 0 else { return [] }
        let source = base! + first
        count = first
        return [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: taken)
            initialized = taken
        }
    }

    func contains(key: String, from first: Int) -> Bool where Element == DocNode.Member {
        (first..<count).contains { (base! + $0).pointee.key == key }
    }

    mutating func release() {
        if let base {
            base.deinitialize(count: count)
            base.deallocate()
        }
        base = nil
        capacity = 0
        count = 0
    }
}
