import Foundation
import Testing

/// The command line as a CI job uses it: formats, --output, --only / --ignore, settings files,
/// `rules --format markdown`, completions.
struct CIIntegrationTests {
    static let broken = CLI.fixture("distributions/article-broken.get-distribution-config.json")
    static let now = ["--now", "2018-09-30T14:59:00Z"]

    func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func outputWritesTheFormatToTheFileAndTextToStandardOutput() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cfdoctor.sarif")
        let written = try CLI.run(["check", Self.broken, "--url", CheckCommandTests.articleURL, "--format", "sarif",
                                   "--output", file.path] + Self.now)
        #expect(written.status == 1)
        #expect(written.stdout.contains("error CFD101 origin-domain-missing-region"), "the text report on stdout")
        let printed = try CLI.run(["check", Self.broken, "--url", CheckCommandTests.articleURL, "--format", "sarif"] + Self.now)
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["cfdoctor.sarif"], "no temporary file left")
    }

    @Test func anUnwritableOutputIsOneLineAndExit2WithNothingWritten() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        for target in [directory.appendingPathComponent("missing/x.sarif").path, directory.path] {
            let result = try CLI.run(["check", Self.broken, "--format", "sarif", "--output", target] + Self.now)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("cfdoctor: --output \(target): cannot write: "))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anExistingReportIsReplacedWhole() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.xml")
        try String(repeating: "old ", count: 100_000).write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", Self.broken, "--format", "junit", "--output", file.path] + Self.now)
        #expect(result.status == 0)
        let report = try String(contentsOf: file, encoding: .utf8)
        #expect(report.hasPrefix("<?xml") && report.hasSuffix("</testsuites>\n") && !report.contains("old "))
    }

    @Test func unknownFormatsAndContradictoryFlagsAreUsageErrors() throws {
        let format = try CLI.run(["check", Self.broken, "--format", "yaml"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("'yaml' is invalid for '--format <format>'"))
        let both = try CLI.run(["check", Self.broken, "--only", "CFD101", "--ignore", "origin-domain-missing-region"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--only CFD101 and --ignore CFD101 contradict each other"))
        let unknown = try CLI.run(["url", CheckCommandTests.articleURL, "--only", "CFD999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--only CFD999: no such rule"))
    }

    @Test func onlyKeepsTheNamedRulesAndTheirExitStatus() throws {
        let result = try CLI.run(["check", Self.broken, "--url", CheckCommandTests.articleURL, "--only", "CFD501",
                                  "--format", "json"] + Self.now)
        #expect(result.status == 0, "CFD101, the error, is not asked about")
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["CFD501"])
    }

    @Test func failOnIsTheThreshold() throws {
        let warning = try CLI.run(["check", Self.broken, "--url", CheckCommandTests.articleURL, "--only", "CFD501",
                                   "--fail-on", "warning"] + Self.now)
        #expect(warning.status == 1)
        let never = try CLI.run(["check", Self.broken, "--url", CheckCommandTests.articleURL, "--fail-on", "never"] + Self.now)
        #expect(never.status == 0)
    }

    @Test func aPerPathIgnoreWithAReasonIsKeptInJSONAndSARIF() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent(".cfdoctor.yml")
        try """
            ignore:
              - {id: CFD501, paths: ["*"], reason: "objects are immutable"}
              - id: CFD503
                paths: ["/static/*"]
            """.write(to: config, atomically: true, encoding: .utf8)
        let args = ["check", Self.broken, "--url", CheckCommandTests.articleURL, "--config", config.path] + Self.now
        let report = try json(try CLI.run(args + ["--format", "json"]).stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let cfd501 = try #require(findings.first { $0["rule"] as? String == "CFD501" })
        let mark = try #require(cfd501["suppressed"] as? [String: Any])
        #expect(mark["reason"] as? String == "objects are immutable")
        #expect(mark["declaredAt"] as? String == "\(config.path):2:5")
        let cfd503 = try #require(findings.first { $0["rule"] as? String == "CFD503" })
        #expect(cfd503["suppressed"] is NSNull, "the default behavior is not under /static/*")
        #expect((report["notes"] as? [String])?.contains { $0.contains("Unused suppression: CFD503") } == true)

        let sarif = try CLI.run(args + ["--format", "sarif"]).stdout
        #expect(sarif.contains("\"justification\" : \"objects are immutable\""))
        #expect(sarif.contains("\"kind\" : \"external\""))
    }

    @Test func settingsMistakesNameTheKeyAndExit2() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = [
            ("ignore:\n  - id: CFD501\n    pathz: [\"/x\"]\n", ":3:5: unknown key 'pathz' in an ignore entry"),
            ("fail-on: error\ncolour: red\n", ":2:1: unknown setting 'colour'"),
            ("ignore: [{id: CFD999}]\n", ":1:15: ignore: no rule CFD999"),
            ("ignore: [\n", ": invalid YAML"),
        ]
        for (index, (text, message)) in cases.enumerated() {
            let file = directory.appendingPathComponent("c\(index).yml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["check", Self.broken, "--config", file.path])
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("cfdoctor: \(file.path)"), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func githubFormatAnnotatesFindings() throws {
        let result = try CLI.run(["check", Self.broken, "--url", CheckCommandTests.articleURL, "--format", "github"] + Self.now)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("::error file=") == true)
        #expect(lines.first?.contains(",line=14,col=35,title=CFD101::") == true)
        #expect(lines.last == "FAIL: 1 error(s), 1 warning(s), 1 info")
    }

    @Test func rulesAsMarkdownIsDocsRulesMd() throws {
        let committed = try String(contentsOf: CLI.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let catalog = try CLI.run(["rules", "--format", "markdown"])
        #expect(catalog.status == 0)
        #expect(catalog.stdout == committed)
        let one = try CLI.run(["rules", "CFD501", "--format", "markdown"])
        #expect(one.stdout.hasPrefix("<a id=\"cfd501\"></a>\n\n## CFD501 ttl-exceeds-signature-lifetime\n"))
        #expect(committed.contains(one.stdout))
    }

    @Test func completionScriptsOfferTheFormats() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CLI.run(["--generate-completion-script", shell])
            #expect(result.status == 0)
            #expect(result.stdout.contains("sarif") && result.stdout.contains("CFD501"), "\(shell)")
        }
    }
}
