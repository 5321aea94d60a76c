/// docs/rules.md, generated from the rule descriptions so the reference cannot drift from the
/// code: an index, then one section per rule with a stable anchor (`#cfd301`), its summary,
/// default severity, rationale, fix, sources, and triggering and non-triggering examples.
public enum RulesMarkdown {
    public static func document(_ rules: [Rule] = Catalog.all) -> String {
        var out = """
            # cfdoctor rules

            <!-- Generated from the rule descriptions in Sources/Rules/Catalog; do not edit by hand.
                 Regenerate: CFDOCTOR_REGENERATE_DOCS=1 swift test --filter RulesDocumentationTests -->

            Every rule cfdoctor checks. `cfdoctor rules ID` prints the same page in the terminal. In the
            examples, `↓` marks where the finding is reported.

            | Rule | Name | Default severity | When it fires |
            | --- | --- | --- | --- |

            """
        for rule in rules {
            let d = rule.description
            out += "| [\(d.id)](#\(anchor(d.id))) | `\(d.name)` | \(d.severity.rawValue) | \(tableCell(d.summary)) |\n"
        }
        for rule in rules {
            out += "\n" + section(rule.description)
        }
        return out
    }

    /// The anchor of a rule's section: its ID in lower case, stable across renames.
    public static func anchor(_ id: RuleID) -> String { id.rawValue.lowercased() }

    static func section(_ d: RuleDescription) -> String {
        var out = "<a id=\"\(anchor(d.id))\"></a>\n\n## \(d.id) \(d.name)\n\n\(d.summary)\n\n"
        out += "Default severity: **\(d.severity.rawValue)**\n\n"
        out += "### Why\n\n\(d.rationale)\n\n### Fix\n\n\(d.fix)\n\n### Sources\n\n"
        out += d.sources.map { "- \($0)\n" }.joined()
        out += "\n### Triggering examples\n"
        out += d.triggering.map(example).joined()
        out += "\n### Non-triggering examples\n"
        out += d.nonTriggering.map(example).joined()
        return out
    }

    static func example(_ example: RuleExample) -> String {
        var out = "\n"
        if let note = example.note { out += "\(note):\n\n" }
        var lines = [String]()
        if let config = example.config { lines.append(config) }
        if let url = example.url { lines.append("--url '\(url)'") }
        if let now = example.options.now { lines.append("--now \(now.rfc3339)") }
        if let lifetime = example.options.signatureLifetime { lines.append("--signature-lifetime \(lifetime)") }
        if let exposure = example.options.maxExposure { lines.append("--max-exposure \(exposure)") }
        lines += example.options.presignedPaths.map { "--presigned-paths '\($0)'" }
        out += "```\n" + lines.joined(separator: "\n") + "\n```\n"
        return out
    }

    private static func tableCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
