import ArgumentParser
import Checking
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
            output.emit(Presentation(rules: .catalog(Catalog.all.map(\.description))))
            return
        }
        guard let found = Catalog.rule(rule) else {
            throw InputFailure("no rule '\(rule)'; `cfdoctor rules` lists them")
        }
        output.emit(Presentation(rules: .rule(found.description)))
    }
}
