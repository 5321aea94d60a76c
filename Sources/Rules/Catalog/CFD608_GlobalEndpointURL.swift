import PresignedURLs

extension Rule {
    static let globalEndpointURL = Rule(RuleDescription(
        id: "CFD608", name: "global-endpoint-url", severity: .warning,
        summary: "The URL is signed for the legacy global host bucket.s3.amazonaws.com (boto3's default without addressing_style).",
        rationale: """
            botocore presigns for the global host in the aws partition unless addressing_style='virtual' (or \
            dualstack, or us_east_1_regional_endpoint='regional') is set — even when the client's region is \
            another one, whose name then appears only in the credential scope. "Requests made with the legacy \
            global endpoint go to the US East (N. Virginia) Region by default"; a new bucket elsewhere is \
            redirected (307) until DNS catches up, and "For S3 buckets in Regions launched after March 20, 2019 … \
            It returns an HTTP 400 Bad Request error instead." Through CloudFront the origin must then be exactly \
            this global host for the signature to match (CFD101/CFD102).
            """,
        fix: "Presign for the regional host: boto3 Config(region_name=REGION, signature_version='s3v4', "
            + "s3={'addressing_style': 'virtual'}) gives BUCKET.s3.REGION.amazonaws.com; use the same host as the origin.",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ ('Python SDK' section: boto3 generates https://my-bucket.s3.amazonaws.com/...)",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html (Legacy global endpoint)",
            "https://github.com/boto/botocore/blob/develop/botocore/signers.py (_should_use_global_endpoint)",
        ],
        triggering: [
            RuleExample(url: URLExamples.sigV4(host: "cf-signed-urls-test.s3.amazonaws.com"),
                        note: "boto3 default: global host, eu-west-1 scope"),
            RuleExample(url: URLExamples.sigV4(host: "s3.amazonaws.com", path: "/cf-signed-urls-test/test.txt"),
                        note: "global path-style"),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.articleRegional),
            RuleExample(url: URLExamples.articleCloudFront, note: "a CloudFront URL names no S3 host"),
        ]
    ), kind: .url) { context in
        guard let url = context.url, let endpoint = url.endpoint, endpoint.form == .global else { return [] }
        let region = context.credentialRegion
        let scope = region.map { $0 == "us-east-1" ? " (the credential scope names us-east-1)"
            : " while the credential scope names \($0): the bucket lives in \($0), reached through DNS redirection" } ?? ""
        return [Violation(
            "\(url.shortName) is signed for the legacy global host \(endpoint.host)\(scope). A CloudFront origin must use "
                + "exactly this host, and buckets outside us-east-1 can get 307 redirects or 400 on it.",
            at: nil,
            fix: region.map { r in
                "Presign for \(endpoint.bucket.map { "\($0).s3.\(r).amazonaws.com" } ?? "s3.\(r).amazonaws.com") "
                    + "(boto3: s3={'addressing_style': 'virtual'}) and use that host as the origin DomainName."
            })]
    }
}
