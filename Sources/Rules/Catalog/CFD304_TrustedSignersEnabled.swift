import CloudFrontModel

extension Rule {
    /// CFD304: the behavior demands CloudFront-signed URLs; S3 presigned URLs never get past the edge.
    static let trustedSignersEnabled = Rule(RuleDescription(
        id: "CFD304", name: "trusted-signers-enabled", severity: .error,
        summary: "The behavior requires CloudFront signed URLs or cookies (trusted key groups / trusted signers).",
        rationale: """
            "After you add trusted signers to a distribution, users must use signed URLs to access the objects \
            that match the PathPattern for this cache behavior" (CloudFront Developer Guide). CloudFront checks \
            its own Policy/Signature/Key-Pair-Id parameters before anything reaches S3, so a URL that carries only \
            an S3 SigV4 signature is refused at the edge: 403, <Code>MissingKey</Code> "Missing Key-Pair-Id query \
            parameter or cookie value" (a captured CloudFront response).
            """,
        fix: "Either disable TrustedKeyGroups/TrustedSigners on this behavior and let S3 check the presigned URL, or "
            + "switch this path to CloudFront signed URLs (and OAC) instead of S3 presigned URLs.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PrivateContent.html",
            "https://github.com/vrtdev/aws-cloudfront-authorizer (CloudFront 403 MissingKey, captured)",
        ],
        triggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "videos.s3.us-east-1.amazonaws.com",
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3",
                   "TrustedKeyGroups": ↓{"Enabled": true, "Quantity": 1, "Items": ["8f3e2d1c-4b5a-4697-a8b9-0c1d2e3f4a5b"]},
                   "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}
                """),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("videos.s3.us-east-1.amazonaws.com",
                behavior: #""TrustedKeyGroups": {"Enabled": false, "Quantity": 0}"#, #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#)),
        ]
    )) { context in
        guard let target = context.target, target.behavior.trustedSigners.required else { return [] }
        // A CloudFront-signed request is what this behavior asks for: CFD701–CFD705 judge it instead.
        if context.cloudFrontRequest != nil { return [] }
        let field: Behavior.Field = target.behavior.trustedSigners.keyGroupsEnabled ? .trustedKeyGroups : .trustedSigners
        return [Violation(
            "Behavior \(target.behavior.displayName) has \(field.rawValue) enabled: CloudFront demands its own signed URL or cookie and "
                + "answers an S3 presigned URL with 403 MissingKey (\"Missing Key-Pair-Id query parameter or cookie value\") "
                + "before the request reaches S3.",
            at: target.behavior.location(of: field), origin: target.origins.first?.id)]
    }
}
