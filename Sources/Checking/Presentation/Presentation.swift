import Rules

/// What reporters receive: a command's result with every secret already removed. It can only be
/// made by redacting a result (the initializers below and in `Presentation+*.swift`), so a new
/// reporter cannot print a signature, a session token or the secret key by forgetting to hide it.
/// One findings shape for every command (SPEC §8); `subject` holds the command's own fields.
public struct Presentation: Sendable {
    public enum Subject: Sendable {
        case check(CheckView)
        case url(URLView)
        case error(ErrorView)
        case rules(RulesView)
        case presign(PresignView)
    }

    public struct Summary: Sendable, Encodable {
        public var error: Int
        public var warning: Int
        public var info: Int
    }

    /// Every finding, suppressed ones included (marked); counts exclude those.
    public private(set) var findings: [Finding]
    /// The one summary line: headline and counts.
    public private(set) var verdict: String
    public private(set) var summary: Summary
    public private(set) var notes: [String]
    public private(set) var subject: Subject

    /// Applied to a reporter's whole output (`scrubbed(_:)`): the net under the fields.
    private var outputRedaction = Redaction(secrets: [])

    public var activeFindings: [Finding] { findings.filter { $0.suppressed == nil } }
    public var suppressedFindings: [Finding] { findings.filter { $0.suppressed != nil } }

    /// `outputRedaction`: what no output may contain, applied to the rendered text; `redaction`
    /// unless the output shows the user's own URL as given (then only the secret key).
    init(report: Report, verdict: String, subject: Subject, redaction: Redaction, outputRedaction: Redaction? = nil) {
        self.outputRedaction = outputRedaction ?? redaction
        findings = report.findings.map { finding in
            var finding = finding
            finding.message = redaction.scrub(finding.message)
            finding.fix = redaction.scrub(finding.fix)
            finding.notes = redaction.scrub(finding.notes)
            return finding
        }
        self.verdict = verdict
        summary = Summary(error: report.count(.error), warning: report.count(.warning), info: report.count(.info))
        notes = redaction.scrub(report.notes)
        self.subject = subject
    }

    /// A reporter's whole output with every secret replaced. The fields were scrubbed when this
    /// was made; text that reached the output another way (a file name, a JSON pointer, a
    /// template's logical ID or reference carrying the key: found by the fuzz targets) is caught
    /// here. Reporters are called through `Reporter.output(_:)`, which applies it.
    public func scrubbed(_ output: String) -> String { outputRedaction.scrub(output) }

    /// `rules`: the catalog or one rule; no secrets, no findings.
    public init(rules: RulesView) {
        findings = []
        verdict = ""
        summary = Summary(error: 0, warning: 0, info: 0)
        notes = []
        subject = .rules(rules)
    }
}

/// `rules`: the whole catalog, or one rule's page.
public enum RulesView: Sendable {
    case catalog([RuleDescription])
    case rule(RuleDescription)
}
