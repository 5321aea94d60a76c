import CloudFrontSigning
import PresignedURLs

/// `url`'s own fields: the decoded URL (always redacted) and the signature check.
public struct URLView: Sendable {
    /// The user's own URL as given: only when the caller asked to show it (`url` text output
    /// without --redact, SPEC §8). nil everywhere else.
    public struct AsGiven: Sendable {
        public var url: String
        public var signature: String?
        public var securityToken: String?
        public var expectedSignature: String?
    }

    public struct SignatureCheckView: Sendable {
        public var outcome: URLVerification.Outcome
        public var summary: String
        public var status: String
        public var version: String
        public var canonicalRequest: String?
        public var stringToSign: String?
    }

    public var decoded: DecodedURL
    public var asGiven: AsGiven?
    /// nil without a secret key: nothing was verified.
    public var signatureCheck: SignatureCheckView?
    /// The CloudFront signature block; holds no signature, only the policy and the verdict.
    public var cloudFront: CloudFrontDecoded? = nil
}

extension Presentation {
    /// `url`'s result, redacted. `showingURLAsGiven`: the user's own URL may be echoed with its
    /// signature and token (text output without --redact); the secret key never is.
    public init(redacting result: URLCheckResult, showingURLAsGiven: Bool) {
        let key = result.secretKeyForms
        let full = Redaction(secrets: result.secrets + key)
        // Echoing the user's URL shows its signature and token, but still never the secret key,
        // not even when the URL itself carries it (a pasted URL with the key in it; found by the
        // url fuzz target, Fuzz/README.md).
        let keyOnly = Redaction(secrets: key)
        let canonicalRedaction = showingURLAsGiven ? keyOnly : full
        let decoded = result.decoded.scrubbed(by: keyOnly)
        let check = result.verification.map { verification in
            URLView.SignatureCheckView(
                outcome: verification.outcome, summary: verification.summary, status: verification.status,
                version: verification.version, canonicalRequest: canonicalRedaction.scrub(verification.check?.canonicalRequest),
                stringToSign: verification.check.map(\.stringToSign).flatMap { $0.isEmpty ? nil : $0 })
        }
        let asGiven = showingURLAsGiven
            ? URLView.AsGiven(url: decoded.originalURL, signature: decoded.rawSignature, securityToken: decoded.rawSecurityToken,
                              expectedSignature: result.verification?.check?.expectedSignature)
            : nil
        self.init(report: result.report, verdict: result.verdict,
                  subject: .url(URLView(decoded: decoded, asGiven: asGiven, signatureCheck: check,
                                        cloudFront: result.cloudFront?.scrubbed(by: full))), redaction: full,
                  outputRedaction: canonicalRedaction)
    }
}
