import Rules
import S3Errors

/// `error`'s own fields: the decoded body with its secrets (SignatureProvided, tokens, the
/// signature inside StringToSign / CanonicalRequest) redacted, and the rules that explain it.
public struct ErrorView: Sendable {
    public struct Field: Sendable, Encodable {
        public var name, value: String
        public var line: Int
    }

    public struct Page: Sendable, Encodable {
        @NullWhenAbsent public var title: String?
        @NullWhenAbsent public var heading: String?
        @NullWhenAbsent public var reason: String?
        @NullWhenAbsent public var requestId: String?
    }

    /// The HTTP status line and the headers worth showing, when the input had them.
    public struct Head: Sendable {
        public var statusLine: String
        public var headers: [(name: String, value: String)]
    }

    /// The JSON `error` object.
    public struct Body: Sendable, Encodable {
        public var kind: String
        @NullWhenAbsent public var code: String?
        @NullWhenAbsent public var message: String?
        @NullWhenAbsent public var status: Int?
        public var fields: [Field]
        public var headersNotSigned: [String]
        @NullWhenAbsent public var stringToSign: String?
        @NullWhenAbsent public var canonicalRequest: String?
        @NullWhenAbsent public var region: String?
        @NullWhenAbsent public var endpoint: String?
        @NullWhenAbsent public var expires: String?
        @NullWhenAbsent public var serverTime: String?
        public var reachedS3: Bool
        public var meaning: String
        @NullWhenAbsent public var page: Page?
        @NullWhenAbsent public var notAnErrorReason: String?
    }

    public var body: Body
    public var head: Head?
    public var explanations: [Diagnosis.Explanation]
    public var ruledOut: [Diagnosis.Explanation]

    static let shownHeaders = ["Server", "X-Cache", "x-amz-request-id", "x-amz-bucket-region", "Location"]
}

extension Presentation {
    /// `error`'s result, redacted.
    public init(redacting explanation: ErrorExplanation) {
        let body = explanation.body, evidence = explanation.evidence, facts = evidence.facts
        let view = ErrorView(
            body: ErrorView.Body(
                kind: body.kind.rawValue, code: body.code, message: body.message, status: body.status,
                fields: body.fields.map { ErrorView.Field(name: $0.name, value: body.displayValue($0), line: $0.line) },
                headersNotSigned: facts.headersNotSigned,
                stringToSign: facts.stringToSign.map(ErrorBody.redactingSecrets),
                canonicalRequest: facts.canonicalRequest.map(ErrorBody.redactingSecrets),
                region: facts.region, endpoint: facts.endpoint, expires: facts.expires, serverTime: facts.serverTime,
                reachedS3: evidence.reachedS3, meaning: evidence.meaning,
                page: body.htmlPage.map { ErrorView.Page(title: $0.title, heading: $0.heading, reason: $0.reason, requestId: $0.requestId) },
                notAnErrorReason: body.notAnErrorReason),
            head: body.head.map { head in
                ErrorView.Head(statusLine: "\(head.version) \(head.status) \(head.reason)",
                               headers: ErrorView.shownHeaders.compactMap { name in
                                   head.header(name).map { (name, ErrorBody.redactingSecrets($0)) } })
            },
            explanations: evidence.supports, ruledOut: evidence.rulesOut)
        self.init(report: Report(), verdict: explanation.verdict, subject: .error(view), redaction: Redaction(secrets: []))
    }
}
