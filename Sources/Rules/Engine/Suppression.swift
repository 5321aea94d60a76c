/// A request not to count some findings: `--ignore`, the settings file's `ignore`, and later
/// inline forms (CloudFormation `Metadata.cfdoctor.ignore`, Terraform `cfdoctor:ignore` tags) as
/// one more `Source` each. Suppressed findings are kept and marked, not dropped (SPEC §9), so
/// JSON and SARIF can show them; they never count towards the summary or the exit status.
public struct Suppression: Sendable, Equatable {
    public enum Source: String, Sendable, Codable {
        case commandLine = "command-line"
        case settingsFile = "settings-file"
        /// CloudFormation `Metadata.cfdoctor.ignore` or a Terraform `cfdoctor:ignore` tag.
        case inline
    }

    /// Where a suppression applies.
    public enum Applicability: Sendable, Equatable {
        case everywhere
        /// Only findings about this distribution (display name) — for inline forms.
        case distribution(String)
        /// Only findings about this IaC resource (logical ID or Terraform address).
        case resource(String)
    }

    /// Rule IDs.
    public var rules: Set<RuleID>
    public var applies: Applicability
    public var reason: String?
    /// Where it was declared: `--ignore`, `.cfdoctor.yml:3:9`, `template.yaml:12:7`.
    public var declaredAt: String
    public var source: Source

    public init(rules: Set<RuleID>, applies: Applicability = .everywhere, reason: String? = nil,
                declaredAt: String, source: Source) {
        self.rules = rules
        self.applies = applies
        self.reason = reason
        self.declaredAt = declaredAt
        self.source = source
    }

    public func matches(_ finding: Finding) -> Bool {
        guard rules.contains(finding.rule) else { return false }
        switch applies {
        case .everywhere: return true
        case .distribution(let name): return finding.distribution == name
        case .resource(let resource): return finding.resource == resource
        }
    }

    /// What a suppressed finding records about the suppression.
    public var mark: Finding.Suppressed {
        Finding.Suppressed(declaredAt: declaredAt, source: source, reason: reason)
    }
}

extension Report {
    /// Marks the findings the suppressions match (the first matching suppression wins) and notes
    /// each suppression that matched nothing, so stale ones get noticed (SwiftLint's
    /// superfluous_disable_command, ruff's unused-noqa).
    public func suppressing(_ suppressions: [Suppression]) -> Report {
        guard !suppressions.isEmpty else { return self }
        var copy = self
        var used = Set<Int>()
        copy.findings = findings.map { finding in
            guard finding.suppressed == nil,
                  let index = suppressions.firstIndex(where: { $0.matches(finding) }) else { return finding }
            used.insert(index)
            var marked = finding
            marked.suppressed = suppressions[index].mark
            return marked
        }
        for (index, suppression) in suppressions.enumerated() where !used.contains(index) {
            copy.notes.append("Unused suppression: \(suppression.rules.sorted().map(\.rawValue).joined(separator: ", ")) "
                + "(\(suppression.declaredAt)) matched no finding.")
        }
        return copy
    }
}
