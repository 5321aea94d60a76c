import Checking
import Rules
import Testing

/// `--only`, per-path ignores with reasons, and where settings mistakes are reported.
@Suite struct SelectionTests {
    func check(_ settings: Settings, file: String = "app-alb-and-s3.get-distribution.json") throws -> CheckResult {
        try Checker.check(CheckRequest(
            configurations: [try Fixtures.input("fixtures/distributions/" + file)],
            settings: settings, now: Fixtures.now, secrets: FixedSecrets([:])))
    }

    func parse(_ yaml: String) throws(InputFailure) -> Settings {
        try Settings.parse(NamedInput(name: ".cfdoctor.yml", bytes: Array(yaml.utf8)))
    }

    @Test func onlyLeavesOtherRulesOut() throws {
        let all = try check(Settings(presignedPaths: ["*"]))
        let rules = Set(all.report.findings.map(\.rule))
        #expect(rules.count > 1, "the fixture must trigger several rules for this test to mean anything")
        let kept = try #require(rules.sorted().first)
        var only = Settings(presignedPaths: ["*"])
        only.only = [kept]
        let selected = try check(only)
        #expect(!selected.report.findings.isEmpty)
        #expect(selected.report.findings.allSatisfy { $0.rule == kept })
        #expect(selected.report.findings.allSatisfy { $0.suppressed == nil }, "left out, not suppressed")
    }

    @Test func aPathIgnoreSuppressesOnlyTheBehaviorsItsGlobsMatch() throws {
        let all = try check(Settings(presignedPaths: ["*"]))
        let onStatic = try #require(all.report.findings.first { $0.behavior == "/static/*" })
        let settings = try parse("""
            presigned-paths: ["*"]
            ignore:
              - {id: \(onStatic.rule), paths: ["/static/*"], reason: "public assets"}
            """)
        let result = try check(settings)
        for finding in result.report.findings where finding.rule == onStatic.rule {
            if finding.behavior == "/static/*" {
                #expect(finding.suppressed?.reason == "public assets")
                #expect(finding.suppressed?.declaredAt == ".cfdoctor.yml:3:5")
            } else {
                #expect(finding.suppressed == nil, "\(finding.behavior ?? "")")
            }
        }
    }

    @Test func ignoreEntriesReadRulesByIDOrNameWithPathsAndReasons() throws {
        let settings = try parse("""
            ignore:
              - CFD502
              - id: url-not-cache-friendly
                paths: /static/*
                reason: public
            """)
        #expect(settings.ignore.map(\.rules) == [["CFD502"], ["CFD503"]])
        #expect(settings.ignore[1].applies == .behaviors(["/static/*"]))
        #expect(settings.ignore[1].reason == "public")
        #expect(settings.ignore[0].applies == .everywhere)
    }

    @Test func mistakesInIgnoreEntriesNameTheirPlace() {
        let unknownKey = #expect(throws: InputFailure.self) { try parse("ignore:\n  - id: CFD502\n    why: x\n") }
        #expect(unknownKey?.message == ".cfdoctor.yml:3:5: unknown key 'why' in an ignore entry; known: id, paths, reason")
        let noID = #expect(throws: InputFailure.self) { try parse("ignore: [{paths: [/a]}]\n") }
        #expect(noID?.message == ".cfdoctor.yml:1:10: ignore entry without id")
        let badRule = #expect(throws: InputFailure.self) { try parse("ignore: [{id: nope}]\n") }
        #expect(badRule?.message == ".cfdoctor.yml:1:15: ignore: no rule nope")
        let unknownSetting = #expect(throws: InputFailure.self) { try parse("fail-on: error\n  \ncolour: red\n") }
        #expect(unknownSetting?.message.hasPrefix(".cfdoctor.yml:3:1: unknown setting 'colour'") == true)
    }

    @Test func onlyFromFlagsReplacesTheFiles() {
        var file = Settings()
        file.only = ["CFD501"]
        var flags = Settings()
        flags.only = ["CFD101"]
        #expect(file.overridden(by: flags).only == ["CFD101"])
        #expect(file.overridden(by: Settings()).only == ["CFD501"])
    }
}
