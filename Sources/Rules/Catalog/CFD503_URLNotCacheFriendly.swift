import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD503: the article's Solution #2, step 1, not applied — every URL is unique.
    static let urlNotCacheFriendly = Rule(RuleDescription(
        id: "CFD503", name: "url-not-cache-friendly", severity: .info,
        summary: "X-Amz-Date is not aligned to a rounding window: every presigned URL is a cache miss.",
        rationale: """
            With the signature in the cache key (as it must be, CFD303), two users get the same cached object only \
            when they hold the same URL. An SDK signs with the current time, so X-Amz-Date — and with it the \
            signature — differs every second: "the parameters of the signed URL is dependent on when the signing \
            happens. This defeats caching, as every user gets a different URL" (the article, Solution #2, step 1). \
            Rounding the signing time down to a window (the article: the last half-hour, with a 1-hour expiry) makes \
            one URL per window. A date not on a whole minute shows no rounding. Only judged with a URL.
            """,
        fix: "Round the signing time down to a window and keep X-Amz-Expires constant (article "
            + "Solution #2: e.g. sign as of the last half hour with X-Amz-Expires 3600), then cap the cache TTL (see CFD504).",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ ('Solution #2: Adapt caching', step 1 'Round the signature expiration')",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/QueryStringParameters.html",
        ],
        triggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": ↓{"TargetOriginId": "s3", "ForwardedValues": {"QueryString": true},
                   "MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600}}
                """, url: URLExamples.article, note: "the article's URL, signed at 14:58:20"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), url: URLExamples.article.replacingOccurrences(of: "20180930T145820Z", with: "20180930T143000Z"),
                note: "signed at 14:30:00, a half-hour boundary"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0"#), url: URLExamples.article, note: "nothing is cached anyway (CFD502)"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding, forwarding.isResolved,
              forwarding.cachesResponses, forwarding.queryInCacheKey("X-Amz-Signature") == true,
              let sigV4 = context.auth.sigV4, let date = sigV4.amzDate,
              RoundingWindow.of(date) == 0 else { return [] }
        return [Violation(
            "The URL was signed at \(sigV4.amzDateText ?? date.amzDate), not on a whole minute: every signing produces a new "
                + "URL and a new cache key, so behavior \(target.behavior.displayName) caches objects that no other request will hit.",
            at: target.behavior.location, origin: target.origins.first?.id)]
    }
}
