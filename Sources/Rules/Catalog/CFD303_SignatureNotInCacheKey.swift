import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD303: the signature reaches S3 but is not part of the cache key — the first signed request
    /// caches the private object for everyone.
    static let signatureNotInCacheKey = Rule(RuleDescription(
        id: "CFD303", name: "signature-not-in-cache-key", severity: .error,
        summary: "The signature is forwarded to S3 but not in the cache key while caching is on: the cached private object is served without a signature.",
        rationale: """
            Security. CloudFront looks an object up by its cache key and asks the origin only on a miss. An origin \
            request policy adds values to the origin request "but are not included in the cache key" \
            (origin-request-understand-origin-request-policy); legacy QueryStringCacheKeys narrows the key while \
            QueryString true still forwards everything. So S3 sees and accepts the first signed request, CloudFront \
            stores the private object under a key without X-Amz-Signature, and every later request for the same \
            path — with no signature, a forged one or an expired one — is a cache hit served without asking S3, \
            for as long as the TTL allows (MinTTL > 0 even over Cache-Control no-store, API_CachePolicyConfig).
            """,
        fix: "Put the whole query string in the cache key (cache policy QueryStringBehavior all; legacy: QueryString true "
            + "with no QueryStringCacheKeys), or disable caching for this behavior (CachingDisabled + "
            + "AllViewerExceptHostHeader).",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-request-understand-origin-request-policy.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/QueryStringParameters.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html (TTLs)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("reports.s3.eu-west-2.amazonaws.com",
                behavior: #""CachePolicyId": ↓"658327ea-f89d-4fab-a63d-7e88639e58f6""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), note: "CachingOptimized (no query in the key, cached a day) + AllViewerExceptHostHeader (forwards it)"),
            RuleExample(config: .oneOrigin("reports.s3.eu-west-2.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true"#, #""QueryStringCacheKeys": ↓{"Quantity": 1, "Items": ["v"]}}, "MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), note: "legacy: all forwarded, only v in the key"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("reports.s3.eu-west-2.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), note: "nothing is cached"),
            RuleExample(config: .oneOrigin("reports.s3.eu-west-2.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), note: "the article's setting: forward all, cache on all"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding, forwarding.isResolved,
              forwarding.cachesResponses, let origin = target.primaryS3Origin,
              forwarding.forwardsQuery("X-Amz-Signature", toS3Origin: true) == true,
              forwarding.queryInCacheKey("X-Amz-Signature") == false else { return [] }
        let location: SourceLocation
        if case .legacy = target.behavior.cacheSettings {
            location = target.behavior.location(of: .forwardedValuesQueryStringCacheKeys)
        } else {
            location = target.behavior.location(of: .cachePolicyId)
        }
        let path = target.behavior.pathPattern ?? "*"
        return [Violation(
            "Anyone can read cached private objects of behavior \(target.behavior.displayName) without a signature: X-Amz-Signature "
                + "reaches S3 but the cache key's query strings are \(Forwarding.describe(forwarding.cacheKeyQuery)), so after "
                + "one signed request for a path under \(path), any request for that path — unsigned or expired — is served "
                + "from the edge cache for up to \(DurationText.explain(forwarding.ttl.longest)).",
            at: location, origin: origin.id)]
    }
}
