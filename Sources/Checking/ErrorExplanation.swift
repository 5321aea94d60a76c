import Rules
import S3Errors

/// `error`: the decoded body, what it means here, the rules that explain it.
public struct ErrorExplanation: Sendable {
    public var body: ErrorBody
    public var evidence: Diagnosis

    public init(body: ErrorBody) {
        self.body = body
        evidence = Diagnosis(body)
    }

    init(body: ErrorBody, evidence: Diagnosis) {
        self.body = body
        self.evidence = evidence
    }

    /// "AccessDenied: most likely CFD201 (s3-origin-as-custom-origin)".
    public var verdict: String {
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

    public static func label(_ rule: RuleID) -> String {
        Catalog.rule(id: rule).map { "\(rule) (\($0.description.name))" } ?? rule.rawValue
    }
}
