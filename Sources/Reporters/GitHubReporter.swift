import Checking
import Foundation
import Rules

/// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per counted
/// finding, which the runner turns into an annotation on the file and line of the pull request
/// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands).
/// Suppressed findings get no annotation. The verdict follows as a plain log line.
public struct GitHubReporter: Reporter {
    public static let name = "github"

    let workingDirectory: String

    public init(style: TerminalStyle) {
        self.init(workingDirectory: FileManager.default.currentDirectoryPath)
    }

    public init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    public func render(_ presentation: Presentation) -> String {
        if case .rules = presentation.subject { return "" }
        var out = ""
        for finding in presentation.activeFindings {
            var properties = [(String, String)]()
            if let location = finding.location, let file = ReportPaths.relative(location.file, to: workingDirectory) {
                properties += [("file", file), ("line", String(location.line)), ("col", String(location.column))]
            }
            properties.append(("title", finding.rule.rawValue))
            let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            out += "::\(Self.command(finding.severity)) \(list)::\(Self.escapeData(Self.body(finding)))\n"
        }
        switch presentation.subject {
        case .url(let view): out += "URL: \(view.decoded.url)\n"
        case .presign(let view): out += "URL: \(view.url)\n"
        default: break
        }
        if !presentation.verdict.isEmpty { out += presentation.verdict + "\n" }
        return out
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The annotation text: the message, where in the distribution, and the fix.
    static func body(_ finding: Finding) -> String {
        var lines = [finding.message]
        let scope = [finding.distribution, finding.behavior.map { "behavior \($0)" }].compactMap { $0 }
        if !scope.isEmpty { lines.append("(\(scope.joined(separator: ", ")))") }
        lines.append("Fix: \(finding.fix)")
        return lines.joined(separator: "\n")
    }

    /// The escaping of @actions/core (actions/toolkit, packages/core/src/command.ts, `escapeData`):
    /// `%` first, so an escape in the text is not decoded by the runner, then CR and LF. Done on
    /// Unicode scalars: as Characters, CR LF is one grapheme and would match neither.
    static func escapeData(_ text: String) -> String {
        escape(text, extra: [:])
    }

    /// `escapeProperty` of the same file: a property value also may not hold the `:` that ends
    /// the property list or the `,` that separates properties.
    static func escapeProperty(_ text: String) -> String {
        escape(text, extra: [":": "%3A", ",": "%2C"])
    }

    private static func escape(_ text: String, extra: [Unicode.Scalar: String]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if let replacement = extra[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
