import PresignedURLs

extension Rule {
    static let urlExpired = Rule(RuleDescription(
        id: "CFD601", name: "url-expired", severity: .error,
        summary: "The presigned URL has expired: X-Amz-Date + X-Amz-Expires (SigV2: Expires) is before now.",
        rationale: """
            SigV4 query auth is valid from X-Amz-Date for X-Amz-Expires seconds; SigV2's Expires is an absolute \
            Unix time ("A request received after this time (according to the server) will be rejected"). After \
            that S3 answers 403 AccessDenied "Request has expired" with X-Amz-Expires, Expires and ServerTime. \
            Through CloudFront an expired URL may still be served from the edge cache (see CFD501), which hides \
            the expiry until the cached copy goes.
            """,
        fix: "Presign a new URL, or presign with a longer X-Amz-Expires (at most 604800 s). Check the clock of the "
            + "machine that signs (and --now when judging an old URL).",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-Date, X-Amz-Expires)",
            "https://github.com/aws/aws-sdk-php/issues/1333 (S3 AccessDenied 'Request has expired', real capture)",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (expiry is X-Amz-Date + X-Amz-Expires)",
        ],
        triggering: [
            RuleExample(url: URLExamples.article, now: "2018-09-30T15:13:21Z", note: "one second after 14:58:20 + 900 s"),
            RuleExample(url: "https://johnsmith.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D",
                        note: "SigV2 Expires 2007-03-29T03:40:20Z"),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.article, now: "2018-09-30T15:13:20Z", note: "the last second it is valid"),
            RuleExample(url: URLExamples.sigV4(expires: "abc"), now: "2030-01-01T00:00:00Z",
                        note: "no computable expiry: CFD603 reports the malformed X-Amz-Expires instead"),
        ]
    ), kind: .url) { context in
        let expiry: Timestamp?
        switch context.auth {
        case .sigV4(let query): expiry = query.expiry
        case .sigV2(let query): expiry = query.expires
        case .none: expiry = nil
        }
        guard let expiry, context.now > expiry else { return [] }
        return [Violation(
            "\(context.urlName) expired at \(expiry.rfc3339), \(DurationText.format(context.now - expiry)) before "
                + "\(context.now.rfc3339): S3 answers 403 AccessDenied \"Request has expired\".",
            at: nil)]
    }
}
