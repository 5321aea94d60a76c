import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    static let ttlExceedsSignatureLifetime = Rule(RuleDescription(
        id: "CFD501", name: "ttl-exceeds-signature-lifetime", severity: .warning,
        summary: "CloudFront may cache the object longer than the presigned URL is valid.",
        rationale: """
            S3 checks the signature only on a cache miss. While the object is in the edge cache, CloudFront \
            serves it for the same URL without asking S3, so an expired URL keeps working until the cached copy \
            expires. Without Cache-Control from S3 the DefaultTTL applies; an object with a long max-age is kept \
            up to MaxTTL; MinTTL > 0 caches even over no-store ("If your minimum TTL is greater than 0, CloudFront \
            will cache content for at least the duration specified", CachePolicyConfig). The signature lifetime \
            is the URL's X-Amz-Expires or --signature-lifetime.
            """,
        fix: "Keep the cache time at or below the signature lifetime: MaxTTL (and DefaultTTL) ≤ X-Amz-Expires, or "
            + "disable caching (CachingDisabled), or round signing times as in the article's Solution #2 and cap MaxTTL.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ (section Caching: 'CloudFront will cache the response longer than the validity of the signature')",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html (MinTTL)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": ↓86400, "MaxTTL": 31536000"#), signatureLifetime: 900),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 600, "MaxTTL": ↓86400"#), signatureLifetime: 900, note: "DefaultTTL fits, but an object with Cache-Control max-age stays a day"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": ↓"4cc15a8a-d715-48a4-82b8-cc0b614638fe""#), signatureLifetime: 900,
                note: "UseOriginCacheControlHeaders-QueryStrings: DefaultTTL 0, but MaxTTL a year when S3 sends max-age"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), signatureLifetime: 900),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), note: "no URL and no --signature-lifetime: nothing to compare with"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), signatureLifetime: 900, note: "CachingDisabled keeps nothing"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding, forwarding.isResolved,
              let lifetime = context.signatureLifetime else { return [] }
        let ttl = forwarding.ttl
        guard ttl.longest > lifetime.seconds else { return [] }
        let behavior = target.behavior
        let field: Behavior.Field
        switch behavior.cacheSettings {
        case .legacy:
            field = ttl.default > lifetime.seconds ? .defaultTTL : ttl.maximum >= ttl.minimum ? .maxTTL : .minTTL
        default:
            field = .cachePolicyId
        }
        let arithmetic = "MinTTL \(DurationText.explain(ttl.minimum)), DefaultTTL \(DurationText.explain(ttl.default)), "
            + "MaxTTL \(DurationText.explain(ttl.maximum)) vs signature lifetime \(DurationText.explain(lifetime.seconds)) "
            + "from \(lifetime.source)"
        return [Violation(
            "Behavior \(behavior.displayName) can keep an object cached for up to \(DurationText.explain(ttl.longest)), "
                + "longer than the URL's signature lives: an expired URL keeps working from the edge cache. (\(arithmetic))",
            at: behavior.location(of: field), origin: target.origins.first?.id)]
    }
}
