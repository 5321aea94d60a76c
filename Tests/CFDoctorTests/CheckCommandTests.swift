import Foundation
import Testing

struct CheckCommandTests {
    static let articleURL = "https://cf-signed-urls-test.s3-eu-west-1.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T145820Z&X-Amz-Expires=900&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b&X-Amz-SignedHeaders=host"
    static let signature = "ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b"

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func diagnosesTheArticlesBrokenSetup() throws {
        let result = try CLI.run(["check", CLI.fixture("distributions/article-broken.get-distribution-config.json"),
                                  "--url", Self.articleURL, "--now", "2018-09-30T14:59:00Z"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error CFD101 origin-domain-missing-region"))
        #expect(result.stdout.contains("✗ the URL was signed for cf-signed-urls-test.s3-eu-west-1.amazonaws.com"))
        #expect(result.stdout.contains("warning CFD501"))
        #expect(!result.stdout.contains(Self.signature), "the signature must be redacted")
        #expect(result.stderr.isEmpty)
    }

    @Test func theFixedSetupPasses() throws {
        let result = try CLI.run(["check", CLI.fixture("distributions/article-fixed.get-distribution-config.json"),
                                  "--url", Self.articleURL, "--now", "2018-09-30T14:59:00Z", "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let report = try json(result.stdout)
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(summary["error"] == 0)
    }

    @Test func jsonFindingsCarryFileLinePointerAndScope() throws {
        let result = try CLI.run(["check", CLI.fixture("distributions/article-broken.get-distribution-config.json"),
                                  "--url", Self.articleURL, "--now", "2018-09-30T14:59:00Z", "--format", "json"])
        let report = try json(result.stdout)
        #expect(report["version"] as? Int == 1)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings where finding["distribution"] is String {
            let location = try #require(finding["location"] as? [String: Any])
            #expect((location["file"] as? String)?.hasSuffix("article-broken.get-distribution-config.json") == true)
            #expect((location["line"] as? Int ?? 0) > 0)
            #expect((location["pointer"] as? String)?.hasPrefix("/DistributionConfig/") == true)
            #expect(finding["scope"] as? String == "declared")
            for key in ["rule", "name", "severity", "message", "fix", "confirmed", "resource", "behavior", "origin"] {
                #expect(finding.keys.contains(key), "missing key \(key)")
            }
        }
        #expect(!result.stdout.contains(Self.signature))
    }

    @Test func readsTheConfigFromStandardInput() throws {
        let text = try String(contentsOfFile: CLI.fixture("distributions/article-broken.get-distribution-config.json"), encoding: .utf8)
        let result = try CLI.run(["check", "-", "--signature-lifetime", "15m", "--fail-on", "warning"], stdin: text)
        #expect(result.status == 1)
        #expect(result.stdout.contains("CFD101") && result.stdout.contains("CFD501"))
        #expect(result.stdout.contains("Scope inferred"))
    }

    @Test func aStaticSiteBehindOACIsClean() throws {
        let result = try CLI.run(["check", CLI.fixture("distributions/static-site-oac.get-distribution-config.json"),
                                  "--fail-on", "info", "--signature-lifetime", "15m"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("skipped"))
    }

    @Test(arguments: [
        ["check", "fixtures/does-not-exist.json"],
        ["check", "bad/empty.json"], ["check", "bad/malformed.json"], ["check", "bad/truncated.json"],
        ["check", "bad/invalid-utf8.json"], ["check", "bad/deeply-nested.json"], ["check", "bad/not-a-distribution.json"],
        ["check", "distributions/article-broken.get-distribution-config.json", "--url", "not a url"],
        ["check", "distributions/article-broken.get-distribution-config.json", "--url", "https://"],
        ["check", "distributions/article-broken.get-distribution-config.json", "--signature-lifetime", "soon"],
        ["check", "distributions/article-broken.get-distribution-config.json", "--now", "yesterday"],
        ["check", "distributions/article-broken.get-distribution-config.json", "--ignore", "CFD999"],
        ["check", "distributions/article-broken.get-distribution-config.json", "--format", "xml"],
        ["check"],
    ])
    func badInputExitsTwoWithOneClearLine(args: [String]) throws {
        let resolved = args.map { $0.hasSuffix(".json") ? CLI.fixture($0) : $0 }
        let result = try CLI.run(resolved)
        #expect(result.status == 2, "\(args): status \(result.status), stderr: \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        #expect(result.stdout.isEmpty)
    }

    @Test func malformedJSONNamesFileLineAndColumn() throws {
        let result = try CLI.run(["check", CLI.fixture("bad/malformed.json")])
        #expect(result.stderr.contains("malformed.json:8:9:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func utf16ExportGivesTheSameFindingsAsUTF8() throws {
        let utf8 = try CLI.run(["check", CLI.fixture("distributions/article-broken.get-distribution-config.json"), "--signature-lifetime", "900"])
        let utf16 = try CLI.run(["check", CLI.fixture("distributions/utf16-bom-crlf.get-distribution-config.json"), "--signature-lifetime", "900"])
        #expect(utf16.status == utf8.status)
        let rules = { (text: String) in text.split(separator: "\n").filter { $0.contains(" CFD") }.map { $0.split(separator: " ").prefix(3).joined(separator: " ") } }
        #expect(rules(utf16.stdout) == rules(utf8.stdout))
    }

    @Test func secretKeyComesFromTheEnvironmentAndIsNeverPrinted() throws {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        let url = "https://d111111abcdef8.cloudfront.net/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        let config = #"{"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "examplebucket.s3.us-east-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]}, "DefaultCacheBehavior": {"TargetOriginId": "s3", "ForwardedValues": {"QueryString": true}, "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}}"#
        let result = try CLI.run(["check", "-", "--url", url, "--secret-key-env", "MY_SECRET", "--now", "2013-05-24T01:00:00Z"],
                                 stdin: config, environment: ["MY_SECRET": secret])
        #expect(result.status == 1)
        // Signed for the global host, sent to the regional origin: the host rule is the cause, not CFD610.
        #expect(result.stdout.contains("CFD102"))
        #expect(!result.stdout.contains("CFD610"))
        #expect(result.stdout.contains("signed for: Host examplebucket.s3.amazonaws.com"))
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        let withoutSecret = try CLI.run(["check", "-", "--url", url, "--now", "2013-05-24T01:00:00Z"], stdin: config)
        #expect(!withoutSecret.stdout.contains("CFD610"))
    }

    @Test func configFileSetsThresholdAndSeverity() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(".cfdoctor.yml")
        try "fail-on: warning\nseverity:\n  CFD501: info\nsignature-lifetime: 15m\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", CLI.fixture("distributions/article-broken.get-distribution-config.json"),
                                  "--config", file.path, "--format", "json"])
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.first { $0["rule"] as? String == "CFD501" }?["severity"] as? String == "info")
        #expect(result.status == 1, "CFD101 is a warning and fail-on is warning")
    }
}
