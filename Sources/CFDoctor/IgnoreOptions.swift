import ArgumentParser
import Checking
import Rules

/// `--ignore RULE` and `--only RULE`: which rules' findings a run counts, from the command line.
struct IgnoreOptions: ParsableArguments {
    @Option(name: .customLong("ignore"), help: ArgumentHelp("A rule ID or name to skip (repeatable).", valueName: "rule"),
            completion: .list(Catalog.all.map(\.id.rawValue)))
    var ignoredRules: [String] = []

    @Option(name: .customLong("only"),
            help: ArgumentHelp("Report only this rule, by ID or name (repeatable); other rules' findings are left out.",
                               valueName: "rule"),
            completion: .list(Catalog.all.map(\.id.rawValue)))
    var onlyRules: [String] = []

    func validate() throws {
        for rule in ignoredRules where Catalog.rule(rule) == nil {
            throw ValidationError("--ignore \(rule): no such rule (see `cfdoctor rules`)")
        }
        for rule in onlyRules where Catalog.rule(rule) == nil {
            throw ValidationError("--only \(rule): no such rule (see `cfdoctor rules`)")
        }
        let ignored = Set(ignoredRules.compactMap { Catalog.rule($0)?.id })
        if let both = onlyRules.compactMap({ Catalog.rule($0)?.id }).first(where: ignored.contains) {
            throw ValidationError("--only \(both) and --ignore \(both) contradict each other: give one of them")
        }
    }

    var suppressions: [Suppression] {
        ignoredRules.compactMap { Catalog.rule($0) }.map {
            Suppression(rules: [$0.id], declaredAt: "--ignore \($0.id)", source: .commandLine)
        }
    }

    var only: Set<RuleID> { Set(onlyRules.compactMap { Catalog.rule($0)?.id }) }
}
