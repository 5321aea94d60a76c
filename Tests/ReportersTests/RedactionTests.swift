import Checking
import Foundation
import PresignedURLs
import Presigning
import Reporters
import Rules
import Testing

/// No reporter can print a signature, a session token or the secret key: it only ever receives a
/// `Presentation`, which is built by redacting.
@Suite struct RedactionTests {
    let secrets = FixedSecrets(["AWS_SECRET_ACCESS_KEY": Fixtures.tokenURLSecret])
    var forbidden: [String] {
        [Fixtures.tokenURLSignature, Fixtures.tokenURLToken, PercentEncoding.encode(Fixtures.tokenURLToken), Fixtures.tokenURLSecret]
    }

    func expectNoSecret(_ output: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in forbidden {
            #expect(!output.contains(secret), "\(context) printed a secret", sourceLocation: sourceLocation)
        }
    }

    /// A URL changed after signing: the mismatch puts the canonical request (with the token) and
    /// the expected signature in the result.
    func urlResult() throws -> URLCheckResult {
        URLChecker.check(try PresignedURL(Fixtures.tokenURL.replacingOccurrences(of: "q1.csv", with: "q2.csv")),
                                         now: Fixtures.tokenURLNow, secrets: secrets)
    }

    @Test func urlOutputHidesSecretsInEveryFormat() throws {
        let result = try urlResult()
        #expect(result.report.findings.contains { $0.rule == "CFD610" })
        for reporter in Reporters.all {
            let output = reporter.init(style: .plain).render(Presentation(redacting: result, showingURLAsGiven: false))
            expectNoSecret(output, reporter.name)
            #expect(output.contains("REDACTED"))
        }
    }

    @Test func onlyTheTextOfTheUsersOwnURLShowsItAsGiven() throws {
        let result = try urlResult()
        for reporter in Reporters.all {
            let output = reporter.init(style: .plain)
                .render(Presentation(redacting: result, showingURLAsGiven: reporter.echoesURLAsGiven))
            #expect(!output.contains(Fixtures.tokenURLSecret), "\(reporter.name) printed the secret key")
            #expect(output.contains(Fixtures.tokenURLSignature) == (reporter.name == "text"), "\(reporter.name)")
        }
    }

    @Test func checkOutputHidesTheURLsSecrets() throws {
        let result = try Checker.check(CheckRequest(
            configurations: [try Fixtures.input("fixtures/distributions/article-broken.get-distribution-config.json")],
            urls: [try PresignedURL(Fixtures.tokenURL)], now: Fixtures.tokenURLNow, secrets: secrets))
        for reporter in Reporters.all {
            let output = reporter.init(style: .plain).render(Presentation(redacting: result))
            expectNoSecret(output, reporter.name)
        }
    }

    @Test func errorBodySignaturesAreHidden() throws {
        let xml = """
            <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message>\
            <AWSAccessKeyId>ASIAIOSFODNN7EXAMPLE</AWSAccessKeyId>\
            <SignatureProvided>\(Fixtures.tokenURLSignature)</SignatureProvided>\
            <CanonicalRequest>GET\n/q1.csv\nX-Amz-Security-Token=\(PercentEncoding.encode(Fixtures.tokenURLToken))&amp;X-Amz-Signature=\(Fixtures.tokenURLSignature)\nhost:examplebucket.s3.us-west-2.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest>\
            <RequestId>R</RequestId><HostId>H</HostId></Error>
            """
        let body = try InputDocuments.errorBody(NamedInput(name: "body.xml", bytes: Array(xml.utf8)))
        for reporter in Reporters.all {
            let output = reporter.init(style: .plain).render(Presentation(redacting: ErrorExplanation(body: body)))
            expectNoSecret(output, reporter.name)
        }
    }

    /// `presign`: the URL is the product, printed whole with its signature and token in every
    /// format; the secret key never, and the self-check's findings and warnings are redacted.
    @Test func presignShowsTheURLWholeAndNeverTheSecretKey() throws {
        let token = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEa+token=="
        let result = try PresignPlanner.presign(PresignJob(
            target: .distribution(try Fixtures.input("fixtures/distributions/article-querystring-dropped.get-distribution-config.json"),
                                  viewerPath: "/test.txt", region: nil, cdnHost: "d111111abcdef8.cloudfront.net"),
            now: Fixtures.now,
            secrets: FixedSecrets(["AWS_ACCESS_KEY_ID": "ASIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": Fixtures.tokenURLSecret,
                                   "AWS_SESSION_TOKEN": token])))
        #expect(result.failed && !result.report.findings.isEmpty)
        let signature = String(try #require(result.signed.url.split(separator: "X-Amz-Signature=").last))
        #expect(signature.count == 64)
        for reporter in Reporters.all {
            let output = reporter.init(style: .plain).render(Presentation(redacting: result))
            #expect(output.contains(result.signed.url), "\(reporter.name) did not print the URL whole")
            #expect(!output.contains(Fixtures.tokenURLSecret), "\(reporter.name) printed the secret key")
            // Outside the URLs themselves, neither the signature nor the token appears.
            let rest = output.replacingOccurrences(of: result.signed.url, with: "")
                .replacingOccurrences(of: result.signed.s3URL, with: "")
            for secret in [signature, token, PercentEncoding.encode(token)] {
                #expect(!rest.contains(secret), "\(reporter.name) printed a secret outside the URL")
            }
        }
    }
}
