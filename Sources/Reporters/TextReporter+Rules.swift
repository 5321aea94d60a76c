import Checking
import Rules

extension TextReporter {
    /// `rules`: the catalog as one line per rule, or one rule's page with its examples.
    func rules(_ view: RulesView) -> String {
        switch view {
        case .catalog(let rules):
            return rules.map { d in
                "\(d.id)  \(d.name.padding(to: 36))\(d.severity.rawValue.padding(to: 8))\(d.summary)\n"
            }.joined()
        case .rule(let d):
            var out = "\(d.id) \(d.name) (default severity: \(d.severity.rawValue))\n\n\(d.summary)\n\n"
            out += "Why:\n\(d.rationale)\n\nFix:\n\(d.fix)\n\nSources:\n"
            out += d.sources.map { "  - \($0)" }.joined(separator: "\n") + "\n"
            out += "\nTriggering examples (↓ marks where the finding is reported):\n"
            for example in d.triggering { out += render(example) }
            out += "\nNon-triggering examples:\n"
            for example in d.nonTriggering { out += render(example) }
            return out + "\n"
        }
    }

    private func render(_ example: RuleExample) -> String {
        var out = "\n"
        if let note = example.note { out += "  # \(note)\n" }
        if let config = example.config {
            out += config.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        if let url = example.url { out += "    --url '\(url)'\n" }
        // URL rules' examples depend on the time they are judged at.
        if let now = example.options.now { out += "    --now \(now.rfc3339)\n" }
        if let lifetime = example.options.signatureLifetime { out += "    --signature-lifetime \(lifetime)\n" }
        if !example.options.presignedPaths.isEmpty {
            out += example.options.presignedPaths.map { "    --presigned-paths '\($0)'\n" }.joined()
        }
        return out
    }
}
