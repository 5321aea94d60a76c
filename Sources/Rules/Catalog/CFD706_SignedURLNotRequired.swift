extension Rule {
    /// CFD706: a CloudFront-signed request reaches a behavior that does not check signatures.
    static let signedURLNotRequired = Rule(RuleDescription(
        id: "CFD706", name: "signed-url-not-required", severity: .error,
        summary: "A CloudFront signed URL or cookie hits a behavior that does not restrict viewer access: the signature "
            + "is ignored.",
        rationale: """
            CloudFront checks signed URLs and cookies only on behaviors with trusted key groups or trusted signers \
            ("As soon as you add the signer to your distribution, CloudFront starts to require that viewers use \
            signed URLs or signed cookies"). Elsewhere it ignores them and passes Expires, Signature and Key-Pair-Id \
            on to the origin: S3 reads them as legacy query-string auth and answers "Query-string authentication \
            requires the Signature, Expires and AWSAccessKeyId parameters" — or, if CloudFront can read the bucket \
            itself, serves the object to anyone, signed or not.
            """,
        fix: "Add the key group to the behavior's TrustedKeyGroups (Restrict viewer access: Yes) for the paths you sign, "
            + "or stop signing URLs for paths that are public.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html",
            "https://github.com/boto/boto/issues/3244 (the S3 answer)",
            "https://github.com/jasonsims/aws-cloudfront-sign/issues/8 (the same S3 answer)",
        ],
        triggering: [
            CloudFrontExamples.example(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "media.s3.us-east-1.amazonaws.com",
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3", "TrustedKeyGroups": ↓{"Enabled": false, "Quantity": 0},
                   "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}
                """, url: CloudFrontExamples.canned),
        ],
        nonTriggering: [
            CloudFrontExamples.example(config: Self.keyGroupBehavior(marked: false), url: CloudFrontExamples.canned),
        ]
    )) { context in
        guard let target = context.target, !target.behavior.trustedSigners.required,
              let request = context.cloudFrontRequest else { return [] }
        let what = request.carrier == .url ? "signed URL" : "signed cookies"
        return [Violation(
            "Behavior \(target.behavior.displayName) does not restrict viewer access (no trusted key groups or signers): "
                + "CloudFront ignores the CloudFront \(what) and forwards Expires/Policy, Signature and Key-Pair-Id to the "
                + "origin; S3 answers \"Query-string authentication requires the Signature, Expires and AWSAccessKeyId "
                + "parameters\", or serves the object without any signature if CloudFront can read it.",
            at: target.behavior.location(of: .trustedKeyGroups), origin: target.origins.first?.id)]
    }
}
