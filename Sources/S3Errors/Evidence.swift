/// What an error body proves about the distribution (SPEC §7, "Error bodies are evidence, not
/// rules"): the rules it supports, most likely first, the rules it argues against, and the facts
/// it carries. Rule IDs are plain strings: the evidence layer names rules that may live in other
/// branches and must not depend on them existing.
public struct Evidence: Sendable, Equatable {
    public struct Explanation: Sendable, Equatable, Codable {
        public var rule: String
        public var reason: String

        public init(rule: String, reason: String) {
            self.rule = rule
            self.reason = reason
        }
    }

    /// The values in the body a diagnosis rests on.
    public struct Facts: Sendable, Equatable {
        public var headersNotSigned: [String] = []
        public var canonicalRequest: String?
        public var stringToSign: String?
        /// `<Region>`: the region S3 expected (the bucket's).
        public var region: String?
        /// The region the request was signed for, from "the region 'us-east-1' is wrong".
        public var signedRegion: String?
        public var endpoint: String?
        public var bucket: String?
        public var expires: String?
        public var serverTime: String?
        public var xAmzExpires: String?
        public var accessKeyId: String?
        public var requestId: String?
    }

    public var code: String?
    /// What the code means when a presigned URL goes through CloudFront, in one or two sentences.
    public var meaning: String
    public var supports: [Explanation]
    public var rulesOut: [Explanation]
    public var facts: Facts
    /// Whether the request reached S3 (false: CloudFront answered itself).
    public var reachedS3: Bool

    public var supportedRules: [String] { supports.map(\.rule) }
    public var ruledOutRules: [String] { rulesOut.map(\.rule) }

    public func reason(supporting rule: String) -> String? { supports.first { $0.rule == rule }?.reason }
    public func reason(rulingOut rule: String) -> String? { rulesOut.first { $0.rule == rule }?.reason }
}
