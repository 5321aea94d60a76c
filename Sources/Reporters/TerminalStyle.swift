#if canImport(Glibc)
import Glibc
#endif
import Rules

/// How text output looks where it goes: ANSI colours on a terminal unless NO_COLOR is set
/// (no-color.org), and the terminal's width for wrapping long lines. Piped output is plain and
/// unwrapped, so scripts and diffs see the same bytes on every machine.
public struct TerminalStyle: Sendable {
    public var enabled: Bool
    /// Wrap at this many columns; nil: never wrap.
    public var width: Int?

    public init(enabled: Bool, width: Int? = nil) {
        self.enabled = enabled
        self.width = width
    }

    public static func detect() -> TerminalStyle {
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        let terminal = isatty(STDOUT_FILENO) == 1
        return TerminalStyle(enabled: terminal && noColor.isEmpty, width: terminal ? terminalWidth() : nil)
    }

    public static let plain = TerminalStyle(enabled: false)

    private static func terminalWidth() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns >= 40 { return columns }
        return nil
    }

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
