import CloudFrontModel
import PresignedURLs

extension Rule {
    /// CFD201: the article's `x-amz-cf-id` "headers not signed" error.
    static let s3OriginAsCustomOrigin = Rule(RuleDescription(
        id: "CFD201", name: "s3-origin-as-custom-origin", severity: .error,
        summary: "An S3 REST endpoint is configured as a custom origin (CustomOriginConfig).",
        rationale: """
            For a custom origin CloudFront adds the X-Amz-Cf-Id header to every origin request. S3 sees an \
            x-amz-* header that is not in X-Amz-SignedHeaders and rejects the presigned request: AccessDenied, \
            "There were headers present in the request which were not signed", HeadersNotSigned: x-amz-cf-id. \
            With S3OriginConfig CloudFront treats the origin as S3 and the URL works.
            """,
        fix: "Configure the origin with S3OriginConfig (OriginAccessIdentity \"\") instead of CustomOriginConfig. "
            + "In the console, choose the bucket from the Origin domain list so CloudFront recognises it as S3.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ (section X-Amz-Cf-Id)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorCustomOrigin.html",
            "https://github.com/soto-project/soto/issues/374 (S3 AccessDenied HeadersNotSigned, same shape, real capture)",
            "https://github.com/pypi/infra/issues/219 (S3 400 InvalidRequest \"header 'x-amz-cf-id' must be included in signature\" behind CloudFront, real capture)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin(id: "media", "media-assets-prod.s3.us-east-2.amazonaws.com", origin: .members(#""CustomOriginConfig": ↓{"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}"#),
                behavior: #""ForwardedValues": {"QueryString": true}"#)),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin(id: "media", "media-assets-prod.s3.us-east-2.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#)),
            RuleExample(config: .oneOrigin(id: "alb", "app-prod-alb-1234567890.eu-central-1.elb.amazonaws.com", origin: .custom(protocolPolicy: "https-only"),
                behavior: #""ForwardedValues": {"QueryString": true}"#), presignedPaths: ["*"], note: "an ALB is a custom origin by nature"),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        return target.s3RestOrigins.compactMap { origin, endpoint in
            // Multi-Region Access Points must be custom origins (S3 user guide, MRAP restrictions).
            guard origin.isCustom, endpoint.form != .multiRegionAccessPoint else { return nil }
            return Violation(
                "Origin '\(origin.id)' points at the S3 REST endpoint \(origin.domainName) but is configured as a custom "
                    + "origin: CloudFront adds X-Amz-Cf-Id, and S3 rejects the presigned request with AccessDenied "
                    + "\"There were headers present in the request which were not signed\" (HeadersNotSigned: x-amz-cf-id).",
                at: origin.location(of: .customOriginConfig), origin: origin.id)
        }
    }
}
