/// Input cfdoctor cannot work with: one line for stderr (exit 2). Messages name the file and what
/// is wrong with it; they never contain key material, signatures or policies.
public struct CloudFrontSigningError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var message: String

    public init(file: String? = nil, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}
