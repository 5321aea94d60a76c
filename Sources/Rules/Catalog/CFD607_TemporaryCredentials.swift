import PresignedURLs

extension Rule {
    static let temporaryCredentials = Rule(RuleDescription(
        id: "CFD607", name: "temporary-credentials", severity: .info,
        summary: "The URL was signed with temporary credentials (X-Amz-Security-Token): it dies with the session.",
        rationale: """
            "If you created a presigned URL using a temporary token, then the URL expires when the token expires, \
            even if the URL was created with a later expiration time." A Lambda role's or an instance profile's \
            session lasts hours, so a seven-day X-Amz-Expires does not mean seven days; S3 then answers \
            400 ExpiredToken. The token is also long, which counts against CloudFront's 8,192-byte URL limit, and \
            it must reach S3 unchanged (a '+' decoded as a space breaks it, CFD611).
            """,
        fix: "Expect the URL to live no longer than the session. For long-lived links sign with an IAM user's long-term "
            + "key (kept in a secret store) or use CloudFront signed URLs.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html (who can create a presigned URL; expiry with temporary credentials)",
            "https://github.com/awslabs/mountpoint-s3 (S3 ExpiredToken body in its test parse_400_expired_token)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html (Maximum length of a URL)",
        ],
        triggering: [
            RuleExample(url: URLExamples.sigV4(credential: "ASIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request",
                                               extra: "&X-Amz-Security-Token=FwoGZXIvYXdzEBYaDEXAMPLETOKEN%2F%2Bw%3D%3D")),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.article, note: "an IAM user's access key (AKIA…)"),
        ]
    ), kind: .url) { context in
        let token: String?
        switch context.auth {
        case .sigV4(let query): token = query.securityToken
        case .sigV2(let query): token = query.securityToken
        case .none: token = nil
        }
        guard let token else { return [] }
        return [Violation(
            "\(context.urlName) carries a session token (\(token.utf8.count) bytes): it stops working when that session "
                + "expires, whatever X-Amz-Expires says.", at: nil)]
    }
}
