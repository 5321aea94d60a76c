import CloudFrontModel
import PresignedURLs

extension Rule {
    static let pathStyleOrigin = Rule(RuleDescription(
        id: "CFD106", name: "path-style-origin", severity: .info,
        summary: "The URL or the origin uses path-style addressing (s3.REGION.amazonaws.com/BUCKET/KEY).",
        rationale: """
            In a path-style URL the bucket is the first path segment and part of the signed canonical URI. \
            Through CloudFront the viewer path /BUCKET/KEY is sent to a virtual-hosted origin as the key \
            BUCKET/KEY of that bucket, and with a different Host than was signed. CloudFront's guide says not to \
            specify the bucket path-style in an origin ("Don't specify the bucket using … The Amazon S3 path \
            style: s3.amazonaws.com/bucket-name"), and AWS plans to discontinue path-style requests; botocore \
            falls back to them for bucket names with dots.
            """,
        fix: "Presign virtual-hosted URLs (boto3 s3={'addressing_style': 'virtual'}; rename dotted buckets) and use "
            + "BUCKET.s3.REGION.amazonaws.com as the origin.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html (Path-style requests)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html",
            "https://github.com/boto/botocore/blob/develop/botocore/data/s3/2006-03-01/endpoint-rule-set-1.json (botocore's S3 endpoint rules)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin(markedDomain: "cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.sigV4(host: "s3.eu-west-1.amazonaws.com", path: "/cf-signed-urls-test/test.txt"),
                note: "a path-style URL through a virtual-hosted origin"),
            RuleExample(config: .oneOrigin(markedDomain: "s3.eu-west-1.amazonaws.com", origin: .members(#""OriginPath": "/cf-signed-urls-test", "S3OriginConfig": {"OriginAccessIdentity": ""}"#),
                behavior: #""ForwardedValues": {"QueryString": true}"#), note: "a path-style origin (bucket in OriginPath)"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.articleRegional),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        var violations = [Violation]()
        for (origin, endpoint) in target.s3RestOrigins where endpoint.addressing == .path {
            violations.append(Violation(
                "Origin '\(origin.id)' uses the path-style host \(origin.domainName): the bucket travels in the path, which "
                    + "CloudFront's guide advises against and AWS plans to retire.",
                at: origin.location(of: .domainName), origin: origin.id))
        }
        if let simulation = context.simulation, let url = context.url, url.endpoint?.addressing == .path,
           let origin = simulation.origin, let originEndpoint = S3Endpoint.parse(host: origin.domainName),
           originEndpoint.addressing == .virtualHosted {
            violations.append(Violation(
                "The URL is path-style (\(url.host)\(url.rawPath)): through CloudFront the viewer path \(url.rawPath) reaches "
                    + "the virtual-hosted origin \(origin.domainName) as key '\(url.path.dropFirst())', another object "
                    + "than was signed, and with another Host.",
                at: origin.location(of: .domainName), origin: origin.id))
        }
        return violations
    }
}
