/// Everything one input file contributed: distributions and custom policies.
public struct LoadedInput: Sendable {
    public var distributions: [Distribution] = []
    public var cachePolicies: [CachePolicy] = []
    public var originRequestPolicies: [OriginRequestPolicy] = []
    /// What kind of file it was, for messages: its loader's `shapeName`
    /// ("aws cloudfront get-distribution-config").
    public var shape: String

    public init(shape: String) {
        self.shape = shape
    }
}
