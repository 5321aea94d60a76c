/// An input or usage problem found while checking: one line naming the input (file:line:column
/// where known). The command line prints it and exits 2.
public struct InputFailure: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
