/// A string that cannot be read as an HTTP(S) URL at all. (A readable URL with problems, such as
/// a missing SigV4 parameter, is parsed and the problems become findings.)
public struct URLInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
