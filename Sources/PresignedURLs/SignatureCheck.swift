/// The outcome of recomputing a URL's signature the way S3 would for a received request.
public struct SignatureCheck: Sendable {
    public var matches: Bool
    /// The SigV4 canonical request (nil for SigV2, or when a signed header's value is unknown).
    public var canonicalRequest: String?
    public var stringToSign: String
    public var expectedSignature: String
    public var providedSignature: String
    /// Signed headers whose value S3 would need but the request does not carry.
    public var unknownSignedHeaders: [String]
}
