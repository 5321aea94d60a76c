import ArgumentParser
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rule catalog, or explain one rule with its bad and good examples.")

    @Argument(help: ArgumentHelp("A rule ID (CFD101) or name (origin-domain-missing-region).", valueName: "rule"))
    var rule: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let rule else {
            switch output.format {
            case .text:
                for rule in Catalog.all {
                    let d = rule.description
                    print("\(d.id)  \(d.name.padding(to: 36))\(d.severity.rawValue.padding(to: 8))\(d.summary)")
                }
            case .json:
                print(try JSONReport.encode(Catalog.all.map { RuleJSON($0.description) }))
            }
            return
        }
        guard let found = Catalog.rule(rule) else {
            throw CommandFailure("no rule '\(rule)'; `cfdoctor rules` lists them")
        }
        switch output.format {
        case .text: print(RulePage(description: found.description).render())
        case .json: print(try JSONReport.encode(RuleJSON(found.description)))
        }
    }
}

struct RuleJSON: Encodable {
    var id, name, severity, summary, rationale, fix: String
    var sources: [String]

    init(_ d: RuleDescription) {
        id = d.id.rawValue; name = d.name; severity = d.severity.rawValue; summary = d.summary
        rationale = d.rationale; fix = d.fix; sources = d.sources
    }
}

/// `cfdoctor rules ID`: the rule's own words and examples.
struct RulePage {
    var description: RuleDescription

    func render() -> String {
        let d = description
        var out = "\(d.id) \(d.name) (default severity: \(d.severity.rawValue))\n\n\(d.summary)\n\n"
        out += "Why:\n\(d.rationale)\n\nFix:\n\(d.fix)\n\nSources:\n"
        out += d.sources.map { "  - \($0)" }.joined(separator: "\n") + "\n"
        out += "\nTriggering examples (↓ marks where the finding is reported):\n"
        for example in d.triggering { out += render(example) }
        out += "\nNon-triggering examples:\n"
        for example in d.nonTriggering { out += render(example) }
        return out
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

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
