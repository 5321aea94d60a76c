import PresignedURLs

extension Rule {
    static let wrongServiceScope = Rule(RuleDescription(
        id: "CFD605", name: "wrong-service-scope", severity: .error,
        summary: "The credential scope's service is not s3, or its terminator is not aws4_request.",
        rationale: """
            A SigV4 credential scope is "date/region/service/aws4_request" and the signing key is derived from \
            each part, so a URL signed for another service (a client created for "s3control", "sts", or \
            "s3-object-lambda" used against a bucket) never verifies at S3. S3 Object Lambda access points are the \
            exception: their scope's service is s3-object-lambda.
            """,
        fix: "Presign with an S3 client (boto3.client(\"s3\"), S3Client) so the scope reads …/REGION/s3/aws4_request.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-Credential)",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (credential scope)",
            "https://github.com/boto/botocore/blob/develop/botocore/data/s3/2006-03-01/endpoint-rule-set-1.json (signingName s3-object-lambda for Object Lambda access points)",
        ],
        triggering: [
            RuleExample(url: URLExamples.sigV4(credential: "AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3control%2Faws4_request")),
            RuleExample(url: URLExamples.sigV4(credential: "AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4")),
        ],
        nonTriggering: [
            RuleExample(url: URLExamples.article),
            RuleExample(url: URLExamples.sigV4(host: "reports-123456789012.s3-object-lambda.eu-west-1.amazonaws.com",
                credential: "AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3-object-lambda%2Faws4_request"),
                note: "Object Lambda access points sign for s3-object-lambda"),
        ]
    ), kind: .url) { context in
        guard let credential = context.auth.sigV4?.credential else { return [] }
        let expectedService = context.url?.endpoint?.form == .objectLambda ? "s3-object-lambda" : "s3"
        var violations = [Violation]()
        if credential.service != expectedService {
            violations.append(Violation(
                "\(context.urlName) is signed for service '\(credential.service)', not '\(expectedService)': the signing "
                    + "key differs, so S3 answers SignatureDoesNotMatch.", at: nil))
        }
        if credential.terminator != "aws4_request" {
            violations.append(Violation(
                "\(context.urlName): the credential scope ends in '\(credential.terminator)', not 'aws4_request'.", at: nil))
        }
        return violations
    }
}
