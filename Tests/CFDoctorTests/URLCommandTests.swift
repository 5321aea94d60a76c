import Foundation
import Testing

/// `cfdoctor url` run as a subprocess, the way a reviewer or a script calls it.
struct URLCommandTests {
    static let article = "https://cf-signed-urls-test.s3-eu-west-1.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T145820Z&X-Amz-Expires=900&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b&X-Amz-SignedHeaders=host"
    static let articleSignature = "ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b"
    /// AWS's documented example (S3 API Reference, sigv4-query-string-auth.html).
    static let awsExample = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
    static let awsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let token = "FwoGZXIvYXdzEBYaDEXAMPLETOKEN"

    @Test func validURLDecodesAndExitsZero() throws {
        let result = try CLI.run(["url", Self.article, "--now", "2018-09-30T15:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        for expected in ["cf-signed-urls-test", "legacy dash-regional", "eu-west-1", "AKIAINGQCJMAROJWPJ3A",
                         "2018-09-30T14:58:20Z", "2018-09-30T15:13:20Z", "13m20s left"] {
            #expect(result.stdout.contains(expected), "missing \(expected)")
        }
        // The user's own URL in text mode: shown as given.
        #expect(result.stdout.contains(Self.articleSignature))
    }

    @Test func expiredURLExitsOneAndSaysHowLongAgo() throws {
        let result = try CLI.run(["url", Self.article, "--now", "2018-09-30T16:13:20Z"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("CFD601"))
        #expect(result.stdout.contains("expired 1h ago"))
    }

    @Test func failOnNeverKeepsExitZero() throws {
        let result = try CLI.run(["url", Self.article, "--now", "2030-01-01T00:00:00Z", "--fail-on", "never"])
        #expect(result.status == 0)
    }

    @Test func failOnWarningCountsWarnings() throws {
        let global = Self.article.replacingOccurrences(of: "s3-eu-west-1.amazonaws.com", with: "s3.amazonaws.com")
        let plain = try CLI.run(["url", global, "--now", "2018-09-30T15:00:00Z"])
        let strict = try CLI.run(["url", global, "--now", "2018-09-30T15:00:00Z", "--fail-on", "warning"])
        #expect(plain.status == 0)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("CFD608"))
    }

    @Test func jsonHasFindingsAndURLAndNeverTheSignatureOrToken() throws {
        let url = Self.article + "&X-Amz-Security-Token=" + Self.token
        let result = try CLI.run(["url", url, "--format", "json", "--now", "2030-01-01T00:00:00Z"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "CFD601" })
        #expect(findings.contains { $0["rule"] as? String == "CFD607" })
        let decoded = try #require(object["url"] as? [String: Any])
        #expect(decoded["bucket"] as? String == "cf-signed-urls-test")
        #expect(decoded["region"] as? String == "eu-west-1")
        #expect(decoded["signature"] as? String == "REDACTED")
        #expect((object["summary"] as? [String: Any])?["error"] as? Int == 1)
        #expect(!result.stdout.contains(Self.articleSignature))
        #expect(!result.stdout.contains(Self.token))
    }

    @Test func redactHidesSignatureAndTokenEverywhere() throws {
        let url = Self.awsExample + "&X-Amz-Security-Token=" + Self.token
        let result = try CLI.run(["url", url, "--redact"], environment: ["AWS_SECRET_ACCESS_KEY": Self.awsSecret])
        #expect(result.stdout.contains("X-Amz-Signature=REDACTED"))
        #expect(!result.stdout.contains("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"))
        #expect(!result.stdout.contains(Self.token))
        #expect(!result.stdout.contains(Self.awsSecret))
    }

    @Test func secretFromTheEnvironmentVerifiesTheAWSExample() throws {
        let result = try CLI.run(["url", Self.awsExample], environment: ["AWS_SECRET_ACCESS_KEY": Self.awsSecret])
        #expect(result.stdout.contains("signature verified: matches"))
        #expect(result.stdout.contains("3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04"))
        #expect(!result.stdout.contains(Self.awsSecret))
        #expect(!result.stderr.contains(Self.awsSecret))
    }

    @Test func secretKeyEnvNamesAnotherVariableAndAMismatchIsAnError() throws {
        let tampered = Self.awsExample.replacingOccurrences(of: "/test.txt", with: "/test.txu")
        let result = try CLI.run(["url", tampered, "--secret-key-env", "MY_SECRET", "--format", "json", "--now", "2013-05-24T01:00:00Z"],
                                 environment: ["MY_SECRET": Self.awsSecret])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["signatureCheck"] as? [String: Any])?["status"] as? String == "mismatch")
        #expect((object["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "CFD610" } == true)
        #expect(!result.stdout.contains(Self.awsSecret))
    }

    @Test func namedSecretVariableThatIsUnsetIsReported() throws {
        let result = try CLI.run(["url", Self.awsExample, "--secret-key-env", "NOT_SET_ANYWHERE", "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("$NOT_SET_ANYWHERE is not set"))
        #expect(!result.stdout.contains("signature verified"))
    }

    @Test func readsOneURLFromStandardInput() throws {
        let result = try CLI.run(["url", "-", "--now", "2018-09-30T15:00:00Z"], stdin: Self.article + "\r\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("cf-signed-urls-test"))
    }

    @Test(arguments: [
        "",
        "not a url",
        "ftp://example.com/file",
        "https://",
        "https://bucket.s3.amazonaws.com/" + String(repeating: "k", count: 100_000),
    ])
    func badInputExitsTwoWithOneStderrLine(input: String) throws {
        let result = try CLI.run(["url", "-"], stdin: input)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
    }

    @Test func secretIsNotAcceptedAsAnArgument() throws {
        let result = try CLI.run(["url", Self.awsExample, "--secret", Self.awsSecret])
        #expect(result.status == 2)
        #expect(!result.stdout.contains(Self.awsSecret))
    }

    @Test func brokenEncodingIsAFindingNotACrash() throws {
        let result = try CLI.run(["url", "https://b.s3.eu-west-1.amazonaws.com/a%zz?X-Amz-Date&X-Amz-Date=1&t=a+b&%"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("CFD611"))
        #expect(result.stdout.contains("CFD603"))
    }
}

extension URLCommandTests {
    @Test func truncatedURLNamesWhatIsMissing() throws {
        let result = try CLI.run(["url", String(Self.article.prefix(200)), "--now", "2018-09-30T15:00:00Z"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("CFD603"))
        #expect(result.stdout.contains("X-Amz-Signature"))
    }
}
