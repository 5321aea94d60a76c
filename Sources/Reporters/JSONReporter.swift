import Checking
import Documents
import Foundation
import Rules
import S3Errors

/// The machine report (SPEC §8): `{version, findings, verdict, summary, notes}` for every command,
/// plus the command's own decoded fields (`url` + `signatureCheck`, `error` + `explanations` +
/// `ruledOut`). Stable key and finding order, every documented key present (null when unknown).
public struct JSONReporter: Reporter {
    public static let name = "json"

    public init(style: TerminalStyle) {}

    public func render(_ presentation: Presentation) -> String {
        switch presentation.subject {
        case .rules(.catalog(let rules)): return Self.encode(rules.map(RuleJSON.init)) + "\n"
        case .rules(.rule(let rule)): return Self.encode(RuleJSON(rule)) + "\n"
        default: return Self.encode(Document(presentation)) + "\n"
        }
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Our own plain value types: encoding them cannot fail.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    struct Document: Encodable {
        var version = 1
        var findings: [FindingJSON]
        var verdict: String
        var summary: Presentation.Summary
        var notes: [String]
        var subject: Presentation.Subject

        init(_ presentation: Presentation) {
            findings = presentation.findings.map(FindingJSON.init)
            verdict = presentation.verdict
            summary = presentation.summary
            notes = presentation.notes
            subject = presentation.subject
        }

        enum Keys: String, CodingKey {
            case version, findings, verdict, summary, notes, url, signatureCheck, error, explanations, ruledOut
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(version, forKey: .version)
            try container.encode(findings, forKey: .findings)
            try container.encode(verdict, forKey: .verdict)
            try container.encode(summary, forKey: .summary)
            try container.encode(notes, forKey: .notes)
            switch subject {
            case .check, .rules: break
            case .url(let view):
                try container.encode(view.decoded, forKey: .url)
                // null without a secret key: nothing was verified.
                try container.encode(view.signatureCheck.map(SignatureCheckJSON.init), forKey: .signatureCheck)
            case .error(let view):
                try container.encode(view.body, forKey: .error)
                try container.encode(view.explanations, forKey: .explanations)
                try container.encode(view.ruledOut, forKey: .ruledOut)
            }
        }
    }

    struct FindingJSON: Encodable {
        var rule, name: String
        var severity: Severity
        var message, fix: String
        var confirmed: Bool
        @NullWhenAbsent var location: SourceLocation?
        @NullWhenAbsent var resource: String?
        @NullWhenAbsent var distribution: String?
        @NullWhenAbsent var behavior: String?
        @NullWhenAbsent var origin: String?
        @NullWhenAbsent var scope: Scope?
        var notes: [String]
        /// Kept and marked, not dropped (SPEC §9); null when the finding counts.
        @NullWhenAbsent var suppressed: SuppressedJSON?

        init(_ finding: Finding) {
            rule = finding.rule.rawValue
            name = finding.name
            severity = finding.severity
            message = finding.message
            fix = finding.fix
            confirmed = finding.confirmed
            location = finding.location
            resource = finding.resource
            distribution = finding.distribution
            behavior = finding.behavior
            origin = finding.origin
            scope = finding.scope
            notes = finding.notes
            suppressed = finding.suppressed.map(SuppressedJSON.init)
        }
    }

    struct SuppressedJSON: Encodable {
        var declaredAt: String
        var source: Suppression.Source
        @NullWhenAbsent var reason: String?

        init(_ mark: Finding.Suppressed) {
            declaredAt = mark.declaredAt
            source = mark.source
            reason = mark.reason
        }
    }

    struct SignatureCheckJSON: Encodable {
        var status: String
        var version: String
        var canonicalRequest: String?
        var stringToSign: String?

        init(_ view: URLView.SignatureCheckView) {
            status = view.status
            version = view.version
            canonicalRequest = view.canonicalRequest
            stringToSign = view.stringToSign
        }
    }

    struct RuleJSON: Encodable {
        var id, name, severity, summary, rationale, fix: String
        var sources: [String]

        init(_ d: RuleDescription) {
            id = d.id.rawValue; name = d.name; severity = d.severity.rawValue; summary = d.summary
            rationale = d.rationale; fix = d.fix; sources = d.sources
        }
    }
}
