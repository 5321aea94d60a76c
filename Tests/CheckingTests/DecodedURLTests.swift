import Checking
import Foundation
import PresignedURLs
import Testing

/// What `url` decodes from a presigned URL (moved here from the command-line tests, which still
/// check the same through the binary).
@Suite struct DecodedURLTests {
    func decode(_ url: PresignedURL, at now: String) -> URLCheckResult {
        URLChecker.check(url, now: Timestamp.parse(now)!, secrets: FixedSecrets([:]))
    }

    @Test func theArticlesURLDecodes() throws {
        let result = decode(try Fixtures.articleURL(), at: "2018-09-30T15:00:00Z")
        let decoded = result.decoded
        #expect(decoded.bucket == "cf-signed-urls-test")
        #expect(decoded.hostForm?.summary.contains("legacy dash-regional") == true)
        #expect(decoded.region == "eu-west-1")
        #expect(decoded.accessKeyId == "AKIAINGQCJMAROJWPJ3A")
        #expect(decoded.signedAt == "2018-09-30T14:58:20Z")
        #expect(decoded.expiresAt == "2018-09-30T15:13:20Z")
        #expect(decoded.timeLeft == "13m20s left")
        #expect(decoded.signature == "REDACTED")
        #expect(!result.failed)
    }

    @Test func anExpiredURLSaysHowLongAgoAndFails() throws {
        let result = decode(try Fixtures.articleURL(), at: "2018-09-30T16:13:20Z")
        #expect(result.decoded.timeLeft == "expired 1h ago")
        #expect(result.report.findings.contains { $0.rule == "CFD601" })
        #expect(result.failed)
    }

    @Test func theSessionTokenIsRedactedWithItsLength() throws {
        let result = decode(try PresignedURL(Fixtures.tokenURL), at: "2020-01-01T00:00:00Z")
        #expect(result.decoded.securityToken == "REDACTED (\(Fixtures.tokenURLToken.utf8.count) bytes)")
        #expect(!result.decoded.url.contains(Fixtures.tokenURLSignature))
        #expect(result.report.findings.contains { $0.rule == "CFD607" })
    }

    @Test func aRegionTheHostContradictsIsNoted() throws {
        let moved = try PresignedURL(try Fixtures.text("fixtures/urls/article-s3.url")
            .replacingOccurrences(of: "s3-eu-west-1.amazonaws.com", with: "s3.us-east-2.amazonaws.com"))
        let result = decode(moved, at: "2018-09-30T15:00:00Z")
        #expect(result.report.notes.contains { $0.hasPrefix("The host serves us-east-2 but the credential scope names eu-west-1") })
    }
}
