/// An input already read by the caller: its bytes and the name messages give it (a path, or
/// `<stdin>`). The library never opens files.
public struct NamedInput: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
