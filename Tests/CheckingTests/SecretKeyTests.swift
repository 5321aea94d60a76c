import Checking
import Foundation
import PresignedURLs
import Rules
import Testing

/// Which secret verifies what, and what the report says about it (issue 8 §1): a key that belongs
/// to another access key ID verifies nothing, and the report names the variable, never its value.
@Suite struct SecretKeyTests {
    /// botocore's URL (access key ASIAIOSFODNN7EXAMPLE) with its key changed after signing.
    static let tampered = Fixtures.tokenURL.replacingOccurrences(of: "q1.csv", with: "q2.csv")

    func secrets(keyID: String?) -> FixedSecrets {
        var values = ["AWS_SECRET_ACCESS_KEY": Fixtures.tokenURLSecret]
        if let keyID { values["AWS_ACCESS_KEY_ID"] = keyID }
        return FixedSecrets(values)
    }

    func checkText(_ result: URLCheckResult) -> String {
        (result.report.notes + result.report.findings.map(\.message)).joined(separator: "\n")
    }

    @Test func aSecretOfAnotherAccessKeyVerifiesNothingAndSaysHow() throws {
        let result = URLChecker.check(try PresignedURL(Self.tampered), now: Fixtures.tokenURLNow,
                                      secrets: secrets(keyID: "AKIAOTHERKEY0000EXMP"))
        #expect(result.verification == nil)
        #expect(!result.report.findings.contains { $0.rule == "CFD610" })
        let note = try #require(result.report.notes.first { $0.hasPrefix("Not verified:") })
        #expect(note.contains("$AWS_SECRET_ACCESS_KEY") && note.contains("$AWS_ACCESS_KEY_ID") && note.contains("AKIAOTHERKEY0000EXMP"))
        #expect(note.contains("ASIAIOSFODNN7EXAMPLE") && note.contains("--secret-key-env"))
        #expect(!checkText(result).contains(Fixtures.tokenURLSecret))
    }

    @Test func theMatchingAccessKeyIDVerifiesAndTheVariableIsNamed() throws {
        let result = URLChecker.check(try PresignedURL(Self.tampered), now: Fixtures.tokenURLNow,
                                      secrets: secrets(keyID: "ASIAIOSFODNN7EXAMPLE"))
        #expect(result.report.findings.contains { $0.rule == "CFD610" })
        #expect(result.report.notes.contains("Signatures verified with the secret key from $AWS_SECRET_ACCESS_KEY (its value is never printed)."))
        #expect(!checkText(result).contains(Fixtures.tokenURLSecret))
    }

    @Test func withoutAnAccessKeyIDTheSecretIsUsed() throws {
        let result = URLChecker.check(try PresignedURL(Self.tampered), now: Fixtures.tokenURLNow, secrets: secrets(keyID: nil))
        #expect(result.report.findings.contains { $0.rule == "CFD610" })
    }

    @Test func checkDoesNotVerifyWithAnotherKeysSecret() throws {
        let config = #"{"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "examplebucket.s3.us-west-2.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]}, "DefaultCacheBehavior": {"TargetOriginId": "s3", "ForwardedValues": {"QueryString": true}, "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}}"#
        let request = { (keyID: String) in
            CheckRequest(configurations: [NamedInput(name: "inline.json", bytes: Array(config.utf8))],
                         urls: [try PresignedURL(Self.tampered)], now: Fixtures.tokenURLNow, secrets: secrets(keyID: keyID))
        }
        let other = try Checker.check(try request("AKIAOTHERKEY0000EXMP"))
        #expect(!other.report.findings.contains { $0.rule == "CFD610" })
        #expect(other.report.notes.contains { $0.hasPrefix("Not verified: $AWS_SECRET_ACCESS_KEY") })
        let same = try Checker.check(try request("ASIAIOSFODNN7EXAMPLE"))
        #expect(same.report.findings.first?.rule == "CFD610")
        #expect(same.report.notes.contains { $0.hasPrefix("Signatures verified with the secret key from $AWS_SECRET_ACCESS_KEY") })
    }

    /// S3 compares the signature as lower-case hex (aws/aws-sdk-js#3322): upper case is a mismatch,
    /// with the secret and without it.
    @Test(arguments: [true, false])
    func anUpperCaseSignatureIsAMismatch(withSecret: Bool) throws {
        let upper = Fixtures.tokenURL.replacingOccurrences(of: Fixtures.tokenURLSignature, with: Fixtures.tokenURLSignature.uppercased())
        let result = URLChecker.check(try PresignedURL(upper), now: Fixtures.tokenURLNow,
                                      secrets: withSecret ? secrets(keyID: nil) : FixedSecrets([:]))
        let finding = try #require(result.report.findings.first { $0.rule == "CFD610" })
        #expect(finding.severity == .error && finding.message.contains("upper-case hex"))
        #expect(result.failed)
    }
}

/// What a CloudFront URL and a `get-distribution-config` export cannot say (issue 8 §4).
@Suite struct UnknownHostTests {
    func check(_ file: String, url: String, errorBody: String? = nil) throws -> CheckResult {
        try Checker.check(CheckRequest(
            configurations: [try Fixtures.input("fixtures/distributions/" + file)], urls: [try PresignedURL(url)],
            errorBody: errorBody.map { NamedInput(name: "body.xml", bytes: Array($0.utf8)) },
            now: Fixtures.now, secrets: FixedSecrets([:])))
    }

    @Test func aCloudFrontURLWithoutTheSecretSaysHowToBeCertain() throws {
        let result = try check("article-broken.get-distribution-config.json", url: try Fixtures.text("fixtures/urls/article-cloudfront.url"))
        let note = try #require(result.report.notes.first { $0.contains("cannot be read from it") })
        #expect(note.hasPrefix("d2tphqjsvmbzmt.cloudfront.net is not an S3 host"))
        #expect(note.contains("the S3 URL") && note.contains("$AWS_SECRET_ACCESS_KEY") && note.contains("--secret-key-env"))
        let s3 = try check("article-broken.get-distribution-config.json", url: try Fixtures.text("fixtures/urls/article-s3.url"))
        #expect(!s3.report.notes.contains { $0.contains("cannot be read from it") })
    }

    /// The export has no DomainName: the viewer Host S3 receives is unknown, so the simulated
    /// canonical request takes S3's own host line instead of a made-up CloudFront domain.
    @Test func noPlaceholderHostIsComparedOrShown() throws {
        let url = "https://brightlane-invoices.s3.eu-west-1.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T145820Z"
            + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b"
        let body = "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the "
            + "signature you provided.</Message><CanonicalRequest>GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&amp;"
            + "X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&amp;X-Amz-Date=20180930T145820Z"
            + "&amp;X-Amz-Expires=900&amp;X-Amz-SignedHeaders=host\nhost:d1234abcd.cloudfront.net\n\nhost\nUNSIGNED-PAYLOAD"
            + "</CanonicalRequest><RequestId>R</RequestId><HostId>H</HostId></Error>"
        let result = try check("host-header-forwarded.get-distribution-config.json", url: url, errorBody: body)
        #expect(result.report.findings.first?.rule == "CFD401")
        #expect(result.report.findings.first?.confirmed == true)
        let text = (result.report.notes + result.report.findings.map(\.message)).joined(separator: "\n")
        #expect(!text.contains("dxxxxxxxxxxxxx"))
        #expect(text.contains("cfdoctor's simulated origin request produces exactly S3's canonical request."))
    }
}
