import PresignedURLs

extension PresignedURL {
    /// How findings name a URL: scheme, host and path, never the query (which holds the signature).
    var shortName: String { "\(scheme)://\(host)\(rawPath)" }
}

extension RuleContext {
    /// The URL under examination, for URL rules.
    var urlName: String { url?.shortName ?? "the URL" }
}
