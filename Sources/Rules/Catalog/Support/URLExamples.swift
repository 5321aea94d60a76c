import PresignedURLs

/// URLs the rule examples share: the seed article's and AWS's documented example.
enum URLExamples {
    /// The seed article's URL, signed for the legacy dash host at 2018-09-30T14:58:20Z for 900 s.
    static let article = "https://cf-signed-urls-test.s3-eu-west-1.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T145820Z&X-Amz-Expires=900&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b&X-Amz-SignedHeaders=host"
    /// The same URL through the article's CloudFront domain.
    static let articleCloudFront = article.replacingHost(with: "d2tphqjsvmbzmt.cloudfront.net")
    /// The same URL signed (per its host) for the regional virtual-hosted host.
    static let articleRegional = article.replacingHost(with: "cf-signed-urls-test.s3.eu-west-1.amazonaws.com")

    /// AWS S3 API Reference, "Example: A presigned URL" (sigv4-query-string-auth): public example
    /// credentials, not a secret (fixtures/reference/sigv4-presigned-get-example.json).
    static let awsDocumentationSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let awsDocumentation = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z"
        + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"

    /// The documented URL with the last digit of its signature changed (…d404 → …d405).
    static let awsDocumentationTampered = String(awsDocumentation.dropLast()) + "5"
    /// The documented URL with its signature in upper-case hex.
    static let awsDocumentationUpperCase = String(awsDocumentation.dropLast(64))
        + "AEEED9BBCCD4D02EE5C0109B86D86835F995330DA4C265957D157751F604D404"

    /// A SigV4 URL in the article's shape with chosen parts.
    static func sigV4(host: String = "cf-signed-urls-test.s3.eu-west-1.amazonaws.com", path: String = "/test.txt",
                      credential: String = "AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request",
                      date: String = "20180930T145820Z", expires: String = "900", extra: String = "") -> String {
        "https://\(host)\(path)?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=\(credential)&X-Amz-Date=\(date)"
            + "&X-Amz-Expires=\(expires)\(extra)&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b"
    }
}
