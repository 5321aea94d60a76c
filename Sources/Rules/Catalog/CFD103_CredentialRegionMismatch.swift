import CloudFrontModel
import PresignedURLs

extension Rule {
    static let credentialRegionMismatch = Rule(RuleDescription(
        id: "CFD103", name: "credential-region-mismatch", severity: .error,
        summary: "The URL's credential-scope region is not the region of the origin's S3 host.",
        rationale: """
            The region in X-Amz-Credential must be the bucket's region, and a regional host serves only its own \
            region. S3 answers 400 AuthorizationQueryParametersError "Error parsing the X-Amz-Credential \
            parameter; the region 'us-east-1' is wrong; expecting 'eu-central-1'". The legacy global host and \
            Transfer Acceleration hosts name no region — the scope still names the bucket's — so they are not \
            judged here (see CFD101 / CFD608); s3-external-1 is us-east-1.
            """,
        fix: "Presign with the bucket's region (boto3: region_name=REGION) and point the origin at BUCKET.s3.REGION.amazonaws.com "
            + "for that same region.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-Credential region)",
            "https://github.com/ai-dock/comfyui/issues/34 (S3 AuthorizationQueryParametersError: the region is wrong, real capture)",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html (Legacy global endpoint: us-east-1 by default)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin(markedDomain: "cf-signed-urls-test.s3.us-east-2.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.articleCloudFront, note: "scope eu-west-1, origin us-east-2"),
            RuleExample(config: .oneOrigin(markedDomain: "cf-signed-urls-test.s3-external-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.articleCloudFront, note: "s3-external-1 is us-east-1"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.articleCloudFront),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.articleCloudFront, note: "the global host names no region (CFD101 covers it)"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-accelerate.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.articleCloudFront, note: "Transfer Acceleration: the scope names the bucket's region"),
        ]
    )) { context in
        guard let target = context.target, let scopeRegion = context.credentialRegion,
              let origin = context.simulation?.origin else { return [] }
        return target.s3RestOrigins.compactMap { candidate, endpoint in
            guard candidate.id == origin.id else { return nil }
            let hostRegion = endpoint.region ?? (endpoint.form == .external1 ? "us-east-1" : nil)
            guard let hostRegion, hostRegion != scopeRegion else { return nil }
            return Violation(
                "The URL's credential scope names \(scopeRegion), but origin '\(origin.id)' is \(origin.domainName) in "
                    + "\(hostRegion): S3 answers 400 AuthorizationQueryParametersError \"the region '\(scopeRegion)' is wrong; "
                    + "expecting '\(hostRegion)'\" (or SignatureDoesNotMatch).",
                at: candidate.location(of: .domainName), origin: origin.id)
        }
    }
}
