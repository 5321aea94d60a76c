/// A node plus where it is: file and RFC 6901 JSON pointer. Loaders walk documents with cursors
/// so every model value can say where it came from.
///
/// The pointer is joined only when asked for: loaders look up far more values than they keep
/// locations of, and building "/DistributionList/Items/7/Origins/Items/0/DomainName" for every
/// lookup dominated the loading of large exports. A cursor keeps the pointer of an ancestor and
/// up to three steps below it; `elements` and `members` join their parent's pointer once for
/// all the children.
public struct Cursor: Sendable {
    public var node: DocNode
    public var file: String
    private var base: String
    private var step1: Step?
    private var step2: Step?
    private var step3: Step?

    private enum Step: Sendable {
        case key(String)
        case index(Int)
    }

    public init(node: DocNode, pointer: String, file: String) {
        self.node = node
        self.base = pointer
        self.file = file
    }

    private init(node: DocNode, base: String, step1: Step?, step2: Step? = nil, step3: Step? = nil, file: String) {
        self.node = node
        self.base = base
        self.step1 = step1
        self.step2 = step2
        self.step3 = step3
        self.file = file
    }

    public var pointer: String {
        get {
            guard let step1 else { return base }
            // Written once into a string of the right capacity: appending component by component
            // cost more than the rest of a lookup.
            let capacity = base.utf8.count + Self.maximumLength(step1) + Self.maximumLength(step2) + Self.maximumLength(step3)
            return String(unsafeUninitializedCapacity: capacity) { buffer in
                var at = Self.write(base, escaped: false, into: buffer, at: 0)
                at = Self.write(step1, into: buffer, at: at)
                if let step2 { at = Self.write(step2, into: buffer, at: at) }
                if let step3 { at = Self.write(step3, into: buffer, at: at) }
                return at
            }
        }
        set {
            base = newValue
            step1 = nil
            step2 = nil
            step3 = nil
        }
    }

    private static func maximumLength(_ step: Step?) -> Int {
        switch step {
        case .key(let key)?: 1 + 2 * key.utf8.count  // every byte could need "~0" / "~1"
        case .index?: 1 + 20
        case nil: 0
        }
    }

    private static func write(_ step: Step, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        buffer[start] = UInt8(ascii: "/")
        switch step {
        case .key(let key):
            return write(key, escaped: true, into: buffer, at: start + 1)
        case .index(let index):
            var digits = 1, rest = index / 10
            while rest > 0 { digits += 1; rest /= 10 }
            rest = index
            for offset in stride(from: start + digits, to: start, by: -1) {
                buffer[offset] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            return start + 1 + digits
        }
    }

    /// Copies the UTF-8 of `text`, escaping `~` and `/` as RFC 6901 says when `escaped`.
    private static func write(_ text: String, escaped: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var at = start
        func put(_ byte: UInt8) {
            if escaped, byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") {
                buffer[at] = UInt8(ascii: "~")
                buffer[at + 1] = byte == UInt8(ascii: "~") ? UInt8(ascii: "0") : UInt8(ascii: "1")
                at += 2
            } else {
                buffer[at] = byte
                at += 1
            }
        }
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            if !escaped || !utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                if let source = utf8.baseAddress, !utf8.isEmpty {
                    (buffer.baseAddress! + at).initialize(from: source, count: utf8.count)
                }
                at += utf8.count
            } else {
                for byte in utf8 { put(byte) }
            }
        }
        if copied == nil {
            for byte in text.utf8 { put(byte) }
        }
        return at
    }

    private func child(_ node: DocNode, _ step: Step) -> Cursor {
        if step1 == nil { return Cursor(node: node, base: base, step1: step, file: file) }
        if step2 == nil { return Cursor(node: node, base: base, step1: step1, step2: step, file: file) }
        if step3 == nil { return Cursor(node: node, base: base, step1: step1, step2: step2, step3: step, file: file) }
        return Cursor(node: node, base: pointer, step1: step, file: file)
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, pointer: pointer)
    }

    public subscript(key: String) -> Cursor? {
        guard let child = node[key] else { return nil }
        return self.child(child, .key(key))
    }

    public var elements: [Cursor] {
        guard let elements = node.elements else { return [] }
        let parent = pointer
        return elements.enumerated().map { Cursor(node: $1, base: parent, step1: .index($0), file: file) }
    }

    public var members: [(key: String, value: Cursor)] {
        guard let members = node.members else { return [] }
        let parent = pointer
        return members.map { ($0.key, Cursor(node: $0.value, base: parent, step1: .key($0.key), file: file)) }
    }

    public var string: String? { node.string }

    public var bool: Bool? {
        switch node.value {
        case .bool(let value): value
        case .string(let text): text == "true" ? true : text == "false" ? false : nil
        default: nil
        }
    }

    public var int64: Int64? {
        switch node.value {
        case .number(let text), .string(let text): Int64(text) ?? Double(text).flatMap { $0.isFinite && abs($0) < 9e18 ? Int64($0) : nil }
        default: nil
        }
    }

    static func escape(_ key: String) -> String {
        // Bytes, not `String.contains(_:)`: with Foundation imported anywhere in the program that
        // resolves to NSString's range(of:), which dominated the loading of large exports.
        let plain = key.utf8.withContiguousStorageIfAvailable { utf8 in
            !utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
        } ?? !key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
        guard !plain else { return key }
        var escaped = ""
        for character in key {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// Where a model value came from. Every finding about a configuration carries one.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var pointer: String

    public init(file: String, line: Int, column: Int, pointer: String) {
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
    }

    public var description: String { "\(file):\(line):\(column)" }
}
