import CloudFrontModel
import EdgeSimulation

extension Rule {
    /// CFD502: the article's Solution #1 — correct, but every request goes to S3.
    static let cachingDisabled = Rule(RuleDescription(
        id: "CFD502", name: "caching-disabled", severity: .info,
        summary: "Caching is off for the behavior: every request goes to S3.",
        rationale: """
            With MinTTL, DefaultTTL and MaxTTL all 0 (managed CachingDisabled: "Minimum TTL: 0 seconds, Maximum \
            TTL: 0 seconds, Default TTL: 0 seconds", Use managed cache policies) CloudFront keeps nothing, so S3 \
            checks the signature on every request. That is the article's Solution #1: safe, "but it will also \
            effectively nullify the edge location caching". Informational: nothing breaks.
            """,
        fix: "Nothing to fix. To get edge caching back, round signing times to a window and cap the TTL (the article's "
            + "Solution #2), keeping the whole query string in the cache key.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ ('Solution #1: disable the cache')",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""CachePolicyId": ↓"4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#)),
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 0, "MaxTTL": ↓0"#), note: "the article's 'custom TTL 0'"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#)),
        ]
    )) { context in
        // Only S3 origins: "every request goes to S3" says nothing about an ALB behavior a URL happened to hit.
        guard let target = context.target, target.isS3, let forwarding = target.forwarding, forwarding.isResolved,
              !forwarding.cachesResponses else { return [] }
        return [Violation(
            "Behavior \(target.behavior.displayName) caches nothing (MinTTL, DefaultTTL and MaxTTL are 0): every request goes "
                + "to S3, which checks the signature each time — correct, but without edge caching.",
            at: target.ttlLocation, origin: target.origins.first?.id)]
    }
}
