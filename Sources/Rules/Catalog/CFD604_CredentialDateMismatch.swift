import PresignedURLs

extension Rule {
    static let credentialDateMismatch = Rule(RuleDescription(
        id: "CFD604", name: "credential-date-mismatch", severity: .error,
        summary: "The date in X-Amz-Credential's scope is not the date of X-Amz-Date.",
        rationale: """
            The credential scope is "date/region/service/aws4_request", where date is "in YYYYMMDD format", and \
            X-Amz-Date is the signing time; the signing key is derived from the scope date. S3 rejects a scope \
            whose date is not the date of X-Amz-Date (400 AuthorizationQueryParametersError). It happens when a \
            URL is hand-assembled or its date was edited, e.g. to "round" the signing time across midnight.
            """,
        fix: "Let the SDK produce X-Amz-Date and X-Amz-Credential together. When rounding the signing time (the article's "
            + "Solution #2), freeze the clock before signing rather than editing the URL afterwards.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-Credential, X-Amz-Date)",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (credential scope)",
        ],
        triggering: [
            RuleExample(url: URLExamples.sigV4(credential: "AKIAINGQCJMAROJWPJ3A%2F20180929%2Feu-west-1%2Fs3%2Faws4_request")),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.article),
        ]
    ), kind: .url) { context in
        guard let query = context.auth.sigV4, let credential = query.credential, let date = query.amzDate,
              credential.date != date.scopeDate else { return [] }
        return [Violation(
            "\(context.urlName): the credential scope date is \(credential.date) but X-Amz-Date is "
                + "\(query.amzDateText ?? date.amzDate) (\(date.scopeDate)): S3 rejects the credential.",
            at: nil)]
    }
}
