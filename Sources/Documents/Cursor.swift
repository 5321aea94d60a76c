/// A node plus where it is: file and RFC 6901 JSON pointer. Loaders walk documents with cursors
/// so every model value can say where it came from.
public struct Cursor: Sendable {
    public var node: DocNode
    public var pointer: String
    public var file: String

    public init(node: DocNode, pointer: String, file: String) {
        self.node = node
        self.pointer = pointer
        self.file = file
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, pointer: pointer)
    }

    public subscript(key: String) -> Cursor? {
        guard let child = node[key] else { return nil }
        return Cursor(node: child, pointer: pointer + "/" + Self.escape(key), file: file)
    }

    public var elements: [Cursor] {
        guard let elements = node.elements else { return [] }
        return elements.enumerated().map { Cursor(node: $1, pointer: pointer + "/\($0)", file: file) }
    }

    public var members: [(key: String, value: Cursor)] {
        guard let members = node.members else { return [] }
        return members.map { ($0.key, Cursor(node: $0.value, pointer: pointer + "/" + Self.escape($0.key), file: file)) }
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
        guard key.contains("~") || key.contains("/") else { return key }
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
