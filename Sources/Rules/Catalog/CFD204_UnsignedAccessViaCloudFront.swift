import CloudFrontModel

extension Rule {
    /// CFD204: CloudFront can read the bucket itself, so the presigned URL guards nothing.
    static let unsignedAccessViaCloudFront = Rule(RuleDescription(
        id: "CFD204", name: "unsigned-access-via-cloudfront", severity: .warning,
        summary: "CloudFront can read the bucket itself (OAC/OAI): anyone can fetch the objects through it without a signature.",
        rationale: """
            Security. The point of S3 presigned URLs through CloudFront is that S3, not CloudFront, checks the \
            signature (the article: "make sure that you don't give access to the bucket to CloudFront"). With \
            origin access control or an origin access identity the bucket policy lets CloudFront read the objects \
            with its own credentials: OAC "signs all origin requests" (always) or every request without an \
            Authorization header (no-override), API_OriginAccessControlConfig. So a request without any X-Amz-* \
            parameter — or with an expired one, when the query string is not forwarded — is authorised by \
            CloudFront's signature and served. The presigned URL protects nothing on this behavior.
            """,
        fix: "If the objects are private: remove the OAC/OAI from this origin and its grant from the bucket policy, so "
            + "only presigned requests succeed; or keep OAC and protect the behavior with CloudFront signed URLs "
            + "(trusted key groups). If the objects are meant to be public, do not declare this behavior as presigned.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ ('make sure that you don't give access to the bucket to CloudFront')",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("statements.s3.us-east-2.amazonaws.com", origin: .s3(then: #""OriginAccessControlId": ↓"E3K9QZ0V2XW7LD""#),
                behavior: #""CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6""#), presignedPaths: ["*"], note: "declared presigned, but CloudFront reads the bucket with OAC"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("statements.s3.us-east-2.amazonaws.com", origin: .s3(then: #""OriginAccessControlId": """#),
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), presignedPaths: ["*"]),
            RuleExample(config: .oneOrigin(id: "www", "www-site.s3.us-east-1.amazonaws.com", origin: .s3(then: #""OriginAccessControlId": "E2ABCDEF123456""#),
                behavior: #""CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6""#), note: "a public static site behind OAC, not declared presigned: out of scope"),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        return target.s3RestOrigins.compactMap { origin, _ in
            guard origin.cloudFrontCanRead else { return nil }
            let how = origin.originAccessControlId.map { "origin access control \($0)" }
                ?? "origin access identity \(origin.originAccessIdentity ?? "")"
            return Violation(
                "Anyone can read the objects of behavior \(target.behavior.displayName) without a signature: origin '\(origin.id)' "
                    + "uses \(how), so CloudFront fetches them from \(origin.domainName) with its own credentials (when the "
                    + "bucket policy grants it, the usual setup; an OAC with SigningBehavior \"never\" is the exception). A "
                    + "request with no X-Amz-* parameters at all is served — the presigned URL protects nothing.",
                at: origin.location(of: origin.originAccessControlId != nil ? .originAccessControlId : .s3OriginAccessIdentity),
                origin: origin.id)
        }
    }
}
