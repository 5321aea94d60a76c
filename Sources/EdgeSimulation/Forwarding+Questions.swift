import CloudFrontModel
import PresignedURLs

/// The questions the forwarding and caching rules ask of a behavior, answered from `Forwarding`.
///
/// AWS semantics (each quoted in docs/aws-facts.md, "Forwarding semantics"):
/// - Cache key values are always forwarded; an origin request policy adds to the origin request,
///   never to the key (CachePolicy / OriginRequestPolicy, CloudFront API Reference).
/// - `CachePolicyHeadersConfig.HeaderBehavior none`: "any headers that are listed in an
///   OriginRequestPolicy are included in origin requests" — so headers are the union of both.
/// - Header names are case-insensitive; query string names are case-sensitive ("CloudFront
///   considers the case of parameter names and values when caching", QueryStringParameters).
/// - A TTL of 0 everywhere means nothing is cached; MinTTL > 0 caches even over `no-store`
///   (API_CachePolicyConfig).
extension Forwarding {
    /// The query parameters every SigV4 presigned URL carries, plus the session token that
    /// temporary credentials add (S3 API Reference, "Authenticating Requests: Using Query Parameters").
    public static let signatureParameters: [String] = SigV4Query.required + ["X-Amz-Security-Token"]

    /// Whether CloudFront may keep a response at all: some TTL is above 0.
    public var cachesResponses: Bool { ttl.longest > 0 }

    /// Whether no query string at all can reach the origin (neither key nor origin request policy).
    public var forwardsNoQueryString: Bool {
        cacheKeyQuery.behavior == "none" && originRequestQuery.behavior == "none"
    }

    /// The names among `names` that do not reach the origin (nil when a policy is unknown).
    public func droppedQuery(_ names: [String], toS3Origin: Bool) -> [String]? {
        var dropped = [String]()
        for name in names {
            guard let forwarded = forwardsQuery(name, toS3Origin: toS3Origin) else { return nil }
            if !forwarded { dropped.append(name) }
        }
        return dropped
    }

    /// Where a viewer header reaches the origin from: the cache key, the origin request policy
    /// (or legacy ForwardedValues.Headers, which is the key), or nowhere.
    public enum HeaderSource: Sendable, Equatable { case cacheKey, originRequest }

    public func headerSource(_ name: String) -> HeaderSource? {
        if cacheKeyHeaders.includes(name, caseSensitive: false) { return .cacheKey }
        if originRequestHeaders.includes(name, caseSensitive: false) { return .originRequest }
        return nil
    }
}
