/// Reads the cache and origin request policies of `aws cloudfront get-cache-policy`,
/// `get-origin-request-policy`, `list-cache-policies` and `list-origin-request-policies` output
/// (shapes: fixtures/README.md, botocore cloudfront model).
enum PolicyReader {
    /// A `…Config` object's behaviour and names. A behaviour that is present but not one of the
    /// API's values is an input error: read as "none" it would turn into a false finding.
    static func selection(_ config: Cursor?, behaviorKey: String, namesKey: String,
                          allowed: [String]) throws(InputError) -> Selection {
        guard let node = config?[behaviorKey] else {
            return Selection("none", DistributionReader.strings(config?[namesKey]))
        }
        guard let behavior = node.string, allowed.contains(behavior) else {
            throw DistributionReader.invalid(node, "\(node.pointer): \(behaviorKey) must be one of \(allowed.joined(separator: ", "))")
        }
        return Selection(behavior, DistributionReader.strings(config?[namesKey]))
    }

    // Valid values from the botocore cloudfront model (shared/reference/cloudfront-shapes.md).
    static let cacheQueryBehaviors = ["none", "whitelist", "allExcept", "all"]
    static let cacheHeaderBehaviors = ["none", "whitelist"]
    static let cacheCookieBehaviors = ["none", "whitelist", "allExcept", "all"]
    static let requestQueryBehaviors = ["none", "whitelist", "all", "allExcept"]
    static let requestHeaderBehaviors = ["none", "whitelist", "allViewer", "allViewerAndWhitelistCloudFront", "allExcept"]
    static let requestCookieBehaviors = ["none", "whitelist", "all", "allExcept"]

    static func cachePolicy(_ policy: Cursor, managed: Bool = false) throws(InputError) -> CachePolicy {
        guard let id = policy["Id"]?.string else { throw DistributionReader.missing("Id", in: policy) }
        guard let config = policy["CachePolicyConfig"] else { throw DistributionReader.missing("CachePolicyConfig", in: policy) }
        let parameters = config["ParametersInCacheKeyAndForwardedToOrigin"]
        let minimum = config["MinTTL"]?.int64 ?? 0
        // CachePolicyConfig defaults: DefaultTTL 86400 and MaxTTL 31536000 unless MinTTL is higher (API_CachePolicyConfig).
        let ttl = TTLs(minimum: minimum, default: config["DefaultTTL"]?.int64 ?? max(86_400, minimum),
                       maximum: config["MaxTTL"]?.int64 ?? max(31_536_000, minimum))
        return CachePolicy(
            id: id, name: config["Name"]?.string ?? id, ttl: ttl,
            queryStrings: try selection(parameters?["QueryStringsConfig"], behaviorKey: "QueryStringBehavior", namesKey: "QueryStrings",
                                        allowed: cacheQueryBehaviors),
            headers: try selection(parameters?["HeadersConfig"], behaviorKey: "HeaderBehavior", namesKey: "Headers",
                                   allowed: cacheHeaderBehaviors),
            cookies: try selection(parameters?["CookiesConfig"], behaviorKey: "CookieBehavior", namesKey: "Cookies",
                                   allowed: cacheCookieBehaviors),
            isManaged: managed, location: policy.location)
    }

    static func originRequestPolicy(_ policy: Cursor, managed: Bool = false) throws(InputError) -> OriginRequestPolicy {
        guard let id = policy["Id"]?.string else { throw DistributionReader.missing("Id", in: policy) }
        guard let config = policy["OriginRequestPolicyConfig"] else {
            throw DistributionReader.missing("OriginRequestPolicyConfig", in: policy)
        }
        return OriginRequestPolicy(
            id: id, name: config["Name"]?.string ?? id,
            queryStrings: try selection(config["QueryStringsConfig"], behaviorKey: "QueryStringBehavior", namesKey: "QueryStrings",
                                        allowed: requestQueryBehaviors),
            headers: try selection(config["HeadersConfig"], behaviorKey: "HeaderBehavior", namesKey: "Headers",
                                   allowed: requestHeaderBehaviors),
            cookies: try selection(config["CookiesConfig"], behaviorKey: "CookieBehavior", namesKey: "Cookies",
                                   allowed: requestCookieBehaviors),
            isManaged: managed, location: policy.location)
    }
}
