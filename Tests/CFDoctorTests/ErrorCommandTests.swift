import Foundation
import Testing

/// `cfdoctor error` and `check --error-body`, run as a user runs them.
@Suite struct ErrorCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func fixture(_ name: String) -> String { path("fixtures/errors/" + name) }
    static let articleDistribution = path("fixtures/distributions/article-broken.get-distribution-config.json")
    static var articleS3URL: String {
        (try? String(contentsOfFile: path("fixtures/urls/article-s3.url"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    func temporary(_ contents: [UInt8], _ name: String = UUID().uuidString) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-\(name)")
        try Data(contents).write(to: url)
        return url.path
    }

    /// The body S3 computes for the article's URL when CloudFront sends the global host (the
    /// article's bug), with CanonicalRequest as S3 formats it (`&` escaped).
    static let articleSignatureMismatch = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><StringToSign>AWS4-HMAC-SHA256
        20180930T145820Z
        20180930/eu-west-1/s3/aws4_request
        0</StringToSign><CanonicalRequest>GET
        /test.txt
        X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&amp;X-Amz-Date=20180930T145820Z&amp;X-Amz-Expires=900&amp;X-Amz-SignedHeaders=host
        host:cf-signed-urls-test.s3.amazonaws.com

        host
        UNSIGNED-PAYLOAD</CanonicalRequest><RequestId>R</RequestId><HostId>H</HostId></Error>
        """

    @Test func explainsTheArticlesHeadersNotSignedBody() throws {
        let result = try CLI.run(["error", Self.fixture("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("S3 AccessDenied: most likely CFD201 (s3-origin-as-custom-origin)"))
        #expect(result.stdout.contains("HeadersNotSigned: x-amz-cf-id"))
        #expect(result.stderr.isEmpty)
    }

    @Test func readsStandardInputWithCurlHeaders() throws {
        let text = try String(contentsOfFile: Self.fixture("MissingKey.cloudfront.http.txt"), encoding: .utf8)
        let result = try CLI.run(["error", "-"], stdin: text)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("CloudFront MissingKey: most likely CFD304"))
        #expect(result.stdout.contains("HTTP/1.1 403 Forbidden"))
    }

    @Test func decodesHexBytesAndRedactsTheSignature() throws {
        let result = try CLI.run(["error", Self.fixture("SignatureDoesNotMatch.sigv4-header.canonical-request.xml")])
        #expect(result.stdout.contains("    host:s3.us-east-1.amazonaws.com\n"))
        #expect(result.stdout.contains("SignatureProvided: REDACTED"))
        #expect(!result.stdout.contains("841d7b89150d246feee9bceb90f5cae91d0c45f44851742c73eb87dc8472748e"))
    }

    @Test func jsonHasTheCheckShapePlusErrorAndExplanations() throws {
        let result = try CLI.run(["error", Self.fixture("AccessDenied.RequestHasExpired.sigv4.xml"), "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        #expect(object["summary"] as? [String: Int] == ["error": 0, "warning": 0, "info": 0])
        #expect(object["notes"] is [String])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "AccessDenied")
        #expect(error["serverTime"] as? String == "2017-07-20T04:18:55Z")
        let explanations = try #require(object["explanations"] as? [[String: String]])
        // No HTTP head saying the cache answered: CFD501 is not implied.
        #expect(explanations.map { $0["rule"] } == ["CFD601"])
    }

    @Test func cloudFrontHTMLPageIsSummarised() throws {
        let result = try CLI.run(["error", Self.fixture("CloudFront.403-request-blocked.html")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("CloudFront error page 403: Request blocked."))
    }

    @Test(arguments: [
        ("malformed", Array("<Error>\n<Code>AccessDenied</Code>\n<Message>x</Mesage>\n</Error>".utf8), ":3:"),
        ("empty", [UInt8](), "empty body"),
        ("invalid-utf8", Array("<Error><Code>A".utf8) + [0xC3, 0x28] + Array("</Code></Error>".utf8), "not valid UTF-8"),
        ("xxe", Array("<!DOCTYPE Error [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Error><Code>&x;</Code></Error>".utf8),
         "DOCTYPE is not allowed"),
    ])
    func badInputIsOneLineAndExitTwo(name: String, bytes: [UInt8], expected: String) throws {
        let file = try temporary(bytes, name)
        let result = try CLI.run(["error", file])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(expected))
        #expect(result.stderr.hasPrefix("cfdoctor: \(file)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func fiftyMegabytesAreRefusedWithTheLimit() throws {
        let file = try temporary([UInt8](repeating: 0x3C, count: 50 << 20), "huge")
        let result = try CLI.run(["error", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("expected at most 1048576 bytes (an error body is at most 1 MiB)"))
    }

    @Test func otherHTMLIsNotAnS3Error() throws {
        let file = try temporary(Array("<!DOCTYPE html><html><body>Sign in</body></html>".utf8), "login.html")
        let result = try CLI.run(["error", file])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "cfdoctor: \(file): not an S3 or CloudFront error body (an HTML page, but not CloudFront's error page and not an S3 XML error)\n")
    }

    @Test func jsonThatIsNoErrorBodyIsAnInputError() throws {
        let file = try temporary(Array(#"{"DistributionConfig": {}}"#.utf8), "dist.json")
        let result = try CLI.run(["error", file])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("cfdoctor: \(file): not an S3 or CloudFront error body"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func checkConfirmsTheFindingTheCanonicalRequestPointsTo() throws {
        let body = try temporary(Array(Self.articleSignatureMismatch.utf8), "sdnm.xml")
        let result = try CLI.run(["check", Self.articleDistribution, "--url", Self.articleS3URL, "--now", "20180930T150000Z",
                                  "--error-body", body, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["rule"] as? String == "CFD101")
        #expect(findings.first?["confirmed"] as? Bool == true)
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.contains { $0.contains("line 4 (header): S3 `host:cf-signed-urls-test.s3.amazonaws.com`") && $0.contains("CFD101, CFD102") })
    }

    @Test func checkSaysWhenTheBodyContradictsTheConfiguration() throws {
        let result = try CLI.run(["check", Self.articleDistribution, "--url", Self.articleS3URL, "--now", "20180930T150000Z",
                                  "--error-body", Self.fixture("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml")])
        #expect(result.stdout.contains("contradicts the configuration"))
        #expect(result.stdout.contains("every origin in scope is an S3 origin"))
        #expect(!result.stdout.contains("[confirmed]"))
    }

    @Test func checkRejectsABadErrorBody() throws {
        let result = try CLI.run(["check", Self.articleDistribution, "--error-body", "-"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin>:1:1: empty body"))
    }
}
