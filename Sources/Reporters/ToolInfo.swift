import Rules

/// Who made a report: the name, version and home the machine formats (SARIF's `tool.driver`,
/// JUnit's suite name) carry, and where each rule's documentation lives. One place, so the
/// `--version` the command line prints and the version in a SARIF log cannot disagree.
public enum ToolInfo {
    public static let name = "cfdoctor"
    public static let version = "0.1.0"
    /// The project's public repository.
    public static let repository = "https://github.com/cfdoctor/cfdoctor"
    public static let informationURI = repository

    /// A rule's section of docs/rules.md on the repository's default branch. The anchor is the
    /// rule ID in lower case (`#cfd201`, `RulesMarkdown.anchor`), which survives renames of the
    /// rule and edits of its title.
    public static func helpURI(_ id: RuleID) -> String {
        "\(repository)/blob/main/docs/rules.md#\(RulesMarkdown.anchor(id))"
    }
}
