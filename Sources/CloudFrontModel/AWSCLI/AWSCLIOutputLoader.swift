/// An AWS CLI command's JSON output, recognised by its one top-level key (`"DistributionConfig"`,
/// `"CachePolicyList"`, …) as botocore's cloudfront model names the output shape.
protocol AWSCLIOutputLoader: InputShapeLoader {
    static var rootKey: String { get }
    /// Reads the value under `rootKey` into `input`.
    static func read(_ value: Cursor, into input: inout LoadedInput) throws(InputError)
}

extension AWSCLIOutputLoader {
    public static func recognises(_ root: Cursor) -> Bool { root[rootKey] != nil }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        if let value = root[rootKey] { try read(value, into: &input) }
        return input
    }
}
