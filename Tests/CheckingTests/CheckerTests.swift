import Checking
import PresignedURLs
import Rules
import Testing

/// The check API on fixtures, without the binary. Expected findings are those the command line
/// printed before the pipeline moved into the library (scripts/record-outputs.sh baseline).
@Suite struct CheckerTests {
    func check(_ file: String, urls: [String] = [], errorBody: String? = nil, settings: Settings = Settings()) throws -> CheckResult {
        try Checker.check(CheckRequest(
            configurations: [try Fixtures.input("fixtures/distributions/" + file)],
            urls: try urls.map { try PresignedURL($0) },
            errorBody: try errorBody.map { try Fixtures.input("fixtures/errors/" + $0) },
            settings: settings, now: Fixtures.now, secrets: FixedSecrets([:])))
    }

    @Test func theArticlesBrokenDistributionFailsForItsURL() throws {
        let result = try check("article-broken.get-distribution-config.json", urls: [try Fixtures.text("fixtures/urls/article-s3.url")])
        #expect(result.report.findings.map(\.rule) == ["CFD101", "CFD501", "CFD503"])
        #expect(result.report.findings.map(\.severity) == [.error, .warning, .info])
        #expect(result.failed)
        #expect(result.verdict == "FAIL: 1 error(s), 1 warning(s), 1 info")
        #expect(result.report.simulations.count == 1)
    }

    @Test func withoutAURLScopeIsInferredAndCappedAtWarning() throws {
        let result = try check("article-broken.get-distribution-config.json")
        #expect(result.report.findings.map(\.rule) == ["CFD101"])
        #expect(result.report.findings[0].severity == .warning)
        #expect(result.report.findings[0].scope == .inferred)
        #expect(!result.failed)
    }

    @Test func anErrorBodyIsEvidence() throws {
        let result = try check("s3-as-custom-origin.get-distribution.json", urls: [try Fixtures.text("fixtures/urls/article-s3.url")],
                               errorBody: "AccessDenied.HeadersNotSigned.x-amz-acl.xml")
        #expect(result.report.findings.map(\.rule) == ["CFD102", "CFD103", "CFD201", "CFD502"])
        #expect(result.report.notes.first?.hasPrefix("Error body: S3 AccessDenied: most likely CFD202") == true)
    }

    @Test func theFailThresholdComesFromTheSettings() throws {
        let url = try Fixtures.text("fixtures/urls/article-s3.url")
        #expect(!(try check("article-fixed.get-distribution-config.json", urls: [url])).failed)
        let strict = try check("article-fixed.get-distribution-config.json", urls: [url], settings: Settings(failOn: .info))
        #expect(strict.failed)
        #expect(strict.verdict == "FAIL: 0 error(s), 0 warning(s), 1 info")
        let never = try check("article-broken.get-distribution-config.json", urls: [url], settings: Settings(failOn: .never))
        #expect(!never.failed)
        #expect(never.verdict.hasPrefix("WARN: 1 error(s)"))
    }

    @Test func severityOverridesApply() throws {
        let result = try check("article-broken.get-distribution-config.json", urls: [try Fixtures.text("fixtures/urls/article-s3.url")],
                               settings: Settings(severity: ["CFD101": .info]))
        #expect(result.report.findings.first { $0.rule == "CFD101" }?.severity == .info)
        #expect(!result.failed)
    }

    @Test func aPolicyOnlyInputThatHoldsADistributionIsRefused() throws {
        #expect(throws: InputFailure.self) {
            try Checker.check(CheckRequest(
                configurations: [try Fixtures.input("fixtures/distributions/article-fixed.get-distribution-config.json")],
                policies: [try Fixtures.input("fixtures/distributions/article-broken.get-distribution-config.json")],
                now: Fixtures.now))
        }
    }

    @Test func noDistributionIsAnInputFailure() throws {
        let error = #expect(throws: InputFailure.self) {
            try Checker.check(CheckRequest(
                configurations: [try Fixtures.input("fixtures/policies/custom-origin-request-policy.get-origin-request-policy.json")],
                now: Fixtures.now))
        }
        #expect(error?.message.hasPrefix("no distribution found in fixtures/policies/") == true)
    }

    @Test func aLoadedSettingsFileIsNamed() throws {
        var settings = try Settings.parse(NamedInput(name: "ci/.cfdoctor.yml", bytes: Array("fail-on: warning\n".utf8)))
        settings = settings.overridden(by: Settings())
        let result = try check("article-broken.get-distribution-config.json", settings: settings)
        #expect(result.report.notes.last == "Settings loaded from ci/.cfdoctor.yml.")
        #expect(result.failed)
    }
}
