import Checking
import Rules
import Testing

/// Suppressions mark findings; they are kept, not counted, and unused ones are noted.
@Suite struct SuppressionTests {
    let ignoreCFD101 = Suppression(rules: ["CFD101"], declaredAt: "--ignore CFD101", source: .commandLine)

    func check(_ suppressions: [Suppression], failOn: FailThreshold? = nil) throws -> CheckResult {
        try Checker.check(CheckRequest(
            configurations: [try Fixtures.input("fixtures/distributions/article-broken.get-distribution-config.json")],
            urls: [try Fixtures.articleURL()], settings: Settings(failOn: failOn, ignore: suppressions),
            now: Fixtures.now, secrets: FixedSecrets([:])))
    }

    @Test func aSuppressedFindingIsKeptMarkedAndNotCounted() throws {
        let result = try check([ignoreCFD101])
        let cfd101 = try #require(result.report.findings.first { $0.rule == "CFD101" })
        #expect(cfd101.suppressed?.declaredAt == "--ignore CFD101")
        #expect(cfd101.suppressed?.source == .commandLine)
        #expect(result.report.count(.error) == 0)
        #expect(!result.failed)
        #expect(result.verdict == "WARN: 0 error(s), 1 warning(s), 1 info, 1 suppressed")
    }

    @Test func suppressedFindingsDoNotFailAnyThreshold() throws {
        let all = Suppression(rules: ["CFD101", "CFD501", "CFD503"], declaredAt: ".cfdoctor.yml:2:9", source: .settingsFile)
        let result = try check([all], failOn: .info)
        #expect(result.report.findings.count == 3)
        #expect(result.report.activeFindings.isEmpty)
        #expect(!result.failed)
    }

    @Test func aSuppressionThatMatchedNothingIsNoted() throws {
        let stale = Suppression(rules: ["CFD304"], declaredAt: ".cfdoctor.yml:3:9", source: .settingsFile)
        let result = try check([ignoreCFD101, stale])
        #expect(result.report.notes.contains("Unused suppression: CFD304 (.cfdoctor.yml:3:9) matched no finding."))
        #expect(!result.report.notes.contains { $0.contains("--ignore CFD101") })
    }

    @Test func aSuppressionCanBeLimitedToADistribution() throws {
        let elsewhere = Suppression(rules: ["CFD101"], applies: .distribution("another"), declaredAt: "t.yaml:9:5", source: .settingsFile)
        let result = try check([elsewhere])
        #expect(result.report.findings.allSatisfy { $0.suppressed == nil })
        #expect(result.failed)
    }
}
