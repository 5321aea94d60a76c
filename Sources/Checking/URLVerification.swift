import PresignedURLs
import Rules

/// The signature recomputed for the URL exactly as it stands: sent straight to S3 with its own
/// host, path and query (S3 API Reference, sigv4-query-string-auth.html; SigV2 for legacy URLs).
public struct URLVerification: Sendable {
    public enum Outcome: Sendable {
        case matches
        case mismatch
        /// Signed headers other than host whose values the URL does not carry (Range, SSE-C…).
        case unknownHeaders([String])
        /// The URL lacks a parameter needed to compute a signature (CFD603 says which).
        case notComputable
    }

    public var outcome: Outcome
    public var check: SignatureCheck?
    public var version: String
    public var hostIsS3: Bool

    init(_ url: PresignedURL, secret: String) {
        let request = ReceivedRequest(url)
        hostIsS3 = url.endpoint != nil
        switch QueryAuth(url) {
        case .sigV4(let query):
            version = "SigV4"
            upperCase = query.signatureHasUpperCaseHex
            check = SignatureVerifier.verifySigV4(query, request: request, secret: secret)
        case .sigV2(let query):
            version = "SigV2"
            let bucket = url.endpoint?.addressing == .virtualHosted ? url.endpoint?.bucket : nil
            check = SignatureVerifier.verifySigV2(query, request: request, bucket: bucket, secret: secret)
        case .none:
            version = "none"
            check = nil
        }
        if let check {
            if !check.unknownSignedHeaders.isEmpty {
                outcome = .unknownHeaders(check.unknownSignedHeaders)
            } else {
                outcome = check.matches ? .matches : .mismatch
            }
        } else {
            outcome = .notComputable
        }
    }

    /// A mismatch on an S3 host is certain: S3 will answer SignatureDoesNotMatch. The engine turns
    /// it into a CFD610 finding like any other, so severity overrides and suppressions apply.
    var violation: (rule: Rule, violation: Violation)? {
        if upperCase { return Self.upperCaseViolation }
        guard case .mismatch = outcome, hostIsS3, let rule = Catalog.rule("CFD610") else { return nil }
        return (rule, Violation(
            "The \(version) signature does not verify for this URL as it stands with the given secret key: S3 "
                + "answers 403 SignatureDoesNotMatch. The URL was changed after signing (host, path, query or its "
                + "encoding), or was signed with another key.", at: nil,
            fix: "Presign again and use the URL byte for byte; compare the canonical request shown with the one in S3's "
                + "SignatureDoesNotMatch response."))
    }

    /// The signature is upper-case hex (SigV4 query auth only).
    var upperCase = false

    /// S3 compares the lower-case hex signature case-sensitively (aws/aws-sdk-js#3322): an upper-case
    /// signature fails whatever the key, so this needs no secret.
    static var upperCaseViolation: (rule: Rule, violation: Violation)? {
        guard let rule = Catalog.rule("CFD610") else { return nil }
        return (rule, Violation(
            "X-Amz-Signature is upper-case hex: S3 compares the signature as lower-case hex, case-sensitively, and answers "
                + "403 SignatureDoesNotMatch for any key.", at: nil,
            fix: "Hand out the URL exactly as the SDK produced it: do not change the case of the signature (or of the URL)."))
    }

    func notes(variable: String) -> [String] {
        switch outcome {
        case .matches, .mismatch:
            if case .mismatch = outcome, !hostIsS3 {
                return ["The signature does not verify for this host, which is not an S3 host: the URL was presumably signed for "
                    + "the S3 host before the host was swapped. `cfdoctor check` with the distribution tries the candidate hosts."]
            }
            return []
        case .unknownHeaders(let names):
            return ["Not verified: the URL signs headers whose values it does not carry (\(names.joined(separator: ", "))); "
                + "the client must send exactly the values that were signed."]
        case .notComputable:
            return ["Not verified with $\(variable): the URL lacks what a signature is computed from (see the findings)."]
        }
    }

    public var summary: String {
        switch outcome {
        case .matches: "\(version) signature verified: matches"
        case .mismatch: "\(version) signature does NOT match"
        case .unknownHeaders: "\(version) signature not verified (signed header values unknown)"
        case .notComputable: "signature not verified (URL incomplete)"
        }
    }

    public var status: String {
        switch outcome {
        case .matches: "match"
        case .mismatch: "mismatch"
        case .unknownHeaders: "unknown-signed-headers"
        case .notComputable: "not-computable"
        }
    }
}
