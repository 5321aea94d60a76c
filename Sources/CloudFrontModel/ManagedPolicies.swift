/// The AWS managed cache and origin request policies, by ID.
///
/// Sources: CloudFront Developer Guide "Use managed cache policies" and "Use managed origin request
/// policies" (awsdocs/amazon-cloudfront-developer-guide using-managed-cache-policies.md,
/// using-managed-origin-request-policies.md), IDs cross-checked with aws-cdk-lib
/// `aws-cloudfront/lib/cache-policy.ts` and `origin-request-policy.ts`. Entries whose settings were
/// not read from AWS text are marked "secondary" (collected in fixtures/managed-policies.json).
public enum ManagedPolicies {
    public static let cachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    public static let cachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"

    public static let cachePolicies: [CachePolicy] = [
        cache(cachingOptimized, "CachingOptimized", ttl: TTLs(minimum: 1, default: 86_400, maximum: 31_536_000)),
        cache("b2884449-e4de-46a7-ac36-70bc7f1ddd6d", "CachingOptimizedForUncompressedObjects",
              ttl: TTLs(minimum: 1, default: 86_400, maximum: 31_536_000)),
        // "Nothing is in the cache key" — and since a cache policy forwards only its key, no query
        // string reaches the origin unless an origin request policy adds it.
        cache(cachingDisabled, "CachingDisabled", ttl: TTLs(minimum: 0, default: 0, maximum: 0)),
        cache("08627262-05a9-4f76-9ded-b50ca2e3a84f", "Elemental-MediaPackage",
              ttl: TTLs(minimum: 0, default: 86_400, maximum: 31_536_000),
              query: Selection("whitelist", ["aws.manifestfilter", "start", "end", "m"]),
              headers: Selection("whitelist", ["Origin"])),
        cache("2e54312d-136d-493c-8eb9-b001f22f67d2", "Amplify", ttl: TTLs(minimum: 2, default: 2, maximum: 600),
              query: Selection("all"), headers: Selection("whitelist", ["Authorization", "CloudFront-Viewer-Country", "Host"]),
              cookies: Selection("all")),
        // Verified (docs/aws-facts.md #15): "Minimum TTL: 0 seconds … Maximum TTL: 31,536,000 seconds … Default
        // TTL: 0 seconds … Headers included in the cache key: Host, Origin, X-HTTP-Method-Override, X-HTTP-Method,
        // X-Method-Override … Cookies: All … Query strings: None" (Developer Guide, using-managed-cache-policies).
        cache("83da9c7e-98b4-4e11-a168-04f0df8e2c65", "UseOriginCacheControlHeaders",
              ttl: TTLs(minimum: 0, default: 0, maximum: 31_536_000),
              headers: Selection("whitelist", ["Host", "Origin", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"]),
              cookies: Selection("all")),
        // Verified as above, with "Query strings included in the cache key: All query strings are included."
        cache("4cc15a8a-d715-48a4-82b8-cc0b614638fe", "UseOriginCacheControlHeaders-QueryStrings",
              ttl: TTLs(minimum: 0, default: 0, maximum: 31_536_000), query: Selection("all"),
              headers: Selection("whitelist", ["Host", "Origin", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"]),
              cookies: Selection("all")),
    ]

    public static let allViewer = "216adef6-5c7f-47e4-b989-5492eafa07d3"
    public static let allViewerAndCloudFrontHeaders = "33f36d7e-f396-46d9-90e0-52428a34d9dc"
    public static let allViewerExceptHostHeader = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
    public static let mediaTailor = "775133bc-15f2-49f9-abea-afb2e0bf67d2"

    public static let originRequestPolicies: [OriginRequestPolicy] = [
        // "All headers in the viewer request" — the viewer Host included.
        request(allViewer, "AllViewer", query: Selection("all"), headers: Selection("allViewer"), cookies: Selection("all")),
        // secondary: the CloudFront-* header list; behaviour as aws-cdk-lib describes it.
        request(allViewerAndCloudFrontHeaders, "AllViewerAndCloudFrontHeaders-2022-06", query: Selection("all"),
                headers: Selection("allViewerAndWhitelistCloudFront", ["CloudFront-Forwarded-Proto", "CloudFront-Viewer-Country"]),
                cookies: Selection("all")),
        // Verified settings (docs/aws-facts.md #15): "All headers in the viewer request except for the Host header",
        // cookies and query strings all; "CloudFront adds a new Host header with the origin's domain name". The API
        // spelling allExcept [Host] is still secondary; it means exactly that (API_OriginRequestPolicyHeadersConfig).
        request(allViewerExceptHostHeader, "AllViewerExceptHostHeader", query: Selection("all"),
                headers: Selection("allExcept", ["Host"]), cookies: Selection("all")),
        request("59781a5b-3903-41f3-afcb-af62929ccde1", "CORS-CustomOrigin", query: .nothing, headers: Selection("whitelist", ["Origin"]), cookies: .nothing),
        // Forwards no query string: with CachingOptimized or CachingDisabled the X-Amz-* parameters never reach S3.
        request("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf", "CORS-S3Origin", query: .nothing,
                headers: Selection("whitelist", ["Origin", "Access-Control-Request-Headers", "Access-Control-Request-Method"]), cookies: .nothing),
        request(mediaTailor, "Elemental-MediaTailor-PersonalizedManifests", query: Selection("all"),
                headers: Selection("whitelist", ["Origin", "Access-Control-Request-Headers", "Access-Control-Request-Method", "User-Agent", "X-Forwarded-For"]),
                cookies: .nothing),
        request("acba4595-bd28-49b8-b9fe-13317c0390fa", "UserAgentRefererHeaders", query: .nothing,
                headers: Selection("whitelist", ["User-Agent", "Referer"]), cookies: .nothing),
        // secondary.
        request("bf0718e1-ba1e-49d1-88b1-f726733018ae", "HostHeaderOnly", query: .nothing, headers: Selection("whitelist", ["Host"]), cookies: .nothing),
    ]

    /// "When you use the AllViewer, AllViewerAndCloudFrontHeaders-2022-06, AllViewerExceptHostHeader,
    /// or Elemental-MediaTailor-PersonalizedManifests managed origin request policy with an Amazon S3
    /// origin, CloudFront doesn't forward the following query string parameters to the origin:
    /// response-content-type response-content-disposition response-content-encoding … This applies
    /// only to managed origin request policies." (CloudFront Developer Guide, using-managed-origin-request-policies)
    public static let policiesDroppingResponseOverridesForS3: Set<String> = [
        allViewer, allViewerAndCloudFrontHeaders, allViewerExceptHostHeader, mediaTailor,
    ]
    public static let responseOverridesDroppedForS3: [String] = [
        "response-content-type", "response-content-disposition", "response-content-encoding",
    ]

    private static func cache(_ id: String, _ name: String, ttl: TTLs, query: Selection = .nothing,
                              headers: Selection = .nothing, cookies: Selection = .nothing) -> CachePolicy {
        CachePolicy(id: id, name: "Managed-" + name, ttl: ttl, queryStrings: query, headers: headers,
                    cookies: cookies, isManaged: true)
    }

    private static func request(_ id: String, _ name: String, query: Selection, headers: Selection,
                                cookies: Selection) -> OriginRequestPolicy {
        OriginRequestPolicy(id: id, name: "Managed-" + name, queryStrings: query, headers: headers,
                            cookies: cookies, isManaged: true)
    }
}

extension ManagedPolicies {
    /// A managed policy's ID as the catalog's own string (static text, no allocation), else `id`:
    /// nearly every behavior of an account names one of the same few managed policies, and a
    /// 36-character ID read from a file is a heap string per behavior.
    public static func sharedID(_ id: String) -> String {
        if let policy = cachePolicies.first(where: { $0.id == id }) { return policy.id }
        if let policy = originRequestPolicies.first(where: { $0.id == id }) { return policy.id }
        return id
    }
}
