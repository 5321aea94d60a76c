/// Reads one input shape (an AWS CLI command's output, a bare DistributionConfig, later a
/// CloudFormation template or a Terraform plan) into the model. A new shape is one type
/// conforming to this and one line in `InputLoader.loaders`.
public protocol InputShapeLoader: Sendable {
    /// How messages name the shape: "aws cloudfront get-distribution-config", "DistributionConfig".
    static var shapeName: String { get }
    /// Whether `root` is a document of this shape, judged from content alone (SPEC §4).
    static func recognises(_ root: Cursor) -> Bool
    /// Reads a document `recognises` accepted.
    static func load(_ root: Cursor) throws(InputError) -> LoadedInput
    /// Reads it with options (`--region`); shapes that need none keep the default.
    static func load(_ root: Cursor, options: LoadOptions) throws(InputError) -> LoadedInput
}

extension InputShapeLoader {
    public static func load(_ root: Cursor, options: LoadOptions) throws(InputError) -> LoadedInput {
        try load(root)
    }
}
