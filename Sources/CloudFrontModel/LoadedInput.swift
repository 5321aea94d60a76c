/// Everything one input file contributed: distributions and custom policies.
public struct LoadedInput: Sendable {
    public var distributions: [Distribution] = []
    public var cachePolicies: [CachePolicy] = []
    public var originRequestPolicies: [OriginRequestPolicy] = []
    /// What kind of file it was, for messages ("aws cloudfront get-distribution-config").
    public var shape: String

    public init(shape: String) {
        self.shape = shape
    }
}

/// Reads any supported input, detecting its shape from content (SPEC §4).
public enum InputLoader {
    public static func load(_ document: Document) throws(InputError) -> LoadedInput {
        let root = document.cursor
        guard root.node.members != nil else {
            throw InputError(file: document.file, line: root.node.line, column: root.node.column,
                             message: "expected a JSON object describing a CloudFront distribution, found \(root.node.kindName)")
        }
        if let input = try AWSCLILoader.load(root) { return input }
        throw InputError(
            file: document.file, line: root.node.line, column: root.node.column,
            message: "not a CloudFront distribution or policy: expected the output of `aws cloudfront get-distribution-config`, "
                + "`get-distribution`, `list-distributions`, a DistributionConfig, or a cache/origin request policy")
    }
}
