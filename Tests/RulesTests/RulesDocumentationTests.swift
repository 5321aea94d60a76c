import Foundation
import Testing
@testable import Rules

/// docs/rules.md is generated from the rule descriptions and committed. When a rule changes, this
/// test fails until the file is regenerated with
///
///     CFDOCTOR_REGENERATE_DOCS=1 swift test --filter RulesDocumentationTests
///
/// which rewrites docs/rules.md (the test then passes); commit the result.
@Suite struct RulesDocumentationTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/rules.md")

    @Test func committedRulesReferenceIsCurrent() throws {
        let generated = RulesMarkdown.document()
        if ProcessInfo.processInfo.environment["CFDOCTOR_REGENERATE_DOCS"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(committed == generated,
                "docs/rules.md is out of date: run `CFDOCTOR_REGENERATE_DOCS=1 swift test --filter RulesDocumentationTests` and commit it")
    }

    @Test func everyRuleHasASectionUnderItsAnchor() {
        let document = RulesMarkdown.document()
        for rule in Catalog.all {
            #expect(document.contains("<a id=\"\(RulesMarkdown.anchor(rule.id))\"></a>\n\n## \(rule.id) \(rule.description.name)\n"))
            #expect(document.contains("](#\(RulesMarkdown.anchor(rule.id)))"))
        }
    }
}
