extension Rule {
    /// CFD703: the policy or the signing parameters are not in the form CloudFront requires.
    static let cloudFrontPolicyMalformed = Rule(RuleDescription(
        id: "CFD703", name: "cloudfront-policy-malformed", severity: .error,
        summary: "The CloudFront policy or signing parameters are malformed (not JSON, milliseconds, no DateLessThan, "
            + "standard base64, Expires with Policy, unknown keys).",
        rationale: """
            The statement must be JSON with exactly one statement, "Include all punctuation and parameter names \
            exactly as specified", DateLessThan is required and is Unix time in seconds, a 32-bit integer no later \
            than 2147483647, not in quotation marks; Policy and Signature use base64 with + → -, = → _, / → ~. \
            CloudFront answers such requests 403 MalformedPolicy "Malformed Policy" \
            (a captured response: an SDK given Date.now() milliseconds).
            """,
        fix: "Build the policy as the Developer Guide shows (or with an AWS SDK's CloudFront signer), in seconds, with "
            + "CloudFront's base64 alphabet, and send Expires for a canned policy or Policy for a custom one, never both.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html",
            "https://github.com/aws/aws-sdk-js/issues/2236 (MalformedPolicy body)",
        ],
        triggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.cannedMilliseconds, note: "Expires in milliseconds"),
            CloudFrontExamples.example(url: CloudFrontExamples.customUnknownCondition, note: "a StringEquals condition"),
            CloudFrontExamples.example(url: CloudFrontExamples.customExpiresAndPolicy, note: "Expires together with Policy"),
        ],
        nonTriggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.canned),
            CloudFrontExamples.example(url: CloudFrontExamples.customIPRange, note: "all three documented conditions"),
        ]
    ), kind: .url) { context in
        context.cloudFrontViolations(.malformed, because: "; CloudFront answers 403 MalformedPolicy.")
    }
}
