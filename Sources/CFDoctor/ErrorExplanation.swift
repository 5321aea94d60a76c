import Rules
import S3Errors

/// `cfdoctor error` output: the decoded body, what it means, the rules that explain it.
struct ErrorExplanation {
    var body: ErrorBody
    var evidence: Diagnosis

    /// "AccessDenied: most likely CFD201 (s3-origin-as-custom-origin)".
    var verdict: String {
        switch body.kind {
        case .notAnError:
            return "Not an S3 or CloudFront error: \(body.notAnErrorReason ?? "unrecognised input")"
        case .cloudFrontHTMLPage:
            return "CloudFront error page\(body.status.map { " \($0)" } ?? ""): \(body.htmlPage?.reason ?? "request not satisfied")"
        case .s3Error, .cloudFrontError:
            let who = body.kind == .s3Error ? "S3" : "CloudFront"
            guard let first = evidence.supports.first else { return "\(who) \(body.code ?? "error"): no rule explains it directly" }
            return "\(who) \(body.code ?? "error"): most likely \(Self.label(first.rule))"
        }
    }

    static func label(_ rule: RuleID) -> String {
        Catalog.rule(id: rule).map { "\(rule) (\($0.description.name))" } ?? rule.rawValue
    }

    func text(style: TerminalStyle) -> String {
        var out = style.bold(verdict) + "\n\n"
        if let head = body.head {
            out += "  \(head.version) \(head.status) \(head.reason)\n"
            for name in ["Server", "X-Cache", "x-amz-request-id", "x-amz-bucket-region", "Location"] {
                if let value = head.header(name) { out += "  \(name): \(value)\n" }
            }
        }
        if let page = body.htmlPage {
            for (label, value) in [("Title", page.title), ("Heading", page.heading), ("Reason", page.reason),
                                   ("Request ID", page.requestId)] {
                if let value { out += "  \(label): \(value)\n" }
            }
        }
        for field in body.fields {
            let value = body.displayValue(field)
            if value.contains("\n") {
                out += "  \(field.name):\n" + value.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n") + "\n"
            } else {
                out += "  \(field.name): \(value)\n"
            }
        }
        out += "\n" + style.bold("What it means here") + "\n  \(evidence.meaning)\n"
        if !evidence.supports.isEmpty {
            out += "\n" + style.bold("Rules that explain it, most likely first") + "\n"
            for item in evidence.supports { out += "  \(Self.label(item.rule)): \(item.reason)\n" }
        }
        if !evidence.rulesOut.isEmpty {
            out += "\n" + style.bold("Ruled out") + "\n"
            // Rules ruled out for the same reason share one line.
            var reasons = [String]()
            var rulesByReason = [String: [String]]()
            for item in evidence.rulesOut {
                if rulesByReason[item.reason] == nil { reasons.append(item.reason) }
                rulesByReason[item.reason, default: []].append(item.rule.rawValue)
            }
            for reason in reasons {
                out += style.dim("  \(rulesByReason[reason]!.joined(separator: ", ")): \(reason)") + "\n"
            }
        }
        return out
    }

    struct JSON: Encodable {
        var version = 1
        var findings: [JSONReport.FindingJSON] = []
        var verdict: String
        var summary = ["error": 0, "warning": 0, "info": 0]
        var notes: [String] = []
        var error: ErrorJSON
        var explanations: [Diagnosis.Explanation]
        var ruledOut: [Diagnosis.Explanation]
    }

    struct ErrorJSON: Encodable {
        struct Field: Encodable { var name, value: String; var line: Int }
        var kind: String
        var code: String?
        var message: String?
        var status: Int?
        var fields: [Field]
        var headersNotSigned: [String]
        var stringToSign: String?
        var canonicalRequest: String?
        var region: String?
        var endpoint: String?
        var expires: String?
        var serverTime: String?
        var reachedS3: Bool
        var meaning: String
        var page: Page?
        var notAnErrorReason: String?

        struct Page: Encodable { var title, heading, reason, requestId: String? }

        enum Keys: String, CodingKey {
            case kind, code, message, status, fields, headersNotSigned, stringToSign, canonicalRequest, region, endpoint
            case expires, serverTime, reachedS3, meaning, page, notAnErrorReason
        }

        /// Every key present, null when unknown, like the findings in JSONReport: one parser for all.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(status, forKey: .status)
            try container.encode(fields, forKey: .fields)
            try container.encode(headersNotSigned, forKey: .headersNotSigned)
            try container.encode(stringToSign, forKey: .stringToSign)
            try container.encode(canonicalRequest, forKey: .canonicalRequest)
            try container.encode(region, forKey: .region)
            try container.encode(endpoint, forKey: .endpoint)
            try container.encode(expires, forKey: .expires)
            try container.encode(serverTime, forKey: .serverTime)
            try container.encode(reachedS3, forKey: .reachedS3)
            try container.encode(meaning, forKey: .meaning)
            try container.encode(page, forKey: .page)
            try container.encode(notAnErrorReason, forKey: .notAnErrorReason)
        }
    }

    var json: JSON {
        let facts = evidence.facts
        let error = ErrorJSON(
            kind: body.kind.rawValue, code: body.code, message: body.message, status: body.status,
            fields: body.fields.map { ErrorJSON.Field(name: $0.name, value: body.displayValue($0), line: $0.line) },
            headersNotSigned: facts.headersNotSigned,
            stringToSign: facts.stringToSign.map(ErrorBody.redactingSecrets),
            canonicalRequest: facts.canonicalRequest.map(ErrorBody.redactingSecrets),
            region: facts.region, endpoint: facts.endpoint, expires: facts.expires, serverTime: facts.serverTime,
            reachedS3: evidence.reachedS3, meaning: evidence.meaning,
            page: body.htmlPage.map { ErrorJSON.Page(title: $0.title, heading: $0.heading, reason: $0.reason, requestId: $0.requestId) },
            notAnErrorReason: body.notAnErrorReason)
        return JSON(verdict: verdict, error: error, explanations: evidence.supports, ruledOut: evidence.rulesOut)
    }
}
