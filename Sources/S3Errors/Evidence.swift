/// What an error body shows (SPEC §7, "Error bodies are evidence, not rules"): its code, what the
/// code means for a presigned URL behind CloudFront, the typed symptoms it proves (most telling
/// first) and the facts it carries. The rule engine maps symptoms to rules
/// (`Diagnosis` in Sources/Rules/Evidence), so this layer names no rule.
public struct Evidence: Sendable, Equatable {
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
        /// `<AWSAccessKeyId>` exactly as the body gives it: the key of the request this body answered
        /// (`accessKeyId` may come from an `ArgumentValue`, e.g. CloudFront's own Authorization header).
        public var echoedAccessKeyId: String?
        /// `<SignatureProvided>`: the signature of the request this body answered.
        public var signatureProvided: String?
        /// The HTTP head, when given, says the response came from CloudFront's cache
        /// (`X-Cache: Hit from cloudfront`, or an `Age` header).
        public var servedFromCache = false
    }

    public var code: String?
    /// What the code means when a presigned URL goes through CloudFront, in one or two sentences.
    public var meaning: String
    /// What the body proves, in the order a diagnosis should weigh them.
    public var symptoms: [Symptom]
    public var facts: Facts
    /// Whether the request reached S3 (false: CloudFront answered itself).
    public var reachedS3: Bool
}
