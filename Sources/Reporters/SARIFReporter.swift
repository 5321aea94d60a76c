import Checking
import Foundation
import Hashing
import Rules

/// SARIF 2.1.0 (OASIS), the log format code-scanning services read (GitHub code scanning, Azure
/// DevOps, SonarQube, …): the tool with its whole rule catalog, and one result per finding with a
/// physical location relative to the working directory, a logical location (distribution /
/// behavior), a fingerprint that survives line moves, and suppressions with their justification.
/// Valid against fixtures/schemas/sarif-schema-2.1.0.json (tested).
public struct SARIFReporter: Reporter {
    public static let name = "sarif"

    /// Paths are made relative to this, as code-scanning services resolve them against the
    /// checkout root the run started in.
    let workingDirectory: String

    public init(style: TerminalStyle) {
        self.init(workingDirectory: FileManager.default.currentDirectoryPath)
    }

    public init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    public func render(_ presentation: Presentation) -> String {
        let rules = Catalog.all.map(\.description)
        let indexes = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let results: [SARIFResult] = presentation.findings.map { result($0, ruleIndex: indexes[$0.rule]) }
        let run = Run(
            tool: Tool(driver: Driver(rules: rules.map(ReportingDescriptor.init))),
            results: results,
            properties: RunProperties(verdict: presentation.verdict, summary: presentation.summary,
                                      notes: presentation.notes, urls: Self.urls(presentation)))
        return JSONReporter.encode(Log(runs: [run])) + "\n"
    }

    func result(_ finding: Finding, ruleIndex: Int?) -> SARIFResult {
        var locations = [Location]()
        var location = Location()
        if let source = finding.location, let uri = ReportPaths.uri(source.file, relativeTo: workingDirectory) {
            location.physicalLocation = PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: uri),
                region: Region(startLine: max(source.line, 1), startColumn: max(source.column, 1)))
        }
        if let name = finding.resource ?? finding.distribution {
            let qualified = [finding.distribution ?? name, finding.behavior].compactMap { $0 }.joined(separator: "/")
            location.logicalLocations = [LogicalLocation(name: name, fullyQualifiedName: qualified, kind: "resource")]
        }
        if location.physicalLocation != nil || location.logicalLocations != nil { locations.append(location) }
        return SARIFResult(
            ruleId: finding.rule.rawValue, ruleIndex: ruleIndex, level: Self.level(finding.severity),
            message: Message(text: "\(finding.message)\nFix: \(finding.fix)"),
            locations: locations.isEmpty ? nil : locations,
            partialFingerprints: ["cfdoctorFinding/v1": Self.fingerprint(finding)],
            suppressions: finding.suppressed.map { [SARIFSuppression($0)] },
            properties: ResultProperties(finding))
    }

    /// The URLs the run judged, redacted (the Presentation only has them so), or the one presign made.
    static func urls(_ presentation: Presentation) -> [String]? {
        switch presentation.subject {
        case .check(let view): view.traces.isEmpty ? nil : view.traces.map(\.url)
        case .url(let view): [view.decoded.url]
        // presign's URL is its product, shown whole in every format (PresignView).
        case .presign(let view): [view.url]
        case .error, .rules: nil
        }
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// What identifies a finding across runs: the rule, the resource and the JSON pointer of the
    /// field, and the message with its numbers after a colon (line:column references) blanked and
    /// spaces collapsed. Not the line, which moves whenever the file above it is edited.
    static func fingerprint(_ finding: Finding) -> String {
        let parts = [finding.rule.rawValue, finding.resource ?? finding.distribution ?? "",
                     finding.behavior ?? "", finding.location?.pointer ?? "", normalized(finding.message)]
        return Digest.sha256(parts.joined(separator: "\u{1F}")).hexString
    }

    static func normalized(_ message: String) -> String {
        var out = ""
        var afterColon = false, inNumber = false, lastWasSpace = false
        for character in message {
            if character.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true; afterColon = false; inNumber = false
                continue
            }
            lastWasSpace = false
            if character.isASCII, character.isNumber, afterColon || inNumber {
                if !inNumber { out.append("#") }
                inNumber = true
                continue
            }
            inNumber = false
            afterColon = character == ":"
            out.append(character)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    // MARK: The SARIF object model, the part cfdoctor fills (SARIF 2.1.0 §3). Optional members are
    // left out when nil: the schema forbids null for most of them.

    struct Log: Encodable {
        var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [SARIFResult]
        var columnKind = "unicodeCodePoints"
        var properties: RunProperties
    }

    struct RunProperties: Encodable {
        var verdict: String
        var summary: Presentation.Summary
        var notes: [String]
        var urls: [String]?
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = ToolInfo.name
        var version = ToolInfo.version
        var semanticVersion = ToolInfo.version
        var informationUri = ToolInfo.informationURI
        var rules: [ReportingDescriptor]
    }

    struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    struct ReportingDescriptor: Encodable {
        struct Configuration: Encodable {
            var level: String
        }

        struct Properties: Encodable {
            var tags: [String]
            var sources: [String]
        }

        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String
        var defaultConfiguration: Configuration
        var properties: Properties

        init(_ d: RuleDescription) {
            id = d.id.rawValue
            name = d.name
            shortDescription = Message(text: d.summary)
            fullDescription = Message(text: d.rationale)
            help = Message(text: "\(d.summary)\n\nFix: \(d.fix)\n\nSources:\n" + d.sources.map { "- \($0)" }.joined(separator: "\n"),
                           markdown: "\(d.summary)\n\n**Fix:** \(d.fix)\n\n**Sources:**\n\n" + d.sources.map { "- \($0)" }.joined(separator: "\n")
                               + "\n\n[\(d.id) in docs/rules.md](\(ToolInfo.helpURI(d.id)))")
            helpUri = ToolInfo.helpURI(d.id)
            defaultConfiguration = Configuration(level: SARIFReporter.level(d.severity))
            properties = Properties(tags: ["cloudfront", "s3", "presigned-url"], sources: d.sources)
        }
    }

    struct SARIFResult: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [SARIFSuppression]?
        var properties: ResultProperties
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation?
        var logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    struct LogicalLocation: Encodable {
        var name: String
        var fullyQualifiedName: String
        var kind: String
    }

    /// SARIF §3.35: `inSource` for suppressions written in the analysed file (CloudFormation
    /// Metadata, Terraform tags), `external` for the command line and the settings file.
    struct SARIFSuppression: Encodable {
        struct Properties: Encodable {
            var declaredAt: String
            var source: Suppression.Source
        }

        var kind: String
        var status = "accepted"
        var justification: String?
        var properties: Properties

        init(_ mark: Finding.Suppressed) {
            kind = mark.source.isInSource ? "inSource" : "external"
            justification = mark.reason
            properties = Properties(declaredAt: mark.declaredAt, source: mark.source)
        }
    }

    struct ResultProperties: Encodable {
        var name: String
        var fix: String
        var confirmed: Bool
        var pointer: String?
        var distribution: String?
        var behavior: String?
        var origin: String?
        var scope: Scope?
        var notes: [String]

        init(_ finding: Finding) {
            name = finding.name
            fix = finding.fix
            confirmed = finding.confirmed
            pointer = finding.location?.pointer
            distribution = finding.distribution
            behavior = finding.behavior
            origin = finding.origin
            scope = finding.scope
            notes = finding.notes
        }
    }
}
