import PresignedURLs

extension Rule {
    static let expiresOutOfRange = Rule(RuleDescription(
        id: "CFD602", name: "expires-out-of-range", severity: .error,
        summary: "X-Amz-Expires is below 1 or above 604800 seconds (seven days).",
        rationale: """
            "This value is an integer. The minimum value you can set is 1, and the maximum is 604800 (seven days). \
            A presigned URL can be valid for a maximum of seven days because the signing key you use in signature \
            calculation is valid for up to seven days." Above the maximum S3 answers 400 \
            AuthorizationQueryParametersError "X-Amz-Expires must be less than a week (in seconds)".
            """,
        fix: "Presign with an expiry between 1 and 604800 seconds. For longer-lived links use CloudFront signed URLs "
            + "(trusted key groups) instead of S3 presigned URLs.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-Expires)",
            "https://github.com/bryanjos/aws_auth/issues/31 (S3 AuthorizationQueryParametersError for X-Amz-Expires over a week, real capture)",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-Expires: 1 to 604800)",
        ],
        triggering: [
            RuleExample(url: URLExamples.sigV4(expires: "604801")),
            RuleExample(url: URLExamples.sigV4(expires: "0")),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.sigV4(expires: "604800"), note: "exactly seven days is allowed"),
            RuleExample(url: URLExamples.sigV4(expires: "1")),
        ]
    ), kind: .url) { context in
        guard let expires = context.auth.sigV4?.expires, expires < 1 || expires > 604_800 else { return [] }
        let why = expires < 1 ? "below the minimum of 1 second" : "above the maximum of 604800 s (seven days)"
        return [Violation(
            "\(context.urlName) has X-Amz-Expires=\(expires), \(why): S3 rejects it with 400 AuthorizationQueryParametersError.",
            at: nil)]
    }
}
