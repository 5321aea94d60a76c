extension Rule {
    /// CFD701: the CloudFront signature does not verify with the key-group public key.
    static let cloudFrontSignatureInvalid = Rule(RuleDescription(
        id: "CFD701", name: "cloudfront-signature-invalid", severity: .error,
        summary: "A CloudFront signed URL or cookie does not verify with the public key (tampered, other key, re-encoded).",
        rationale: """
            CloudFront verifies the Signature with the public key named by Key-Pair-Id: an RSA (or ECDSA P-256) signature over \
            SHA-1 (SHA-256 with Hash-Algorithm=SHA256) of the policy statement: for a canned policy the statement \
            CloudFront rebuilds from the URL it receives and Expires, for a custom policy the Policy bytes sent. \
            Any change after signing (path, query string, Expires, Policy), a \
            signature made with another private key or the other hash algorithm makes CloudFront refuse the \
            request with 403.
            """,
        fix: "Sign the exact URL viewers request (after all percent-encoding) with the private key whose public key is "
            + "in the behavior's trusted key group, and send Hash-Algorithm=SHA256 only with SHA-256 signatures. "
            + "`cfdoctor sign-cloudfront` produces a reference URL to compare with.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PrivateCFSignatureCodeAndExamples.html",
        ],
        triggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.cannedTampered, note: "one character of the path changed after signing"),
            CloudFrontExamples.example(url: CloudFrontExamples.cannedSignedByKeyB, note: "signed with another private key"),
        ],
        nonTriggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.canned, note: "signed by botocore with the matching key"),
            CloudFrontExamples.example(url: CloudFrontExamples.cannedTampered, keys: false,
                                       note: "no public key given: nothing can be verified"),
        ]
    ), kind: .url) { context in
        context.cloudFrontViolations(.signatureInvalid, because: "; CloudFront answers 403.")
    }
}
