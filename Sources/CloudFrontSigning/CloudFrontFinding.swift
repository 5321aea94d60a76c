/// One thing wrong with (or worth knowing about) a CloudFront signed request. `kind` names the
/// rule that reports it (the raw values are the rule names of CFD701–CFD707).
public struct CloudFrontFinding: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case signatureInvalid = "cloudfront-signature-invalid"
        case expired = "cloudfront-url-expired"
        case malformed = "cloudfront-policy-malformed"
        case resourceMismatch = "cloudfront-resource-mismatch"
        case keyNotTrusted = "cloudfront-key-not-trusted"
        case ipCondition = "ip-condition"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Whether the signature was checked, and what the check said.
public enum CloudFrontSignatureStatus: Sendable, Equatable {
    case valid
    case invalid
    /// Not checked, and why (no key, ECDSA, unknown hash algorithm, key ID not in the key file…).
    case notChecked(String)
}
