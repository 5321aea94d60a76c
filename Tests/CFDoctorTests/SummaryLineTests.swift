import Foundation
import Testing

/// What a user reads first, and what CI acts on: one summary line that agrees with the exit status.
struct SummaryLineTests {
    let broken = CLI.fixture("distributions/article-broken.get-distribution-config.json")

    @Test func failOnNeverNeverHeadlinesFail() throws {
        let result = try CLI.run(["check", broken, "--url", CheckCommandTests.articleURL, "--now", "2018-09-30T14:59:00Z",
                                  "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("WARN: 1 error(s), 1 warning(s), 1 info\n"))
        #expect(!result.stdout.contains("FAIL"))
    }

    @Test func theSummaryIsSaidOnce() throws {
        let result = try CLI.run(["check", broken, "--url", CheckCommandTests.articleURL, "--now", "2018-09-30T14:59:00Z"])
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "1 error(s), 1 warning(s), 1 info").count == 2)
    }

    @Test func anIgnoredFindingIsShownAsSuppressedAndDoesNotFail() throws {
        let text = try CLI.run(["check", broken, "--url", CheckCommandTests.articleURL, "--now", "2018-09-30T14:59:00Z",
                                "--ignore", "CFD101"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("suppressed: 1 finding(s), not counted: CFD101 (--ignore CFD101)"))
        #expect(!text.stdout.contains("error CFD101"))
        let json = try CLI.run(["check", broken, "--url", CheckCommandTests.articleURL, "--now", "2018-09-30T14:59:00Z",
                                "--ignore", "CFD101", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let cfd101 = try #require(findings.first { $0["rule"] as? String == "CFD101" })
        let suppressed = try #require(cfd101["suppressed"] as? [String: Any])
        #expect(suppressed["declaredAt"] as? String == "--ignore CFD101")
        #expect((report["summary"] as? [String: Int])?["error"] == 0)
    }

    @Test func theScopeNoteIsPrintedOncePerDistribution() throws {
        let result = try CLI.run(["check", CLI.fixture("distributions/list-distributions.json"), "--now", "2018-09-30T14:59:00Z"])
        let distributions = result.stdout.components(separatedBy: "\nDistribution ").count - 1
        #expect(distributions == 2)
        #expect(result.stdout.components(separatedBy: "note: Scope inferred").count - 1 == distributions)
    }

    @Test func skippedBehaviorsAreNamed() throws {
        let result = try CLI.run(["check", CLI.fixture("distributions/static-site-oac.get-distribution-config.json"),
                                  "--now", "2018-09-30T14:59:00Z"])
        #expect(result.stdout.contains("1 behavior(s) skipped (default (*)): "))
    }
}
