import Checking
import Foundation
import PresignedURLs
import Rules
import Testing

/// `url`'s signature check of the URL as it stands (CFD610) goes through the engine like every
/// rule: severity overrides and suppressions apply to it.
@Suite struct URLCheckerTests {
    /// botocore's URL with one byte of its key changed after signing.
    func tampered() throws -> PresignedURL {
        try PresignedURL(Fixtures.tokenURL.replacingOccurrences(of: "q1.csv", with: "q2.csv"))
    }

    func check(_ url: PresignedURL, settings: Settings = Settings()) -> URLCheckResult {
        URLChecker.check(url, now: Fixtures.tokenURLNow, settings: settings,
                                         secrets: FixedSecrets(["AWS_SECRET_ACCESS_KEY": Fixtures.tokenURLSecret]))
    }

    @Test func botocoresURLVerifies() throws {
        let result = check(try PresignedURL(Fixtures.tokenURL))
        guard case .matches = result.verification?.outcome else { Issue.record("expected a match"); return }
        #expect(!result.report.findings.contains { $0.rule == "CFD610" })
    }

    @Test func aChangedURLIsCFD610() throws {
        let result = check(try tampered())
        let finding = try #require(result.report.findings.first { $0.rule == "CFD610" })
        #expect(finding.severity == .error)
        #expect(finding.name == "signature-mismatch")
        #expect(result.failed)
    }

    @Test func severityOverridesReachCFD610() throws {
        let result = check(try tampered(), settings: Settings(severity: ["CFD610": .warning]))
        #expect(result.report.findings.first { $0.rule == "CFD610" }?.severity == .warning)
        #expect(!result.failed)
    }

    @Test func anIgnoreSuppressesCFD610() throws {
        let ignore = Suppression(rules: ["CFD610"], declaredAt: "--ignore CFD610", source: .commandLine)
        let result = check(try tampered(), settings: Settings(ignore: [ignore]))
        #expect(result.report.findings.first { $0.rule == "CFD610" }?.suppressed != nil)
        #expect(!result.failed)
    }

    @Test func withoutASecretNothingIsVerified() throws {
        let result = URLChecker.check(try tampered(), now: Fixtures.tokenURLNow, secretKeyVariable: "MY_KEY",
                                                      secrets: FixedSecrets([:]))
        #expect(result.verification == nil)
        #expect(result.report.notes.contains("$MY_KEY is not set (or empty): the signature was not verified."))
    }
}
