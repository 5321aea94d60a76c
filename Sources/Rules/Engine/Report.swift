import EdgeSimulation

/// The result of a check: findings in a stable order, the simulated requests, and notes.
public struct Report: Sendable {
    public struct Simulation: Sendable {
        public var distribution: String
        public var request: SimulatedRequest
    }

    public var findings: [Finding]
    public var simulations: [Simulation]
    /// Things the user should know that are not findings (skipped behaviors, unknown policies).
    public var notes: [String]

    /// Findings at this severity, suppressed ones excluded: those never count.
    public func count(_ severity: Severity) -> Int {
        findings.count(where: { $0.severity == severity && $0.suppressed == nil })
    }

    /// Findings not suppressed: the ones the summary and the exit status are about.
    public var activeFindings: [Finding] { findings.filter { $0.suppressed == nil } }
    public var suppressedFindings: [Finding] { findings.filter { $0.suppressed != nil } }

    public init(findings: [Finding] = [], simulations: [Simulation] = [], notes: [String] = []) {
        self.findings = findings
        self.simulations = simulations
        self.notes = notes
    }

    /// The one summary line: a headline that agrees with the exit status (`failing`: whether the
    /// fail threshold is reached, so `--fail-on never` never headlines FAIL), then every count.
    public func verdict(failing: Bool) -> String {
        let errors = count(.error), warnings = count(.warning), infos = count(.info)
        // A behavior whose policy cfdoctor could not read was not fully checked: never "OK" (CFD307).
        let incomplete = activeFindings.contains { $0.rule == "CFD307" }
        let headline = failing ? "FAIL" : incomplete ? "INCOMPLETE" : errors + warnings > 0 ? "WARN" : "OK"
        var line = "\(headline): \(errors) error(s), \(warnings) warning(s), \(infos) info"
        let suppressed = suppressedFindings.count
        if suppressed > 0 { line += ", \(suppressed) suppressed" }
        return line
    }
}
