import Testing
@testable import Rules

/// Runs every rule's own triggering and non-triggering examples through the whole pipeline, the
/// way SwiftLint tests its rule descriptions. `cfdoctor rules ID` prints these same examples.
struct RuleExamplesTests {
    static let rules = Catalog.all.map(\.id)

    @Test(arguments: rules)
    func triggeringExamplesTriggerAtTheMarkedPlace(id: RuleID) throws {
        let rule = try #require(Catalog.rule(id: id))
        #expect(!rule.description.triggering.isEmpty, "\(id) needs at least one triggering example")
        for (index, example) in rule.description.triggering.enumerated() {
            let at = example.sourceLocation
            let outcome = ExampleRunner.run(example, for: rule)
            #expect(outcome.failure == nil, "\(id) triggering example \(index): \(outcome.failure ?? "")", sourceLocation: at)
            #expect(!outcome.findings.isEmpty, "\(id) triggering example \(index) (\(example.note ?? "")) did not trigger",
                    sourceLocation: at)
            // Every ↓ must be where a finding is reported, and every finding must be at a ↓.
            let found = Set(outcome.findings.compactMap { $0.location.map { "\($0.line):\($0.column)" } })
            let marked = Set(outcome.markers.map { "\($0.line):\($0.column)" })
            if !marked.isEmpty || example.config != nil {
                #expect(found == marked, "\(id) triggering example \(index): findings at \(found.sorted()), markers at \(marked.sorted())",
                        sourceLocation: at)
            }
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesStayQuiet(id: RuleID) throws {
        let rule = try #require(Catalog.rule(id: id))
        #expect(!rule.description.nonTriggering.isEmpty, "\(id) needs at least one non-triggering example")
        for (index, example) in rule.description.nonTriggering.enumerated() {
            let at = example.sourceLocation
            let outcome = ExampleRunner.run(example, for: rule)
            #expect(outcome.failure == nil, "\(id) non-triggering example \(index): \(outcome.failure ?? "")", sourceLocation: at)
            #expect(outcome.findings.isEmpty,
                    "\(id) non-triggering example \(index) (\(example.note ?? "")) triggered: \(outcome.findings.map(\.message))",
                    sourceLocation: at)
            #expect(outcome.markers.isEmpty, "\(id) non-triggering example \(index) has a ↓ marker", sourceLocation: at)
        }
    }

    @Test func catalogIDsAndNamesAreUniqueAndWellFormed() {
        let ids = Catalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(Catalog.all.map(\.description.name)).count == ids.count)
        for rule in Catalog.all {
            let d = rule.description
            #expect(d.id.rawValue.hasPrefix("CFD") && d.id.rawValue.count == 6, "\(d.id)")
            #expect(d.name == d.name.lowercased() && !d.name.contains(" "), "\(d.name) is not kebab-case")
            #expect(!d.sources.isEmpty, "\(d.id) names no source for the AWS behaviour it relies on")
            #expect(!d.fix.isEmpty && !d.rationale.isEmpty)
        }
    }

    @Test func rulesAreFoundByIdOrName() {
        #expect(Catalog.rule("cfd101")?.id == "CFD101")
        #expect(Catalog.rule("origin-domain-missing-region")?.id == "CFD101")
        #expect(Catalog.rule("CFD999") == nil)
    }
}

extension RuleExample {
    /// Where the example is written: a failing expectation is reported on the example's own line.
    var sourceLocation: Testing.SourceLocation {
        Testing.SourceLocation(fileID: declaration.fileID, filePath: declaration.filePath,
                               line: declaration.line, column: declaration.column)
    }
}
