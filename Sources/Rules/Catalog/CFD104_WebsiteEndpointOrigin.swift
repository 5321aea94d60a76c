import CloudFrontModel
import PresignedURLs

extension Rule {
    static let websiteEndpointOrigin = Rule(RuleDescription(
        id: "CFD104", name: "website-endpoint-origin", severity: .error,
        summary: "The origin is an S3 website endpoint, which serves only public content and no authenticated requests.",
        rationale: """
            S3 website endpoints (BUCKET.s3-website-REGION / BUCKET.s3-website.REGION) "Support only publicly \
            readable content", "Do not support SSL connections" and support neither access points nor \
            authenticated requests: a presigned URL's signature is never checked there, so a private object \
            cannot be served and a public one needs no signature. CloudFront must treat them as custom origins.
            """,
        fix: "Use the bucket's REST endpoint BUCKET.s3.REGION.amazonaws.com with S3OriginConfig for presigned URLs; keep the "
            + "website endpoint only for public static sites.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html (Key differences between a website endpoint and a REST API endpoint)",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html (website endpoints serve only public content, over HTTP)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin(id: "site", markedDomain: "docs-site.s3-website-us-west-2.amazonaws.com", origin: .custom(protocolPolicy: "http-only"),
                behavior: #""ForwardedValues": {"QueryString": true}"#), presignedPaths: ["*"], note: "website origins are in scope only when declared"),
            RuleExample(config: .oneOrigin(id: "site", markedDomain: "docs-site.s3-website.eu-central-1.amazonaws.com", origin: .custom(protocolPolicy: "http-only"),
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: "https://d2tphqjsvmbzmt.cloudfront.net/guide.html?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T145820Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b",
                note: "dot form, declared by a --url"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("docs-site.s3.us-west-2.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), presignedPaths: ["*"]),
            RuleExample(config: .oneOrigin(id: "site", "docs-site.s3-website-us-west-2.amazonaws.com", origin: .custom(protocolPolicy: "http-only"),
                behavior: #""ForwardedValues": {"QueryString": true}"#), note: "a public website not declared to serve presigned URLs: out of scope"),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        return target.origins.compactMap { origin in
            guard let endpoint = S3Endpoint.parse(host: origin.domainName), endpoint.form == .website else { return nil }
            return Violation(
                "Origin '\(origin.id)' is the S3 website endpoint \(origin.domainName): it serves only publicly readable "
                    + "objects and ignores authentication, so a presigned URL cannot reach a private object through it.",
                at: origin.location(of: .domainName), origin: origin.id,
                fix: "Use \(endpoint.bucket ?? "BUCKET").s3.\(endpoint.region ?? "REGION").amazonaws.com with S3OriginConfig "
                    + "for presigned URLs.")
        }
    }
}
