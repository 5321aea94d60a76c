import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD504: worst-case exposure as the article computes it, against --max-exposure.
    static let exposureOverBudget = Rule(RuleDescription(
        id: "CFD504", name: "exposure-over-budget", severity: .error,
        summary: "Signature lifetime + longest cache TTL (the worst case a URL's object stays reachable after signing) exceeds --max-exposure.",
        rationale: """
            A presigned object stays reachable while its URL is valid and then, from the edge cache, for as long \
            as CloudFront keeps it (S3 checks the signature only on a miss). Counted from the signing time \
            (X-Amz-Date), the worst case is expiry + cache TTL: the URL is valid until X-Amz-Date + X-Amz-Expires, \
            and a response cached just before that can be served for one more TTL. Rounding the signing time \
            (the article's Solution #2) does not add to this — it moves X-Amz-Date back, so a URL handed out \
            later in the window simply has less time left. The article's numbers: rounded to the last half hour, \
            expiry 1 hour, TTL 30 minutes — "a signed URL that was created at 13:00, and accessed at 13:59, it \
            won't be accessible after 14:30 … no single URL is accessible for more than 90 minutes". cfdoctor \
            adds the signature lifetime (X-Amz-Expires, else --signature-lifetime) and the longest TTL the \
            behavior allows — MaxTTL when S3 sends a long max-age, never less than MinTTL, which applies "even if \
            the Cache-Control: no-cache, no-store, or private directives are present" (CloudFront API Reference, \
            CachePolicyConfig). `cfdoctor presign --expires … --round …` hands out exactly such URLs. Silent \
            without --max-exposure.
            """,
        fix: "Lower MaxTTL (and DefaultTTL/MinTTL) on this behavior, or shorten X-Amz-Expires, until lifetime + TTL fits "
            + "the budget.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ ('Solution #2: Adapt caching', step 2)",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html (TTLs)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 1800, "MaxTTL": ↓3600"#), signatureLifetime: 3600, maxExposure: 5400, note: "CI mode: 1h + 1h > 1h30m"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 1800, "MaxTTL": ↓1800"#), url: URLExamples.sigV4(date: "20180930T143000Z", expires: "3600"),
                now: "2018-09-30T14:45:00Z", maxExposure: 5399,
                note: "the article's numbers, 1h + 30m = 90 min, one second over a budget just under 90 min"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": ↓"658327ea-f89d-4fab-a63d-7e88639e58f6""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), url: URLExamples.article, maxExposure: 3600, note: "CachingOptimized may keep an object a year"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 1800, "MaxTTL": 1800"#), url: URLExamples.sigV4(date: "20180930T143000Z", expires: "3600"),
                now: "2018-09-30T14:45:00Z", maxExposure: 5400,
                note: "the article's numbers: signed at the half hour, 1h + 30m = 90 min, within a 90 min budget (the window adds nothing)"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), signatureLifetime: 900, note: "no --max-exposure: silent"),
        ]
    )) { context in
        guard let budget = context.options.maxExposure, let target = context.target,
              let forwarding = target.forwarding, forwarding.isResolved,
              let lifetime = context.signatureLifetime else { return [] }
        let ttl = forwarding.ttl.longest
        let total = lifetime.seconds + ttl
        guard total > budget else { return [] }
        let arithmetic = "signature lifetime \(DurationText.explain(lifetime.seconds)) (\(lifetime.source)) + longest cache TTL "
            + "\(DurationText.explain(ttl)) (MinTTL \(forwarding.ttl.minimum), DefaultTTL \(forwarding.ttl.default), MaxTTL "
            + "\(forwarding.ttl.maximum)) = \(DurationText.explain(total)) after the signing time > --max-exposure "
            + "\(DurationText.explain(budget))"
        return [Violation(
            "Behavior \(target.behavior.displayName) can keep a presigned object reachable for up to \(DurationText.format(total)) "
                + "after signing (expiry + cache TTL), over the \(DurationText.format(budget)) budget: \(arithmetic).",
            at: target.ttlLocation, origin: target.origins.first?.id)]
    }
}
