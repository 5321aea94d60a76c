extension Rule {
    /// CFD702: outside the policy's DateGreaterThan…DateLessThan window.
    static let cloudFrontURLExpired = Rule(RuleDescription(
        id: "CFD702", name: "cloudfront-url-expired", severity: .error,
        summary: "The CloudFront policy's DateLessThan has passed, or its DateGreaterThan has not been reached.",
        rationale: """
            DateLessThan is "the expiration date and time for the URL in Unix time format (in seconds)"; a canned \
            URL's Expires "must match" it. DateGreaterThan is the optional start. CloudFront checks them when the \
            request arrives; outside the window the request is refused with 403.
            """,
        fix: "Sign a new URL or cookie with a later DateLessThan (or an earlier DateGreaterThan), and check the clock "
            + "of the machine that signs; judge an old URL with --now.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-custom-policy.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html",
        ],
        triggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.canned, now: CloudFrontExamples.expiredNow,
                                       note: "one second after Expires"),
            CloudFrontExamples.example(url: CloudFrontExamples.customNotYetValid, note: "DateGreaterThan is 10 minutes away"),
        ],
        nonTriggering: [
            CloudFrontExamples.example(url: CloudFrontExamples.canned, now: "2026-01-01T17:59:59Z", note: "the last valid second"),
        ]
    ), kind: .url) { context in
        context.cloudFrontViolations(.expired, because: "; CloudFront refuses it with 403.")
    }
}
