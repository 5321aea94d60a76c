/// A node plus where it is: file and RFC 6901 JSON pointer. Loaders walk documents with cursors
/// so every model value can say where it came from.
///
/// The pointer is joined only when asked for, and a location keeps it unjoined too: a loader
/// looks up far more values than findings ever print the pointer of, and building
/// "/DistributionList/Items/7/Origins/Items/0/DomainName" for every lookup and every located field
/// dominated the loading of large exports (see `PointerPath`).
public struct Cursor: Sendable {
    public var node: DocNode
    public var file: String
    private var path: PointerPath

    public init(node: DocNode, pointer: String, file: String) {
        self.node = node
        self.path = PointerPath(pointer)
        self.file = file
    }

    private init(node: DocNode, path: PointerPath, file: String) {
        self.node = node
        self.path = path
        self.file = file
    }

    public var pointer: String {
        get { path.joined }
        set { path = PointerPath(newValue) }
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, path: path)
    }

    public subscript(key: String) -> Cursor? {
        guard let child = node[key] else { return nil }
        return Cursor(node: child, path: path.appending(.key(key)), file: file)
    }

    public var elements: [Cursor] {
        guard let elements = node.elements else { return [] }
        let parent = path.flattened
        return elements.enumerated().map { Cursor(node: $1, path: parent.appending(.index($0)), file: file) }
    }

    public var members: [(key: String, value: Cursor)] {
        guard let members = node.members else { return [] }
        let parent = path.flattened
        return members.map { ($0.key, Cursor(node: $0.value, path: parent.appending(.key($0.key)), file: file)) }
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
}

/// Where a model value came from. Every finding about a configuration carries one.
///
/// Equality, hashing and coding use the joined pointer, exactly as when it was a stored string.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 32 bits each, as in `DocNode` (inputs have far fewer than 2³² lines): every located field of
    /// a large export's model holds a location.
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var path: StoredPointer

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public var pointer: String {
        get { path.joined }
        set { path = StoredPointer(newValue) }
    }

    public init(file: String, line: Int, column: Int, pointer: String) {
        self.init(file: file, line: line, column: column, path: StoredPointer(pointer))
    }

    init(file: String, line: Int, column: Int, path: PointerPath) {
        self.init(file: file, line: line, column: column, path: StoredPointer(path))
    }

    init(file: String, line: Int, column: Int, path: StoredPointer) {
        self.file = file
        self.storedLine = UInt32(clamping: line)
        self.storedColumn = UInt32(clamping: column)
        self.path = path
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func == (a: SourceLocation, b: SourceLocation) -> Bool {
        a.line == b.line && a.column == b.column && a.file == b.file && a.pointer == b.pointer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(pointer)
    }

    private enum CodingKeys: String, CodingKey { case file, line, column, pointer }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column), pointer: try container.decode(String.self, forKey: .pointer))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(pointer, forKey: .pointer)
    }
}

extension SourceLocation {
    /// A location without its file and without the part of its pointer it shares with its
    /// neighbours (the ancestor's pointer), for a container that keeps those once
    /// (`FieldLocations`): 24 bytes instead of 56.
    public struct Local: Sendable {
        fileprivate var storedLine: UInt32
        fileprivate var storedColumn: UInt32
        fileprivate var suffix: String
    }

    /// The file, the shared ancestor pointer and the rest; `SourceLocation(file:base:_:)` puts
    /// them together again.
    public var parts: (file: String, base: String, local: Local) {
        (file, path.base, Local(storedLine: storedLine, storedColumn: storedColumn, suffix: path.suffix))
    }

    public init(file: String, base: String, _ local: Local) {
        self.file = file
        self.storedLine = local.storedLine
        self.storedColumn = local.storedColumn
        self.path = StoredPointer(base: base, suffix: local.suffix)
    }
}
