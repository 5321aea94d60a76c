import Checking
import Rules

/// JUnit XML, the test-report format nearly every CI system shows (GitLab, Jenkins, Azure
/// DevOps, CircleCI, Buildkite, GitHub through test-reporter actions): one `<testsuite>` per input,
/// one `<testcase>` per rule that applies to it, a `<failure>` carrying the rule's findings there,
/// and `<skipped>` when every finding of the rule was suppressed. No timings, so the same input
/// gives the same bytes.
public struct JUnitReporter: Reporter {
    public static let name = "junit"

    /// Findings about a URL on its own (no file), grouped under this name.
    static let urlInput = "--url"

    public init(style: TerminalStyle) {}

    struct Suite {
        var name: String
        var kind: Rule.Kind
        var findings: [Finding] = []
        var output: String?
    }

    public func render(_ presentation: Presentation) -> String {
        var suites = [Suite]()
        switch presentation.subject {
        case .check(let view): suites = view.inputs.map { Suite(name: $0, kind: .configuration) }
        case .url(let view): suites = [Suite(name: view.decoded.url, kind: .url)]
        // presign: its self-check, the URL (the product, shown whole in every format) in system-out.
        case .presign(let view): suites = [Suite(name: "presign", kind: .url, output: view.url)]
        case .error, .rules: break
        }
        for finding in presentation.findings {
            let input = finding.location?.file ?? (suites.first?.kind == .url ? suites[0].name : Self.urlInput)
            if let index = suites.firstIndex(where: { $0.name == input }) {
                suites[index].findings.append(finding)
            } else {
                let kind: Rule.Kind = Catalog.rule(id: finding.rule)?.kind ?? .configuration
                suites.append(Suite(name: input, kind: kind, findings: [finding]))
            }
        }
        let rendered = suites.map(render)
        let tests = rendered.reduce(0) { $0 + $1.tests }, failures = rendered.reduce(0) { $0 + $1.failures }
        let skipped = rendered.reduce(0) { $0 + $1.skipped }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(ToolInfo.name)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        out += rendered.map(\.xml).joined()
        return out + "</testsuites>\n"
    }

    /// One input: every rule of its kind, plus any other rule that reported on it.
    func render(_ suite: Suite) -> (xml: String, tests: Int, failures: Int, skipped: Int) {
        let reported = Set(suite.findings.map(\.rule))
        let rules = Catalog.all.filter { $0.kind == suite.kind || reported.contains($0.id) }
        var cases = "", failures = 0, skipped = 0
        for rule in rules {
            let findings = suite.findings.filter { $0.rule == rule.id }
            let active = findings.filter { $0.suppressed == nil }
            let name = Self.escape("\(rule.id) \(rule.description.name)")
            cases += "    <testcase classname=\"\(Self.escape(suite.name))\" name=\"\(name)\""
            if let first = active.first {
                failures += 1
                let worst = active.map(\.severity).max() ?? first.severity
                cases += ">\n      <failure type=\"\(worst.rawValue)\" message=\"\(Self.escape(first.message))\">"
                cases += Self.escape(active.map(Self.describe).joined(separator: "\n\n"))
                cases += "</failure>\n    </testcase>\n"
            } else if !findings.isEmpty {
                skipped += 1
                let reasons = findings.compactMap(\.suppressed).map { mark in
                    "suppressed by \(mark.declaredAt)" + (mark.reason.map { ": \($0)" } ?? "")
                }
                cases += ">\n      <skipped message=\"\(Self.escape(reasons.joined(separator: "; ")))\"/>\n    </testcase>\n"
            } else {
                cases += "/>\n"
            }
        }
        let header = "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(rules.count)\" failures=\"\(failures)\" "
            + "errors=\"0\" skipped=\"\(skipped)\">\n"
        // CDATA keeps the URL byte for byte, so it can be copied from the report; `]]>` cannot end it early.
        let output = suite.output.map {
            "    <system-out><![CDATA[\($0.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>"))]]></system-out>\n"
        } ?? ""
        return (header + cases + output + "  </testsuite>\n", rules.count, failures, skipped)
    }

    /// One finding as a CI log shows it: where, severity and message, the fix.
    static func describe(_ finding: Finding) -> String {
        var lines = [[finding.location?.description, finding.severity.rawValue].compactMap { $0 }.joined(separator: " ")
            + ": " + finding.message]
        let scope = [finding.distribution, finding.behavior.map { "behavior \($0)" }].compactMap { $0 }
        if !scope.isEmpty { lines.append("In: " + scope.joined(separator: ", ")) }
        lines.append("Fix: " + finding.fix)
        return lines.joined(separator: "\n")
    }

    /// XML 1.0 character data and attribute values: the five markup characters as entities, line
    /// breaks and tabs as character references (an attribute would otherwise normalise them to
    /// spaces), and characters XML 1.0 cannot hold at all (other C0 controls, lone surrogates
    /// cannot occur in a Swift String, U+FFFE/U+FFFF) as U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
