import Documents

/// An input already read by the caller: its bytes and the name messages give it (a path, or
/// `<stdin>`). The library never opens files; the caller may hand over a mapped file
/// (`InputBytes(mapping:count:)`), which the JSON reader then releases page by page.
public struct NamedInput: Sendable {
    public var name: String
    public var contents: InputBytes

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.contents = InputBytes(bytes)
    }

    public init(name: String, contents: InputBytes) {
        self.name = name
        self.contents = contents
    }

    /// The bytes as an array (a copy when they are a mapped file).
    public var bytes: [UInt8] { contents.bytes }
}
