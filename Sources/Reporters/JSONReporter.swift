import Checking
import Documents
import Foundation
import Rules
import S3Errors

/// The machine report (SPEC §8): `{version, findings, verdict, summary, notes}` for every command,
/// plus the command's own decoded fields (`url` + `signatureCheck`, `error` + `explanations` +
/// `ruledOut`, `presign`'s URL, times, exposure and `distribution`). Stable key and finding order, every documented key present (null when unknown).
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
            case version, findings, verdict, summary, notes, url, signatureCheck, cloudFront, error, explanations, ruledOut
            // presign
            case s3URL, signedHost, bucket, key, region, signedAt, amzDate, roundingWindow, handedOutUntil,
                 expiresIn, expiresAt, minimumValidity, maximumValidity, exposure, maxExposure, distribution, warnings
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
                // Only CloudFront signed URLs and cookies have it, so other URLs' documents are unchanged.
                try container.encodeIfPresent(view.cloudFront, forKey: .cloudFront)
            case .error(let view):
                try container.encode(view.body, forKey: .error)
                try container.encode(view.explanations, forKey: .explanations)
                try container.encode(view.ruledOut, forKey: .ruledOut)
            case .presign(let view):
                try encode(view, into: &container)
            }
        }

        /// The URL whole (it is the product), the times, and null for what is unknown.
        private func encode(_ view: PresignView, into container: inout KeyedEncodingContainer<Keys>) throws {
            try container.encode(view.url, forKey: .url)
            try container.encode(view.s3URL, forKey: .s3URL)
            try container.encode(view.signedHost, forKey: .signedHost)
            try container.encode(view.bucket, forKey: .bucket)
            try container.encode(view.key, forKey: .key)
            try container.encode(view.region, forKey: .region)
            try container.encode(view.signedAt, forKey: .signedAt)
            try container.encode(view.amzDate, forKey: .amzDate)
            try container.encode(view.roundingWindow, forKey: .roundingWindow)
            try container.encode(view.handedOutUntil, forKey: .handedOutUntil)
            try container.encode(view.expiresIn, forKey: .expiresIn)
            try container.encode(view.expiresAt, forKey: .expiresAt)
            try container.encode(view.minimumValidity, forKey: .minimumValidity)
            try container.encode(view.maximumValidity, forKey: .maximumValidity)
            try container.encode(view.exposure, forKey: .exposure)
            try container.encode(view.maxExposure, forKey: .maxExposure)
            try container.encode(view.distribution, forKey: .distribution)
            try container.encode(view.warnings, forKey: .warnings)
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
