import ArgumentParser
import Checking
import Rules

/// `--ignore RULE`: suppressions declared on the command line.
struct IgnoreOptions: ParsableArguments {
    @Option(name: .customLong("ignore"), help: ArgumentHelp("A rule ID or name to skip (repeatable).", valueName: "rule"))
    var ignoredRules: [String] = []

    func validate() throws {
        for rule in ignoredRules where Catalog.rule(rule) == nil {
            throw ValidationError("--ignore \(rule): no such rule (see `cfdoctor rules`)")
        }
    }

    var suppressions: [Suppression] {
        ignoredRules.compactMap { Catalog.rule($0) }.map {
            Suppression(rules: [$0.id], declaredAt: "--ignore \($0.id)", source: .commandLine)
        }
    }
}
