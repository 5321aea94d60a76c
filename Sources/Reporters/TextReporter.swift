import Checking
import Rules

/// The human report. `check`: the summary line, the simulated request for each URL, findings per
/// distribution, notes. `url`, `error`, `rules` and `presign` have their own layouts (TextReporter+*.swift).
public struct TextReporter: Reporter {
    public static let name = "text"
    /// The user's own URL as given, in `url` output without --redact.
    public static let echoesURLAsGiven = true

    var style: TerminalStyle
    var layout: TextLayout

    public init(style: TerminalStyle) {
        self.style = style
        layout = TextLayout(width: style.width)
    }

    public func render(_ presentation: Presentation) -> String {
        switch presentation.subject {
        case .check(let view): check(presentation, view)
        case .url(let view): url(presentation, view)
        case .error(let view): error(presentation, view)
        case .rules(let view): rules(view)
        case .presign(let view): presign(view)
        }
    }

    private func check(_ presentation: Presentation, _ view: CheckView) -> String {
        var out = style.bold(presentation.verdict) + "\n"
        for trace in view.traces {
            out += "\n" + self.trace(trace)
        }
        for (name, findings) in Self.grouped(presentation.activeFindings) {
            out += "\n" + style.bold(name) + "\n"
            // A note every finding of the group carries (the inferred-scope one) is said once.
            let shared = findings.dropFirst().reduce(Set(findings[0].notes)) { $0.intersection($1.notes) }
            for note in findings[0].notes where shared.contains(note) { out += dimmed("note: " + note, by: 2, hanging: 6) }
            for finding in findings { out += render(finding, omittingNotes: shared) }
        }
        out += suppressedLine(presentation.suppressedFindings)
        if !presentation.notes.isEmpty {
            out += "\n"
            for note in presentation.notes { out += dimmed("note: " + note, by: 0, hanging: 6) }
        }
        return out
    }

    static func grouped(_ findings: [Finding]) -> [(String, [Finding])] {
        var order = [String]()
        var groups = [String: [Finding]]()
        for finding in findings {
            let name = finding.distribution.map { "Distribution \($0)" } ?? "URL"
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(finding)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// "suppressed: 2 finding(s): CFD501 (--ignore), CFD503 (.cfdoctor.yml:3:9)".
    func suppressedLine(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "" }
        var seen = Set<String>()
        let sources = findings.compactMap { finding -> String? in
            let label = "\(finding.rule) (\(finding.suppressed?.declaredAt ?? ""))"
            return seen.insert(label).inserted ? label : nil
        }
        return "\n" + dimmed("suppressed: \(findings.count) finding(s), not counted: " + sources.joined(separator: ", "), by: 0)
    }

    /// Dimmed text, indented and wrapped, the colour reset before the newline.
    func dimmed(_ text: String, by spaces: Int, hanging: Int = 0) -> String {
        style.dim(withoutLastCharacter(layout.indent(text, by: spaces, hanging: hanging))) + "\n"
    }

    /// `String(text.dropLast())` in O(1): the generic `dropLast` counts every Character of the
    /// text first (2.5% of a 1,000-distribution check went to that, callgrind).
    func withoutLastCharacter(_ text: String) -> String {
        var text = text
        if !text.isEmpty { text.removeLast() }
        return text
    }

    func render(_ finding: Finding, omittingNotes omitted: Set<String> = []) -> String {
        var out = "  \(style.severity(finding.severity)) \(style.bold(finding.rule.rawValue)) \(finding.name)"
        if finding.confirmed { out += " " + style.bold("[confirmed]") }
        out += "\n"
        if let location = finding.location {
            out += "    at \(location.file):\(location.line):\(location.column) \(style.dim(location.pointer))\n"
        }
        if let behavior = finding.behavior {
            out += "    behavior \(behavior)" + (finding.origin.map { ", origin \($0)" } ?? "") + "\n"
        }
        out += layout.indent(finding.message, by: 4)
        out += layout.indent("fix: " + finding.fix, by: 4, hanging: 5)
        for note in finding.notes where !omitted.contains(note) { out += style.dim(layout.indent("note: " + note, by: 4, hanging: 6)) }
        return out
    }
}
