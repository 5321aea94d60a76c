#if canImport(Glibc)
import Glibc
#endif
import Rules

/// ANSI colours on a terminal, plain text otherwise or when NO_COLOR is set (no-color.org).
struct TerminalStyle {
    var enabled: Bool

    static func detect() -> TerminalStyle {
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        return TerminalStyle(enabled: isatty(STDOUT_FILENO) == 1 && noColor.isEmpty)
    }

    static let plain = TerminalStyle(enabled: false)

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func red(_ text: String) -> String { wrap(text, "31") }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: wrap("error", "1;31")
        case .warning: wrap("warning", "1;33")
        case .info: wrap("info", "1;36")
        }
    }
}
