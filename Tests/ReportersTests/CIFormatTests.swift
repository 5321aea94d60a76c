import CLibXML2
import Documents
import Foundation
import PresignedURLs
import Reporters
import Rules
import Testing
@testable import Checking

/// The CI formats on real check results and on findings with hostile text: what a pipeline, a
/// code-scanning service or a pull request shows.
@Suite struct CIFormatTests {
    static let schema = Fixtures.repository.appendingPathComponent("fixtures/schemas/sarif-schema-2.1.0.json")

    func check(_ files: [String], urls: [String] = [], errorBody: String? = nil, settings: Settings = Settings()) throws -> Presentation {
        Presentation(redacting: try Checker.check(CheckRequest(
            configurations: try files.map { try Fixtures.input("fixtures/distributions/" + $0) },
            urls: try urls.map { try PresignedURL(try Fixtures.text("fixtures/urls/" + $0)) },
            errorBody: try errorBody.map { try Fixtures.input("fixtures/errors/" + $0) },
            settings: settings, now: Fixtures.now, secrets: FixedSecrets([:]))))
    }

    /// A presentation of hand-made findings, as if the engine had reported them.
    func presentation(_ findings: [Finding], notes: [String] = []) -> Presentation {
        Presentation(report: Report(findings: findings, notes: notes), verdict: "FAIL: test",
                     subject: .check(CheckView(traces: [], inputs: ["t.json"])), redaction: Redaction(secrets: []))
    }

    static let hostile = "100% <Error> & \"quoted\", a:b\r\nsecond | line\u{1}"

    func finding(_ rule: RuleID = "CFD201", message: String = hostile, line: Int = 12, file: String = "t.json",
                 suppressed: Finding.Suppressed? = nil) -> Finding {
        var finding = Finding(rule: rule, name: Catalog.rule(id: rule)?.description.name ?? "x", severity: .error, message: message,
                              fix: "Fix | it\nnow", location: SourceLocation(file: file, line: line, column: 7, pointer: "/A/B"),
                              resource: nil, distribution: "E123", behavior: "/static/*")
        finding.suppressed = suppressed
        return finding
    }

    func sarifErrors(_ text: String) throws -> [String] {
        let schema = try Document.parse(bytes: [UInt8](try Data(contentsOf: Self.schema)), file: "schema").root
        let log = try Document.parse(text, file: "log.sarif").root
        return JSONSchemaValidator(schema: schema).errors(in: log)
    }

    // MARK: SARIF

    @Test func sarifOfRealRunsIsValidAgainstTheOASISSchema() throws {
        let suppressing = Settings(ignore: [Suppression(rules: ["CFD501"], reason: "short-lived objects", declaredAt: ".cfdoctor.yml:2:9",
                                                        source: .settingsFile)])
        let runs = [
            try check(["article-broken.get-distribution-config.json"], urls: ["article-s3.url"]),
            try check(["article-broken.get-distribution-config.json"], urls: ["article-s3.url"],
                      errorBody: "SignatureDoesNotMatch.sigv4-header.canonical-request.xml", settings: suppressing),
            try check(["list-distributions.json", "app-alb-and-s3.get-distribution.json"], urls: ["article-cloudfront.url"]),
            Presentation(rules: .catalog(Catalog.all.map(\.description))),
            presentation([finding(suppressed: Finding.Suppressed(declaredAt: "--ignore CFD201", source: .commandLine, reason: nil))]),
        ]
        for run in runs {
            let text = SARIFReporter(workingDirectory: "/work").render(run)
            #expect(try sarifErrors(text) == [])
        }
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let good = SARIFReporter(workingDirectory: "/").render(presentation([finding()]))
        #expect(try sarifErrors(good) == [])
        let badLevel = good.replacingOccurrences(of: "\"level\" : \"error\"", with: "\"level\" : \"fatal\"")
        #expect(try sarifErrors(badLevel).contains { $0.contains("'fatal' is not one of") })
        let noVersion = good.replacingOccurrences(of: "\"version\" : \"2.1.0\"", with: "\"versio\" : \"2.1.0\"")
        #expect(try sarifErrors(noVersion).contains { $0.contains("missing required property version") })
        let lineZero = good.replacingOccurrences(of: "\"startLine\" : 12", with: "\"startLine\" : 0")
        #expect(try sarifErrors(lineZero).contains { $0.contains("below the minimum") })
        let extra = good.replacingOccurrences(of: "\"ruleId\"", with: "\"rule_id\" : 1, \"ruleId\"")
        #expect(try sarifErrors(extra).contains { $0.contains("property not allowed") })
    }

    func sarifResults(_ text: String) throws -> [[String: Any]] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        return try #require(run["results"] as? [[String: Any]])
    }

    @Test func sarifCarriesTheCatalogLocationsAndSuppressions() throws {
        let suppressed = finding("CFD503", message: "m", suppressed: Finding.Suppressed(declaredAt: ".cfdoctor.yml:3:5", source: .settingsFile,
                                                                                       reason: "public assets"))
        let text = SARIFReporter(workingDirectory: "/repo").render(presentation([finding(file: "/repo/infra/dist.json"), suppressed]))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let driver = try #require(((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == Catalog.all.count)
        #expect(driver["version"] as? String == ToolInfo.version)
        let cfd201 = try #require(rules.first { $0["id"] as? String == "CFD201" })
        #expect(cfd201["helpUri"] as? String == "\(ToolInfo.repository)/blob/main/docs/rules.md#cfd201")
        #expect(((cfd201["help"] as? [String: Any])?["text"] as? String)?.contains("Fix: ") == true)

        let results = try sarifResults(text)
        let physical = try #require(((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "infra/dist.json", "relative to the working directory")
        #expect((physical["region"] as? [String: Int]) == ["startLine": 12, "startColumn": 7])
        let logical = try #require(((results[0]["locations"] as? [[String: Any]])?.first?["logicalLocations"]) as? [[String: Any]])
        #expect(logical.first?["fullyQualifiedName"] as? String == "E123//static/*")
        #expect(results[0]["suppressions"] == nil)
        let marks = try #require(results[1]["suppressions"] as? [[String: Any]])
        #expect(marks.first?["kind"] as? String == "external")
        #expect(marks.first?["justification"] as? String == "public assets")
    }

    @Test func fingerprintsSurviveLineMovesButNotAnotherRuleOrField() throws {
        func print(_ finding: Finding) throws -> String? {
            let result = try sarifResults(SARIFReporter(workingDirectory: "/").render(presentation([finding]))).first
            return (result?["partialFingerprints"] as? [String: String])?["cfdoctorFinding/v1"]
        }
        let original = try #require(try print(finding(message: "Origin at t.json:12:7 is wrong")))
        #expect(try print(finding(message: "Origin at t.json:40:7 is wrong", line: 40)) == original)
        #expect(try print(finding("CFD202", message: "Origin at t.json:12:7 is wrong")) != original)
        var elsewhere = finding(message: "Origin at t.json:12:7 is wrong")
        elsewhere.location?.pointer = "/A/C"
        #expect(try print(elsewhere) != original)
    }

    // MARK: GitHub

    @Test func githubAnnotationsEscapeDataAndProperties() {
        let text = GitHubReporter(workingDirectory: "/repo").render(presentation([
            finding(file: "/repo/a,b:c.json"),
            finding("CFD503", suppressed: Finding.Suppressed(declaredAt: "--ignore CFD503", source: .commandLine, reason: nil)),
        ]))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3, "one annotation (the suppressed finding gets none), the verdict, the final newline")
        #expect(lines[0].hasPrefix("::error file=a%2Cb%3Ac.json,line=12,col=7,title=CFD201::100%25 <Error> & \"quoted\", a:b%0D%0Asecond | line"))
        #expect(lines[0].contains("%0AFix: Fix | it%0Anow"))
        #expect(lines[1] == "FAIL: test")
    }

    // MARK: JUnit

    /// Parses with libxml2 (what lxml-based CI reporters use) with network and entities off.
    func parseXML(_ text: String) -> xmlDocPtr? {
        let bytes = text.utf8CString
        let options = Int32(XML_PARSE_NONET.rawValue)
        return bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            xmlReadMemory(buffer.baseAddress, Int32(buffer.count - 1), "junit.xml", "UTF-8", options)
        }
    }

    func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    func children(_ node: xmlNodePtr, named name: String) -> [xmlNodePtr] {
        var out = [xmlNodePtr]()
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name { out.append(current) }
            child = current.pointee.next
        }
        return out
    }

    @Test func junitParsesAndCarriesFindingsAsFailures() throws {
        let text = JUnitReporter(style: .plain).render(presentation([
            finding(), finding("CFD503", suppressed: Finding.Suppressed(declaredAt: "--ignore CFD503", source: .commandLine, reason: "ok")),
        ]))
        let document = try #require(parseXML(text), "libxml2 rejected:\n\(text)")
        defer { xmlFreeDoc(document) }
        let root = try #require(xmlDocGetRootElement(document))
        #expect(String(cString: root.pointee.name) == "testsuites")
        let suites = children(root, named: "testsuite")
        #expect(suites.count == 1)
        let cases = children(suites[0], named: "testcase")
        let configurationRules = Catalog.all.filter { $0.kind == .configuration }
        #expect(cases.count == configurationRules.count, "one test case per rule for the input")
        #expect(attribute(suites[0], "failures") == "1")
        #expect(attribute(suites[0], "skipped") == "1")
        let failing = try #require(cases.first { attribute($0, "name")?.hasPrefix("CFD201 ") == true })
        let failure = try #require(children(failing, named: "failure").first)
        #expect(attribute(failure, "message") == "100% <Error> & \"quoted\", a:b\r\nsecond | line\u{FFFD}")
        let body = try #require(xmlNodeGetContent(failure))
        defer { cxml_free(body) }
        #expect(String(cString: body).contains("t.json:12:7 error: 100% <Error>"))
        let skipped = try #require(cases.first { attribute($0, "name")?.hasPrefix("CFD503 ") == true })
        #expect(attribute(try #require(children(skipped, named: "skipped").first), "message") == "suppressed by --ignore CFD503: ok")
    }

    @Test func junitOfARealRunListsEveryInput() throws {
        let text = JUnitReporter(style: .plain).render(try check(["article-fixed.get-distribution-config.json", "article-broken.get-distribution-config.json"]))
        let document = try #require(parseXML(text))
        defer { xmlFreeDoc(document) }
        let suites = children(try #require(xmlDocGetRootElement(document)), named: "testsuite")
        #expect(suites.compactMap { attribute($0, "name") } == ["fixtures/distributions/article-fixed.get-distribution-config.json",
                                                               "fixtures/distributions/article-broken.get-distribution-config.json"])
        #expect(attribute(suites[1], "failures") != "0")
    }

    // MARK: Markdown

    @Test func markdownPutsTheVerdictFirstAndKeepsOneRowPerFinding() {
        let text = MarkdownReporter(style: .plain).render(presentation([finding(), finding("CFD503")], notes: ["a note"]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "### cfdoctor: FAIL: test")
        let rows = lines.filter { $0.hasPrefix("| [CFD") }
        #expect(rows.count == 2)
        // An escaped pipe stays in its cell: five unescaped pipes make the four cells of a row.
        #expect(rows.allSatisfy { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5 })
        #expect(rows[0].contains("Fix \\| it now"))
        #expect(text.contains("<details><summary>Details: 2 finding(s), 1 note(s)</summary>"))
        #expect(text.contains("100% &lt;Error> & \"quoted\", a:b second \\| line") == false, "messages outside tables keep |")
        #expect(text.contains("100% &lt;Error> & \"quoted\", a:b second | line"))
    }

    @Test func markdownRulesIsTheCommittedReference() throws {
        let committed = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(MarkdownReporter(style: .plain).render(Presentation(rules: .catalog(Catalog.all.map(\.description)))) == committed)
    }

    // MARK: Determinism

    @Test func sameInputSameBytesInEveryFormat() throws {
        for reporter in Reporters.all {
            let first = reporter.init(style: .plain).render(try check(["article-broken.get-distribution-config.json"], urls: ["article-s3.url"]))
            let second = reporter.init(style: .plain).render(try check(["article-broken.get-distribution-config.json"], urls: ["article-s3.url"]))
            #expect(first == second, "\(reporter.name)")
        }
    }

    @Test func inputOrderDoesNotChangeTheFindings() throws {
        let files = ["article-broken.get-distribution-config.json", "host-header-forwarded.get-distribution-config.json"]
        let forward = try check(files), backward = try check(files.reversed())
        for reporter in [SARIFReporter.self, GitHubReporter.self, MarkdownReporter.self] as [any Reporter.Type] {
            #expect(reporter.init(style: .plain).render(forward) == reporter.init(style: .plain).render(backward), "\(reporter.name)")
        }
    }
}
