import Foundation
import Rules

/// The machine report (SPEC §8): `{version, findings, verdict, summary, notes}`, stable key and
/// finding order, every documented key present (null when unknown).
enum JSONReport {
    struct Document: Encodable {
        var version = 1
        var findings: [FindingJSON]
        var verdict: String
        var summary: [String: Int]
        var notes: [String]
    }

    struct FindingJSON: Encodable {
        var finding: Finding

        enum Keys: String, CodingKey {
            case rule, name, severity, message, fix, confirmed, location, resource, distribution, behavior, origin, scope, notes
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(finding.rule, forKey: .rule)
            try container.encode(finding.name, forKey: .name)
            try container.encode(finding.severity, forKey: .severity)
            try container.encode(finding.message, forKey: .message)
            try container.encode(finding.fix, forKey: .fix)
            try container.encode(finding.confirmed, forKey: .confirmed)
            try container.encode(finding.location, forKey: .location)
            try container.encode(finding.resource, forKey: .resource)
            try container.encode(finding.distribution, forKey: .distribution)
            try container.encode(finding.behavior, forKey: .behavior)
            try container.encode(finding.origin, forKey: .origin)
            try container.encode(finding.scope, forKey: .scope)
            try container.encode(finding.notes, forKey: .notes)
        }
    }

    static func document(_ report: Report) -> Document {
        Document(findings: report.findings.map(FindingJSON.init), verdict: report.verdict,
                 summary: ["error": report.count(.error), "warning": report.count(.warning), "info": report.count(.info)],
                 notes: report.notes)
    }

    static func render(_ report: Report) throws -> String {
        try encode(document(report))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
