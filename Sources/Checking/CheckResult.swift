import CloudFrontModel
import Rules

/// What a check found, before any reporter sees it (reporters get `Presentation`, redacted).
public struct CheckResult: Sendable {
    public var report: Report
    public var distributions: [Distribution]
    public var settings: Settings
    /// The raw secrets of the inputs (signatures, session tokens, the secret key): what
    /// redaction must remove from every string a reporter receives.
    var secrets: [String]

    /// Whether the run fails (exit 1) at the settings' threshold.
    public var failed: Bool { settings.effectiveFailOn.fails(report) }

    public var verdict: String { report.verdict(failing: failed) }
}
