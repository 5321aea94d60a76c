extension Rule {
    /// CFD704: the policy's Resource does not name the URL CloudFront receives.
    static let cloudFrontResourceMismatch = Rule(RuleDescription(
        id: "CFD704", name: "cloudfront-resource-mismatch", severity: .error,
        summary: "The custom policy's Resource (with * and ? wildcards) does not cover this URL, or a canned URL was "
            + "signed for another spelling of it (+, %20, & as \\u0026).",
        rationale: """
            A custom policy's Resource may use "*" (zero or more characters) and "?" (exactly one) anywhere, and \
            must include the query string. A canned policy's Resource is the URL itself: CloudFront rebuilds the \
            statement from the URL it receives, so a URL percent-encoded differently after signing, or signed with \
            a JSON encoder that writes & as \\u0026 (Go), no longer matches (\
            aws/aws-sdk-js-v3#8033).
            """,
        fix: "Sign the URL exactly as viewers will send it (after percent-encoding; no JSON escaping of & < >), or widen "
            + "the custom policy's Resource with a wildcard that covers every URL it is used for, query string included.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html",
            "https://github.com/aws/aws-sdk-js-v3/issues/8033",
        ],
        triggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.customWildcardMiss, note: "videos/* used for an image"),
            CloudFrontExamples.example(url: CloudFrontExamples.cannedAmpersandAsU0026,
                                       note: "canned policy signed with & written as \\u0026"),
        ],
        nonTriggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.customWildcard, note: "videos/* covers videos/2026/a.mp4"),
        ]
    ), kind: .url) { context in
        context.cloudFrontViolations(.resourceMismatch, because: "; CloudFront refuses it with 403.")
    }
}
