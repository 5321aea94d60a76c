import CloudFrontModel
import PresignedURLs

extension Rule {
    /// CFD101: the article's bug — the console picks the global `bucket.s3.amazonaws.com`.
    static let originDomainMissingRegion = Rule(RuleDescription(
        id: "CFD101", name: "origin-domain-missing-region", severity: .warning,
        summary: "An S3 origin uses the global host bucket.s3.amazonaws.com instead of the regional one.",
        rationale: """
            SigV4 signs the Host header. SDKs presign the regional host (bucket.s3.REGION.amazonaws.com: the \
            JavaScript SDK, boto3 with addressing_style='virtual'), while the console's bucket picker and \
            CloudFormation's DomainName / Terraform's bucket_domain_name give the global host. CloudFront sends \
            Host = the origin domain, so S3 computes the signature over another host and answers \
            SignatureDoesNotMatch. The global endpoint also redirects or fails for buckets outside us-east-1 \
            ("Regions launched after March 20, 2019 … return an HTTP 400 Bad Request", S3 user guide). \
            Severity: warning from the configuration alone; error when a URL shows it was signed for a regional host.
            """,
        fix: "Set the origin DomainName to the regional host the URLs are signed for, e.g. BUCKET.s3.REGION.amazonaws.com "
            + "(CloudFormation: !GetAtt Bucket.RegionalDomainName; Terraform: bucket_regional_domain_name).",
        sources: [
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ (origin domain missing the region)",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html (Legacy global endpoint)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html",
        ],
        triggering: [
            RuleExample(config: .oneOrigin(markedDomain: "cf-signed-urls-test.s3.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), note: "no URL: warning"),
            RuleExample(config: .oneOrigin(markedDomain: "cf-signed-urls-test.s3.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#),
                url: URLExamples.article,
                note: "the article's URL, signed for the regional host: error"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#)),
            RuleExample(config: .oneOrigin(id: "site", "www-site.s3.amazonaws.com", origin: .s3(then: #""OriginAccessControlId": "E2ABCDEF123456""#),
                behavior: #""CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6""#), note: "a static site behind OAC does not serve presigned URLs: out of scope"),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        return target.s3RestOrigins.compactMap { origin, endpoint in
            guard endpoint.form == .global else { return nil }
            let bucket = endpoint.bucket ?? "BUCKET"
            let location = origin.location(of: .domainName)
            if let simulation = context.simulation, simulation.origin?.id == origin.id,
               let signed = simulation.signedHost.host {
                guard signed != origin.domainName.lowercased() else { return nil }
                if let signedEndpoint = S3Endpoint.parse(host: signed), let region = signedEndpoint.region {
                    return Violation(
                        "Origin '\(origin.id)' uses the global host \(origin.domainName), but the URL was signed for \(signed): "
                            + "CloudFront sends Host: \(origin.domainName), so S3 computes the signature over another host "
                            + "and answers SignatureDoesNotMatch.",
                        at: location, origin: origin.id, severity: .error,
                        fix: "Set the origin DomainName to \(signed) — the host the URL was signed for "
                            + "(or \(bucket).s3.\(region).amazonaws.com, and sign URLs for that host).")
                }
            }
            let region = context.credentialRegion
            let regionHint = region.map { " The URL's credential scope names \($0)." } ?? ""
            return Violation(
                "Origin '\(origin.id)' uses the global S3 host \(origin.domainName) without a region: URLs presigned for the "
                    + "regional host fail with SignatureDoesNotMatch through CloudFront.\(regionHint)",
                at: location, origin: origin.id,
                fix: "Use the regional host \(bucket).s3.\(region ?? "REGION").amazonaws.com as the origin DomainName and "
                    + "presign URLs for that same host.")
        }
    }
}
