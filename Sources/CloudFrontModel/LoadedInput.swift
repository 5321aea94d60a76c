/// Everything one input file contributed: distributions and custom policies.
public struct LoadedInput: Sendable {
    public var distributions: [Distribution] = []
    public var cachePolicies: [CachePolicy] = []
    public var originRequestPolicies: [OriginRequestPolicy] = []
    /// What kind of file it was, for messages: its loader's `shapeName`
    /// ("aws cloudfront get-distribution-config").
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
/// Options that change how an input is read: the AWS region for CloudFormation's `AWS::Region`
/// (and a Terraform plan whose provider region is not in the file).
public struct LoadOptions: Sendable {
    public var region: String?
    /// CloudFormation parameter values for the deployment (`--parameter Stage=prod`); parameters
    /// not given use their `Default`.
    public var parameters: [String: String]
    public init(region: String? = nil, parameters: [String: String] = [:]) {
        self.region = region
        self.parameters = parameters
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
