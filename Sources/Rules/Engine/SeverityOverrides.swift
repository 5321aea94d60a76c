extension Report {
    /// Applies per-rule severities from `.cfdoctor.yml`. Inferred scope still caps at warning: the
    /// configuration changes how bad a rule is, not how sure cfdoctor is that it applies.
    public func overridingSeverities(_ overrides: [RuleID: Severity]) -> Report {
        guard !overrides.isEmpty else { return self }
        var copy = self
        copy.findings = Engine.sorted(findings.map { finding in
            guard let severity = overrides[finding.rule] else { return finding }
            var changed = finding
            changed.severity = finding.scope == .inferred ? min(severity, .warning) : severity
            return changed
        })
        return copy
    }
}
