import Checking

/// One output format. A reporter receives only a `Presentation`, which is redacted by
/// construction: it cannot print a secret it never gets. A new format is one file with a type
/// conforming to this, and one line in `Reporters.all`.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    /// Whether this format may echo the user's own URL as given, with its signature and token
    /// (`url` text output without --redact, SPEC §8). Off unless a reporter says otherwise.
    static var echoesURLAsGiven: Bool { get }

    init(style: TerminalStyle)

    /// The complete output, ending in a newline.
    func render(_ presentation: Presentation) -> String
}

extension Reporter {
    public static var echoesURLAsGiven: Bool { false }
}

extension Reporter {
    /// What is printed: `render`'s output with every secret the presentation knows of replaced,
    /// wherever in the text it ended up (`Presentation.scrubbed`). Call this, not `render`.
    public func output(_ presentation: Presentation) -> String {
        presentation.scrubbed(render(presentation))
    }
}
