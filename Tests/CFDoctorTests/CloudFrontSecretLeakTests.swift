import Foundation
import Reporters
import Testing

/// Regressions found by the `cfurl` fuzz target (Fuzz/README.md): SPEC §8 for CloudFront signed
/// URLs and cookies, in every registered format, with and without --redact.
struct CloudFrontSecretLeakTests {
    static let key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let now = ["--now", "2026-01-01T17:00:00Z"]
    static let publicKeys = ["--public-keys", CLI.fixture("cloudfront-signed/keys/list-public-keys.json")]

    /// `arguments` in every format, and for `url` with --redact too: exit status and the whole output.
    static func everyFormat(_ arguments: [String]) throws -> [(context: String, status: Int32, output: String)] {
        var runs = [(context: String, status: Int32, output: String)]()
        for reporter in Reporters.all {
            for redact in arguments[0] == "url" ? [[], ["--redact"]] : [[]] {
                let result = try CLI.run(arguments + ["--format", reporter.name] + redact,
                                         environment: ["AWS_SECRET_ACCESS_KEY": key])
                runs.append(("--format \(reporter.name) \(redact.joined())", result.status, result.stdout + result.stderr))
            }
        }
        return runs
    }

    /// Fuzz/corpus/cfurl/118-…, 119-…, 120-…: the decoded CloudFront block (Key-Pair-Id, the
    /// custom policy's Resource and the policy itself) was printed unredacted, so a secret key
    /// pasted into the URL, the policy or a cookie reached the output in plain text.
    @Test func theSecretKeyInAKeyPairIDPolicyOrCookieIsNeverPrinted() throws {
        let canned = try CloudFrontURLCommandTests.url("canned/plain/valid")
        let signature = try #require(canned.components(separatedBy: "Signature=").last?.components(separatedBy: "&").first)
        let policy = #"{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/\#(Self.key)/*","Condition":{"DateLessThan":{"AWS:EpochTime":1767290400}}}]}"#
        let encoded = Data(policy.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "=", with: "_").replacingOccurrences(of: "/", with: "~")
        let cookieVector = try CloudFrontURLCommandTests.vector("cookies/custom/valid")
        let cookie = try #require((cookieVector["cookies"] as? [String])?.first)
        let cases: [[String]] = [
            ["url", canned.replacingOccurrences(of: "K2TESTKEYAAAAA", with: Self.key.replacingOccurrences(of: "/", with: "%2F"))],
            ["url", "https://d111111abcdef8.cloudfront.net/a.mp4?Policy=\(encoded)&Signature=\(signature)&Key-Pair-Id=K2TESTKEYAAAAA"],
            ["url", try CloudFrontURLCommandTests.url("cookies/custom/valid"),
             "--cookie", cookie.replacingOccurrences(of: "Cookie: ", with: "Cookie: CloudFront-Key-Pair-Id=\(Self.key); ")],
        ]
        for arguments in cases {
            for run in try Self.everyFormat(arguments + Self.publicKeys + Self.now) {
                #expect(run.status < 2, "\(run.context): \(run.output)")
                #expect(!run.output.contains(Self.key) && !run.output.contains("wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY"),
                        "\(arguments.prefix(2)) \(run.context) printed the secret key")
            }
        }
    }

    /// Fuzz/corpus/cfurl/115-mutated-s3-and-cloudfront: an S3 presigned URL with CloudFront's
    /// Expires, Key-Pair-Id and Signature added. Verifying its SigV4 signature printed the
    /// canonical request, whose query holds CloudFront's Signature, in redacted output too.
    @Test func aCloudFrontSignatureBesideSigV4IsRedactedLikeAnyOther() throws {
        let canned = try CloudFrontURLCommandTests.url("canned/plain/valid")
        let signature = try #require(canned.components(separatedBy: "Signature=").last?.components(separatedBy: "&").first)
        let url = URLCommandTests.article + "&Expires=1767290400&Key-Pair-Id=K2TESTKEYAAAAA&Signature=\(signature)"
        let distribution = CLI.fixture("distributions/article-broken.get-distribution-config.json")
        for arguments in [["url", url], ["check", distribution, "--url", url]] {
            for run in try Self.everyFormat(arguments + Self.now) {
                #expect(run.status < 2, "\(run.context): \(run.output)")
                // Only `url`'s text output without --redact shows the user's own URL as given.
                let echoes = arguments[0] == "url" && run.context == "--format text "
                #expect(run.output.contains(signature) == echoes, "\(arguments[0]) \(run.context)")
            }
        }
    }
}
