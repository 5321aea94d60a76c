import PresignedURLs

extension Rule {
    static let badPercentEncoding = Rule(RuleDescription(
        id: "CFD611", name: "bad-percent-encoding", severity: .error,
        summary: "The path or query has an invalid percent escape, or an ambiguous literal '+' in the query.",
        rationale: """
            SigV4 signs the URI-encoded path and query ("The space character is a reserved character and must be \
            encoded as %20 (and not as +)"). S3 reads a literal '+' in the query as a space, so a session token \
            or a credential containing '+' no longer matches what was signed (SignatureDoesNotMatch, \
            InvalidToken); a '%' not followed by two hex digits, or escapes that are not UTF-8, make the key or \
            the canonical query differ from the signer's. Usually the URL was re-encoded, decoded once too often, \
            or pasted through a tool that turned %2B into '+'.
            """,
        fix: "Use the URL byte for byte as the SDK produced it. Encode '+' as %2B and a space as %20; never decode and "
            + "re-encode a presigned URL in application code, templates or edge functions.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (UriEncode rules)",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (UriEncode; S3 decodes '+' in query values as a space)",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#canonical-request (S3 does not normalise the path and encodes it once)",
        ],
        triggering: [
            RuleExample(url: URLExamples.sigV4(extra: "&X-Amz-Security-Token=FwoGZXIvYXdzEBYa+EXAMPLE"),
                        note: "a token whose %2B was decoded back to '+'"),
            RuleExample(url: URLExamples.sigV4(path: "/reports/100%.csv"), note: "'%' not followed by two hex digits"),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.sigV4(path: "/C%2B%2B%20Primer.pdf"), note: "plus and space properly encoded"),
            RuleExample(url: URLExamples.sigV4(path: "/a+b.txt"), note: "'+' in the path is an ordinary character"),
        ]
    ), kind: .url) { context in
        guard let url = context.url else { return [] }
        return url.encodingProblems.map { problem in
            Violation("\(url.shortName): \(problem.detail) (in the \(problem.part.rawValue)).", at: nil)
        }
    }
}
