import Rules

/// `--fail-on` / `fail-on:`: the severity from which findings fail the run (exit 1).
public enum FailThreshold: String, CaseIterable, Sendable {
    case error, warning, info, never

    /// Whether a report fails at this threshold. Suppressed findings never count.
    public func fails(_ report: Report) -> Bool {
        switch self {
        case .never: false
        case .error: report.count(.error) > 0
        case .warning: report.count(.error) + report.count(.warning) > 0
        case .info: report.count(.error) + report.count(.warning) + report.count(.info) > 0
        }
    }
}
