import PresignedURLs

/// The one place secrets are removed before output. Every string a reporter receives went
/// through `scrub`, built from the raw secrets of the inputs: the signatures and session tokens
/// of the URLs (as given and percent-encoded, as they appear in canonical requests) and the
/// secret key. Structured fields (the URL, the error body's fields) are redacted where they are
/// built; this is the net under them.
struct Redaction: Sendable {
    static let placeholder = "REDACTED"

    var secrets: [String]

    init(secrets: [String]) {
        // Longest first, so a secret containing another is replaced whole; short values could
        // match ordinary text and are not secrets anyway (a signature is 28+ characters).
        self.secrets = Set(secrets.filter { $0.utf8.count >= 8 }).sorted { $0.utf8.count > $1.utf8.count }
    }

    /// The raw secret values of URLs, as given and percent-encoded. A CloudFront `Signature` is
    /// one whatever else the URL carries: an S3 presigned URL with CloudFront's parameters added
    /// printed it in the SigV4 canonical request (found by the `cfurl` fuzz target).
    static func secrets(of urls: [PresignedURL]) -> [String] {
        urls.flatMap { url -> [String] in
            let values: [String?]
            switch QueryAuth(url) {
            case .sigV4(let query): values = [query.signature, query.securityToken]
            case .sigV2(let query): values = [query.signature, query.securityToken]
            case .none: values = []
            }
            // Every occurrence, not only the one the signature check reads: a URL may repeat a
            // parameter, and each value is printed somewhere (found by the `cfurl` fuzz target).
            let repeated = url.parameters.filter { PresignedURL.sensitiveParameters.contains($0.name) }
                .flatMap { [$0.value, String($0.rawValue)] }
            return (values.compactMap { $0 } + repeated).flatMap { [$0, PercentEncoding.encode($0)] }
        }
    }

    /// The secret key in the environment, as written and percent-encoded: hidden whether or not it
    /// was used (it may belong to another access key), since an input may carry it anyway (a
    /// pasted URL or template with the key in it: found by the url, cloudformation and terraform
    /// fuzz targets).
    static func secretKey(_ key: String?) -> [String] {
        [key].compactMap { $0 }.flatMap { [$0, PercentEncoding.encode($0)] }
    }

    func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) { text = text.replacingAll(secret, with: Self.placeholder) }
        return text
    }

    func scrub(_ texts: [String]) -> [String] { texts.map(scrub) }

    func scrub(_ text: String?) -> String? { text.map(scrub) }
}

extension String {
    func replacingAll(_ needle: String, with replacement: String) -> String {
        guard !needle.isEmpty else { return self }
        return split(separator: needle, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
