import Checking
import Rules

/// A pull-request comment (GitHub-flavoured Markdown): the verdict first, one table row per
/// counted finding with rule, severity, where and fix, then the messages, suppressed findings and
/// notes folded in `<details>` so a clean run stays one line. For `rules` it is docs/rules.md.
public struct MarkdownReporter: Reporter {
    public static let name = "markdown"

    public init(style: TerminalStyle) {}

    public func render(_ presentation: Presentation) -> String {
        switch presentation.subject {
        case .rules(.catalog(let rules)): return RulesMarkdown.document(descriptions: rules)
        case .rules(.rule(let rule)): return RulesMarkdown.section(rule)
        default: break
        }
        var out = "### \(ToolInfo.name): \(Self.inline(presentation.verdict))\n"
        switch presentation.subject {
        case .url(let view): out += "\nURL: `\(Self.inline(view.decoded.url))`\n"
        case .presign(let view): out += "\nURL: `\(Self.inline(view.url))`\n"
        default: break
        }
        let active = presentation.activeFindings
        if !active.isEmpty {
            out += "\n| Rule | Severity | Where | Fix |\n| --- | --- | --- | --- |\n"
            for finding in active {
                out += "| [\(finding.rule)](\(ToolInfo.helpURI(finding.rule))) `\(Self.cell(finding.name))` | "
                    + "\(finding.severity.rawValue)\(finding.confirmed ? " (confirmed)" : "") | \(Self.cell(Self.place(finding))) | "
                    + "\(Self.cell(finding.fix)) |\n"
            }
        }
        var details = ""
        if !active.isEmpty {
            details += "\n#### Findings\n\n"
            details += active.map { "- **\($0.rule)** \(Self.inline(Self.place($0))): \(Self.inline($0.message))\n" }.joined()
        }
        let suppressed = presentation.suppressedFindings
        if !suppressed.isEmpty {
            details += "\n#### Suppressed\n\n"
            details += suppressed.map { finding in
                let mark = finding.suppressed.map { " — \($0.declaredAt)" + ($0.reason.map { ": \($0)" } ?? "") } ?? ""
                return "- **\(finding.rule)** \(Self.inline(Self.place(finding)))\(Self.inline(mark))\n"
            }.joined()
        }
        if !presentation.notes.isEmpty {
            details += "\n#### Notes\n\n" + presentation.notes.map { "- \(Self.inline($0))\n" }.joined()
        }
        if !details.isEmpty {
            let counts = "\(active.count) finding(s)" + (suppressed.isEmpty ? "" : ", \(suppressed.count) suppressed")
                + (presentation.notes.isEmpty ? "" : ", \(presentation.notes.count) note(s)")
            out += "\n<details><summary>Details: \(counts)</summary>\n\(details)\n</details>\n"
        }
        return out
    }

    /// Where a finding is: file:line:column, distribution and behavior.
    static func place(_ finding: Finding) -> String {
        var parts = [String]()
        if let location = finding.location { parts.append("`\(location)`") }
        let scope = [finding.distribution, finding.behavior].compactMap { $0 }.joined(separator: " ")
        if !scope.isEmpty { parts.append(scope) }
        return parts.isEmpty ? "URL" : parts.joined(separator: " ")
    }

    /// A table cell: `|` would end the cell (escaped even inside code spans, as GFM requires),
    /// a line break would end the row.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// One line of Markdown: line breaks become spaces, and `<` cannot open HTML (a message
    /// quoting an S3 error body holds `<Error>`, which would otherwise vanish or break the page).
    static func inline(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r", "\n": if !out.hasSuffix(" ") { out += " " }
            case "<": out += "&lt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
