import Foundation
import Testing
@testable import Rules

/// The catalog is the one list of rules: every rule file is registered, once, under the ID its file
/// name says, with examples and public sources.
@Suite struct RuleRegistryTests {
    static let catalogDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/Rules/Catalog")

    /// `CFD301_QueryStringNotForwarded.swift` → `CFD301`.
    static func ruleFiles() throws -> [(id: RuleID, file: String)] {
        try FileManager.default.contentsOfDirectory(atPath: catalogDirectory.path)
            .filter { $0.hasPrefix("CFD") && $0.hasSuffix(".swift") }
            .sorted()
            .map { (RuleID(rawValue: String($0.prefix(while: { $0 != "_" }))), $0) }
    }

    @Test func everyRuleFileIsRegisteredUnderItsFileName() throws {
        let files = try Self.ruleFiles()
        #expect(files.count >= 35, "found only \(files.count) rule files in \(Self.catalogDirectory.path)")
        for (id, file) in files {
            let rule = Catalog.rule(id: id)
            #expect(rule != nil, "\(file) is not in Catalog.all")
            // The examples are declared in the rule's own file, so the file holds this rule.
            let declaredIn = Set(((rule?.description.triggering ?? []) + (rule?.description.nonTriggering ?? []))
                .map { URL(fileURLWithPath: $0.declaration.filePath).lastPathComponent })
            #expect(declaredIn == [file], "\(id)'s examples are written in \(declaredIn.sorted()), not \(file)")
        }
        #expect(Set(files.map(\.id)) == Set(Catalog.all.map(\.id)), "Catalog.all lists a rule without its own file")
    }

    @Test func idsAreUniqueAndInOrder() {
        let ids = Catalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
    }

    @Test(arguments: Catalog.all.map(\.id))
    func everyRuleHasExamplesAndPublicSources(id: RuleID) throws {
        let description = try #require(Catalog.rule(id: id)).description
        #expect(!description.triggering.isEmpty && !description.nonTriggering.isEmpty)
        #expect(!description.sources.isEmpty)
        for source in description.sources {
            // Users read these: a repository path or "the seed article" means nothing to them.
            #expect(source.hasPrefix("https://"), "\(id) cites \(source), not a public URL")
        }
    }

    /// What `cfdoctor rules` prints and SARIF carries reaches users outside this repository: it cites
    /// public URLs, never repository paths or the project's own word for the article (issue 9 §9).
    @Test(arguments: Catalog.all.map(\.id))
    func ruleTextNeverPointsIntoTheRepository(_ id: RuleID) throws {
        let d = try #require(Catalog.rule(id: id)).description
        for text in [d.summary, d.rationale, d.fix] + d.sources {
            for forbidden in ["docs/", "fixtures/", "shared/", "seed", "Seed"] {
                #expect(!text.contains(forbidden), "\(id): '\(forbidden)' in \(text.prefix(80))…")
            }
        }
    }
}
