import CloudFrontModel

extension Rule {
    /// CFD202: an origin custom header named x-amz-* is added to every request, unsigned.
    static let originCustomHeaderXAmz = Rule(RuleDescription(
        id: "CFD202", name: "origin-custom-header-x-amz", severity: .error,
        summary: "An S3 origin has a custom header named x-amz-*, which the presigned URL did not sign.",
        rationale: """
            CloudFront adds origin custom headers to every request it sends to the origin. SigV4 query auth \
            requires every x-amz-* header to be signed: "Any x-amz-* headers that you plan to add to the request \
            are also required for signature calculation" (S3 API Reference). The viewer \
            signed only what it sent, so S3 rejects the request with 403 AccessDenied, "There were headers present \
            in the request which were not signed", naming the header in HeadersNotSigned.
            """,
        fix: "Rename the custom header so it does not start with x-amz- (e.g. X-Origin-Verify), or remove it from the "
            + "S3 origin.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html",
            "https://github.com/soto-project/soto/issues/374 (S3 AccessDenied HeadersNotSigned x-amz-acl, real capture)",
        ],
        triggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "exports.s3.eu-west-1.amazonaws.com",
                  "CustomHeaders": {"Quantity": 1, "Items": [{"HeaderName": ↓"x-amz-meta-origin", "HeaderValue": "cloudfront"}]},
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                   "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}
                """),
        ],
        nonTriggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "exports.s3.eu-west-1.amazonaws.com",
                  "CustomHeaders": {"Quantity": 1, "Items": [{"HeaderName": "X-Origin-Verify", "HeaderValue": "b7Qz4Jk9"}]},
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                   "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}
                """),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        return target.s3RestOrigins.flatMap { origin, _ in
            origin.customHeaders.filter { $0.name.lowercased().hasPrefix("x-amz-") }.map { header in
                Violation(
                    "Origin '\(origin.id)' adds the custom header \(header.name) to every request. A presigned URL cannot "
                        + "have signed it, so S3 answers 403 AccessDenied: \"There were headers present in the request "
                        + "which were not signed\" (HeadersNotSigned: \(header.name.lowercased())).",
                    at: header.location, origin: origin.id)
            }
        }
    }
}
