import CloudFrontModel
import EdgeSimulation

extension Rule {
    static let queryStringNotForwarded = Rule(RuleDescription(
        id: "CFD301", name: "query-string-not-forwarded", severity: .error,
        summary: "The behavior forwards no query string to the origin.",
        rationale: """
            A presigned URL carries its whole signature in the query string (X-Amz-Algorithm, X-Amz-Credential, \
            X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Signature). If CloudFront drops the query \
            string, S3 receives an anonymous request for a private object and answers 403 AccessDenied. \
            Legacy ForwardedValues.QueryString false forwards none. A cache policy forwards only what is in its \
            cache key ("The headers, cookies, and query strings that are included in the cache key are also \
            included in requests that CloudFront sends to the origin"), so CachingOptimized or CachingDisabled \
            alone forward none, and CORS-S3Origin adds none.
            """,
        fix: "Forward all query strings: legacy ForwardedValues.QueryString true; or cache policy CachingDisabled with "
            + "origin request policy AllViewerExceptHostHeader; or a cache policy whose QueryStringBehavior is all.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ ('Forward all query params, cache based on all')",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/QueryStringParameters.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicy.html (cache key values are forwarded)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": ↓false}"#)),
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6""#, #""OriginRequestPolicyId": ↓"88a5eaf4-2fd4-4709-b370-b4c650ea3fcf""#), note: "CachingOptimized + CORS-S3Origin"),
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""CachePolicyId": ↓"4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#), note: "CachingDisabled alone"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), note: "CachingDisabled + AllViewerExceptHostHeader"),
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""CachePolicyId": "11111111-2222-3333-4444-555555555555""#), note: "an unknown custom policy: cfdoctor cannot decide and says so in a note, never a false error"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding, forwarding.isResolved,
              forwarding.cacheKeyQuery.behavior == "none", forwarding.originRequestQuery.behavior == "none"
        else { return [] }
        let behavior = target.behavior
        let location: SourceLocation
        let how: String
        switch behavior.cacheSettings {
        case .legacy:
            location = behavior.location(of: .forwardedValuesQueryString)
            how = "legacy ForwardedValues.QueryString is false"
        case .policies(_, let requestPolicy):
            location = behavior.location(of: requestPolicy == nil ? .cachePolicyId : .originRequestPolicyId)
            how = "\(forwarding.settingsDescription) forwards no query string"
        case .missing:
            return []
        }
        return [Violation(
            "Behavior \(behavior.displayName): \(how), so the X-Amz-* signature parameters never reach S3; "
                + "S3 sees an anonymous request and answers 403 AccessDenied.",
            at: location, origin: target.origins.first?.id)]
    }
}
