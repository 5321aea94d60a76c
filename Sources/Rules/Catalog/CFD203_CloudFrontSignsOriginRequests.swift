import CloudFrontModel
import EdgeSimulation

extension Rule {
    /// CFD203: OAC/OAI authenticates the origin request on top of the viewer's query signature.
    static let cloudFrontSignsOriginRequests = Rule(RuleDescription(
        id: "CFD203", name: "cloudfront-signs-origin-requests", severity: .error,
        summary: "OAC or OAI on the S3 origin adds CloudFront's own Authorization on top of the presigned query signature.",
        rationale: """
            With origin access control CloudFront signs the origin request with SigV4: "always – CloudFront signs \
            all origin requests"; "no-override – If the viewer request doesn't contain the Authorization header, \
            then CloudFront signs the origin request" (API_OriginAccessControlConfig). A presigned URL carries its \
            signature in the query string, not in an Authorization header, so both settings sign. S3 then sees two \
            auth mechanisms and answers 400 InvalidArgument: "Only one auth mechanism allowed; only the \
            X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be \
            specified" (a real S3 response; \
            see Sources). The OAC's SigningBehavior lives in the OAC resource, not in the distribution: \
            only "never" would not sign, and "never" turns origin access control off for every distribution that \
            uses it. An OAI likewise authenticates CloudFront to S3.
            """,
        fix: "Pick one mechanism. For S3 presigned URLs: remove the OAC/OAI from this origin (S3 checks the viewer's "
            + "signature). For CloudFront-controlled access: keep OAC, stop forwarding X-Amz-* query strings, and use "
            + "CloudFront signed URLs (trusted key groups) instead of S3 presigned URLs.",
        sources: [
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
            "https://github.com/catalyst/moodle-tool_objectfs/issues/303 (S3 InvalidArgument 'Only one auth mechanism allowed' behind CloudFront, real capture)",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html (SigningBehavior)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("statements.s3.us-east-2.amazonaws.com", origin: .s3(then: #""OriginAccessControlId": ↓"E3K9QZ0V2XW7LD""#),
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), presignedPaths: ["*"], note: "OAC, query strings forwarded, declared to serve presigned URLs"),
            RuleExample(config: .oneOrigin("reports.s3.eu-west-1.amazonaws.com", origin: .members(#""S3OriginConfig": {"OriginAccessIdentity": ↓"origin-access-identity/cloudfront/E127EXAMPLE51Z"}"#),
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), presignedPaths: ["*"], note: "legacy OAI"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("statements.s3.us-east-2.amazonaws.com", origin: .s3(then: #""OriginAccessControlId": """#),
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), presignedPaths: ["*"], note: "no OAC: S3 checks the viewer's signature alone"),
            RuleExample(config: .oneOrigin(id: "www", "www-site.s3.us-east-1.amazonaws.com", origin: .s3(then: #""OriginAccessControlId": "E2ABCDEF123456""#),
                behavior: #""CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6""#), note: "a static site behind OAC, not declared: out of scope"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding else { return [] }
        return target.s3RestOrigins.compactMap { origin, _ in
            // Only when the viewer's signature reaches S3 too; otherwise CloudFront's is the only one (CFD204).
            guard origin.cloudFrontCanRead,
                  forwarding.forwardsQuery("X-Amz-Signature", toS3Origin: true) == true else { return nil }
            if let oac = origin.originAccessControlId {
                return Violation(
                    "Origin '\(origin.id)' uses origin access control \(oac) and behavior \(target.behavior.displayName) "
                        + "forwards the X-Amz-* query string: unless that OAC's SigningBehavior is \"never\" (cfdoctor cannot "
                        + "see it in the distribution), CloudFront adds its own Authorization header and S3 answers 400 "
                        + "InvalidArgument \"Only one auth mechanism allowed\".",
                    at: origin.location(of: .originAccessControlId), origin: origin.id)
            }
            return Violation(
                "Origin '\(origin.id)' uses the origin access identity \(origin.originAccessIdentity ?? "") and behavior "
                    + "\(target.behavior.displayName) forwards the X-Amz-* query string: CloudFront authenticates to S3 as the "
                    + "OAI on top of the viewer's query signature, and S3 answers 400 InvalidArgument \"Only one auth "
                    + "mechanism allowed\".",
                at: origin.location(of: .s3OriginAccessIdentity), origin: origin.id)
        }
    }
}
