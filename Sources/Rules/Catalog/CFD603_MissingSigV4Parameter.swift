import PresignedURLs

extension Rule {
    static let missingSigV4Parameter = Rule(RuleDescription(
        id: "CFD603", name: "missing-sigv4-parameter", severity: .error,
        summary: "A required X-Amz-* parameter is missing, malformed or duplicated, or the URL carries no S3 query auth at all.",
        rationale: """
            "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, \
            X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters" (S3's own 400 \
            AuthorizationQueryParametersError). Names are case-sensitive; X-Amz-SignedHeaders must include host; \
            the signature is 64 hex digits, so a shorter one means the URL was cut off when it was pasted. A \
            parameter given twice makes the canonical query differ from the signed one. A URL without any \
            X-Amz-* parameter is an anonymous request, which S3 refuses for a private object (403 AccessDenied).
            """,
        fix: "Use the URL exactly as the SDK produced it: copy it whole, do not re-encode or edit its query, and "
            + "make sure nothing in between (a template, a redirect, a CloudFront function) drops or repeats a parameter.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
            "https://github.com/volojs/volo/issues/218 (S3 AuthorizationQueryParametersError for missing X-Amz-* parameters, real capture)",
            "https://github.com/nukulb/s3-angular-file-upload/issues/23 (S3 InvalidRequest 'Please use AWS4-HMAC-SHA256', real capture)",
        ],
        triggering: [
            RuleExample(url: String(URLExamples.article.prefix(220)), note: "truncated when pasted"),
            RuleExample(url: URLExamples.article + "&X-Amz-Date=20180930T145821Z", note: "X-Amz-Date twice"),
            RuleExample(url: "https://cf-signed-urls-test.s3.eu-west-1.amazonaws.com/test.txt",
                        note: "no query authentication at all"),
        ],
        nonTriggering: [
            RuleExample(url: "https://d111111abcdef8.cloudfront.net/test.txt?Expires=1538319500&Signature=abc~def&Key-Pair-Id=K2JCJMDEHXQW5F",
                        note: "a CloudFront signed URL: CFD701–CFD707 judge it"),
            RuleExample(url: URLExamples.article),
            RuleExample(url: "https://johnsmith.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D",
                        note: "SigV2 has its own rule, CFD606"),
        ]
    ), kind: .url) { context in
        guard let url = context.url else { return [] }
        switch context.auth {
        case .sigV4(let query):
            var problems = [String]()
            if !query.missing.isEmpty { problems.append("missing " + query.missing.joined(separator: ", ")) }
            problems += query.malformed
            return problems.map { Violation("\(url.shortName): \($0).", at: nil) }
        case .sigV2:
            return []
        case .none:
            // A CloudFront signed URL or cookie: CloudFront checks it, not S3 (CFD701–CFD707; CFD706 when the
            // behavior does not require it).
            if context.cloudFrontRequest != nil { return [] }
            return [Violation(
                "\(url.shortName) carries no S3 query authentication (no X-Amz-* parameters): S3 sees an anonymous request "
                    + "and answers 403 AccessDenied for a private object.",
                at: nil)]
        }
    }
}
