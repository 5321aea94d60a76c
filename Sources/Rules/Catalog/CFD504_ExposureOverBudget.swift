import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD504: worst-case exposure as the article computes it, against --max-exposure.
    static let exposureOverBudget = Rule(RuleDescription(
        id: "CFD504", name: "exposure-over-budget", severity: .error,
        summary: "Rounding window + signature lifetime + longest cache TTL exceeds --max-exposure.",
        rationale: """
            A presigned object stays reachable while its URL is valid and then, from the edge cache, for as long \
            as CloudFront keeps it (S3 checks the signature only on a miss). The seed article's Solution #2 bounds \
            this: round signing to a window, fix the lifetime, cap caching ("no single URL is accessible for more \
            than 90 minutes"). cfdoctor adds up the worst case: the rounding window (read from the URL's \
            X-Amz-Date alignment, 0 without a URL) + the signature lifetime (X-Amz-Expires, else \
            --signature-lifetime) + the longest TTL the behavior allows — MaxTTL when S3 sends a long max-age, \
            never less than MinTTL, which applies "even if the Cache-Control: no-cache, no-store, or private \
            directives are present" (API_CachePolicyConfig; docs/aws-facts.md #5). The window is counted as a \
            safety margin for signers that hand out one URL for a whole window. Silent without --max-exposure.
            """,
        fix: "Lower MaxTTL (and DefaultTTL/MinTTL) on this behavior, shorten X-Amz-Expires, or round to a smaller window, "
            + "until window + lifetime + TTL fits the budget.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ ('Solution #2: Adapt caching', step 2)",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html (TTLs)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 1800, "MaxTTL": ↓3600"#), signatureLifetime: 3600, maxExposure: 5400, note: "CI mode: 0 + 1h + 1h > 1h30m"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": ↓"658327ea-f89d-4fab-a63d-7e88639e58f6""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), url: URLExamples.article, maxExposure: 3600, note: "CachingOptimized may keep an object a year"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 1800, "MaxTTL": 1800"#), url: URLExamples.article.replacingOccurrences(of: "20180930T145820Z", with: "20180930T143000Z")
                    .replacingOccurrences(of: "X-Amz-Expires=900", with: "X-Amz-Expires=3600"),
                now: "2018-09-30T14:45:00Z", maxExposure: 7200,
                note: "the article's numbers: 30m window + 1h + 30m = 2h, within 2h"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), signatureLifetime: 900, note: "no --max-exposure: silent"),
        ]
    )) { context in
        guard let budget = context.options.maxExposure, let target = context.target,
              let forwarding = target.forwarding, forwarding.isResolved,
              let lifetime = context.signatureLifetime else { return [] }
        let window = context.auth.sigV4?.amzDate.map(RoundingWindow.of) ?? 0
        let ttl = forwarding.ttl.longest
        let total = window + lifetime.seconds + ttl
        guard total > budget else { return [] }
        let windowSource = context.auth.sigV4?.amzDate == nil ? "no URL" : "X-Amz-Date alignment"
        let arithmetic = "rounding window \(DurationText.explain(window)) (\(windowSource)) + signature lifetime "
            + "\(DurationText.explain(lifetime.seconds)) (\(lifetime.source)) + longest cache TTL \(DurationText.explain(ttl)) "
            + "(MinTTL \(forwarding.ttl.minimum), DefaultTTL \(forwarding.ttl.default), MaxTTL \(forwarding.ttl.maximum)) = "
            + "\(DurationText.explain(total)) > --max-exposure \(DurationText.explain(budget))"
        return [Violation(
            "Behavior \(target.behavior.displayName) can keep a presigned object reachable for up to \(DurationText.format(total)), "
                + "over the \(DurationText.format(budget)) budget: \(arithmetic).",
            at: target.ttlLocation, origin: target.origins.first?.id)]
    }
}
