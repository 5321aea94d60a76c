import PresignedURLs

extension Rule {
    /// S3's clock-skew allowance as seen in real responses: MaxAllowedSkewMilliseconds 900000
    /// (docs/aws-facts.md #9).
    static let allowedClockSkew: Int64 = 900

    static let notYetValid = Rule(RuleDescription(
        id: "CFD609", name: "not-yet-valid", severity: .error,
        summary: "X-Amz-Date is more than 15 minutes in the future.",
        rationale: """
            A presigned URL is valid from X-Amz-Date on. S3 rejects a signing time ahead of its own clock with \
            403 AccessDenied "Request is not yet valid" (captured responses show X-Amz-Date, Expires and \
            ServerTime). S3 tolerates 15 minutes of clock skew (MaxAllowedSkewMilliseconds 900000 in \
            RequestTimeTooSkewed responses); SDK users report failures once the signing clock is more than 15 \
            minutes ahead. A future date usually means the signer's clock or time zone is wrong, or the signing \
            time was rounded up instead of down.
            """,
        fix: "Fix the signing machine's clock (NTP) and sign in UTC. When rounding the signing time for caching "
            + "(the article's Solution #2), round down, never up.",
        sources: [
            "https://github.com/minio/minio/issues/2638 (S3 AccessDenied 'Request is not yet valid', captured)",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-Date)",
        ],
        triggering: [
            RuleExample(url: URLExamples.article, now: "2018-09-30T14:43:19Z", note: "15 minutes and 1 second early"),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.article, now: "2018-09-30T14:43:20Z", note: "exactly 15 minutes early: within skew"),
            RuleExample(url: URLExamples.article, note: "signed 100 s before now"),
        ]
    ), kind: .url) { context in
        guard let date = context.auth.sigV4?.amzDate, date - context.now > allowedClockSkew else { return [] }
        return [Violation(
            "\(context.urlName) is signed for \(date.rfc3339), \(DurationText.format(date - context.now)) after "
                + "\(context.now.rfc3339): beyond S3's 15 minutes of clock skew, S3 answers 403 \"Request is not yet valid\".",
            at: nil)]
    }
}
