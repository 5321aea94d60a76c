/// Everything one input file contributed: distributions and custom policies.
public struct LoadedInput: Sendable {
    public var distributions: [Distribution] = []
    public var cachePolicies: [CachePolicy] = []
    public var originRequestPolicies: [OriginRequestPolicy] = []
    /// What kind of file it was, for messages ("aws cloudfront get-distribution-config").
    public var shape: String
    /// What the loader could not know or chose not to read (IaC values unknown until deploy).
    public var notes: [String] = []
    /// Suppressions declared inside the input.
    public var inlineIgnores: [InlineIgnore] = []
    /// A template or plan: having no distribution is a fine result (a note), not an input error.
    public var isInfrastructureCode = false

    public init(shape: String) {
        self.shape = shape
    }
}

/// Reads any supported input, detecting its shape from content (SPEC §4).
public enum InputLoader {
    public static func load(_ document: Document) throws(InputError) -> LoadedInput {
        try load(document, options: LoadOptions())
    }

    public static func load(_ document: Document, options: LoadOptions) throws(InputError) -> LoadedInput {
        let root = document.cursor
        guard root.node.members != nil else {
            throw InputError(file: document.file, line: root.node.line, column: root.node.column,
                             message: "expected a JSON object describing a CloudFront distribution, found \(root.node.kindName)")
        }
        if TerraformLoader.recognises(root) { return try TerraformLoader.load(root, options: options) }
        if CloudFormationLoader.recognises(root) { return try CloudFormationLoader.load(root, options: options) }
        if let input = try AWSCLILoader.load(root) { return input }
        throw InputError(
            file: document.file, line: root.node.line, column: root.node.column,
            message: "not a CloudFront distribution or policy: expected the output of `aws cloudfront get-distribution-config`, "
                + "`get-distribution`, `list-distributions`, a DistributionConfig, or a cache/origin request policy")
    }
}

/// Options that change how an input is read: the AWS region for CloudFormation's `AWS::Region`
/// (and a Terraform plan whose provider region is not in the file).
public struct LoadOptions: Sendable {
    public var region: String?
    public init(region: String? = nil) {
        self.region = region
    }
}

/// A rule suppression written in the input itself: CloudFormation resource
/// `Metadata.cfdoctor.ignore`, Terraform tag `cfdoctor:ignore` (SPEC §9).
public struct InlineIgnore: Sendable, Equatable {
    public var rules: [String]
    /// The logical ID or Terraform address the suppression belongs to.
    public var resource: String
    public var reason: String?
    public var location: SourceLocation
    public init(rules: [String], resource: String, reason: String?, location: SourceLocation) {
        self.rules = rules
        self.resource = resource
        self.reason = reason
        self.location = location
    }
}
