/// One node of a parsed JSON or YAML document, with the 1-based line and column (in Unicode
/// scalars) where its value starts. Loaders navigate it with `Cursor`, which adds the JSON pointer.
public struct DocNode: Sendable {
    /// Only `.tagged` is indirect: a box per node for every case made each value of a large
    /// export one more allocation (and one more release when the tree goes away).
    public enum Value: Sendable {
        case object([Member])
        case array([DocNode])
        case string(String)
        /// The number as written, so a 64-bit TTL or an account ID never loses digits.
        case number(String)
        case bool(Bool)
        case null
        /// A YAML local tag such as CloudFormation's `!Ref` or `!GetAtt`, around its value.
        indirect case tagged(String, DocNode)
    }

    public struct Member: Sendable {
        public var key: String
        public var value: DocNode
        /// Where the key starts, when the reader knows it (YAML); 0 otherwise. A message about
        /// an unknown key points at the key, not at its value.
        public var keyLine: Int
        public var keyColumn: Int
        public init(key: String, value: DocNode, keyLine: Int = 0, keyColumn: Int = 0) {
            self.key = key
            self.value = value
            self.keyLine = keyLine
            self.keyColumn = keyColumn
        }
    }

    public var value: Value
    /// 32 bits each: a node of a large export is then 32 bytes instead of 40 (inputs are limited
    /// to far fewer than 2³² lines and columns; larger values are clamped, never wrapped).
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
    }
}

extension DocNode {
    public var members: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var elements: [DocNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The member named `key`; the last one wins, as in JSONSerialization and CloudFormation.
    public subscript(key: String) -> DocNode? {
        guard case .object(let members) = value else { return nil }
        // Comparing the lengths first rejects most names without a string comparison.
        let length = key.utf8.count
        for member in members.reversed() where member.key.utf8.count == length && member.key == key {
            return member.value
        }
        return nil
    }

    public var kindName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .tagged(let tag, _): "a \(tag) value"
        }
    }
}
