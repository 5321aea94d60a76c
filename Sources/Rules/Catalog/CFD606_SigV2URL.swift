import PresignedURLs

extension Rule {
    /// Regions whose S3 endpoints still accept SigV2 (botocore 1.43.11 endpoints.json `signatureVersions`
    /// containing "s3"; shared/reference/s3-endpoint-forms.md §4). Every other region is SigV4-only.
    static let sigV2Regions: Set<String> = [
        "ap-northeast-1", "ap-southeast-1", "ap-southeast-2", "eu-west-1", "sa-east-1", "us-east-1", "us-west-1",
        "us-west-2", "us-gov-east-1", "us-gov-west-1",
    ]

    static let sigV2URL = Rule(RuleDescription(
        id: "CFD606", name: "sigv2-url", severity: .warning,
        summary: "The URL uses legacy SigV2 query auth (AWSAccessKeyId, Expires, Signature).",
        rationale: """
            "Signature Version 2 is only supported in Regions that were launched before January 2014" — in every \
            other region S3 answers "The authorization mechanism you have provided is not supported. Please use \
            AWS4-HMAC-SHA256." SigV2 also signs every x-amz-* header S3 receives, so a custom origin's \
            X-Amz-Cf-Id breaks it (SignatureDoesNotMatch with x-amz-cf-id in the StringToSign). boto3 presigns \
            with SigV2 by default in SigV2 regions unless signature_version='s3v4' is set. Error when the host \
            names a SigV4-only region.
            """,
        fix: "Presign with SigV4: boto3 Config(signature_version='s3v4', s3={'addressing_style': 'virtual'}); the S3 docs: "
            + "\"you must set the correct AWS Region and set Signature Version 4 in the client configuration\".",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingAWSSDK.html (AWS Signature Version 2 Turned Off (Deprecated))",
            "https://github.com/boto/botocore/blob/develop/botocore/data/endpoints.json (regions and signature versions)",
            "https://github.com/anomalizer/ngx_aws_auth/issues/6 (S3 SignatureDoesNotMatch over SigV2 with x-amz-cf-id, real capture)",
        ],
        triggering: [
            RuleExample(url: "https://examplebucket.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=etvcfvl85HQU3J9jVqABOuwbf%2Fo%3D&Expires=1699191045",
                        note: "boto3's default in us-east-1"),
            RuleExample(url: "https://examplebucket.s3.eu-central-1.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=etvcfvl85HQU3J9jVqABOuwbf%2Fo%3D&Expires=1699191045",
                        note: "eu-central-1 never accepted SigV2: error"),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.article),
        ]
    ), kind: .url) { context in
        guard case .sigV2 = context.auth else { return [] }
        if let region = context.url?.endpoint?.servingRegion, !sigV2Regions.contains(region) {
            return [Violation(
                "\(context.urlName) is signed with legacy SigV2, which \(region) does not accept: S3 answers 400 "
                    + "InvalidRequest \"Please use AWS4-HMAC-SHA256\".", at: nil, severity: .error)]
        }
        return [Violation(
            "\(context.urlName) is signed with legacy SigV2: accepted only in regions launched before 2014, and broken by any "
                + "unsigned x-amz-* header on the way (such as a custom origin's X-Amz-Cf-Id).", at: nil)]
    }
}
