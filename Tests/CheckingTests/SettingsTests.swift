import Checking
import Rules
import Testing

/// `.cfdoctor.yml` and flags merged over it.
@Suite struct SettingsTests {
    func parse(_ yaml: String) throws(InputFailure) -> Settings {
        try Settings.parse(NamedInput(name: ".cfdoctor.yml", bytes: Array(yaml.utf8)))
    }

    @Test func everySettingIsRead() throws {
        let settings = try parse("""
            fail-on: warning
            ignore: [CFD503, origin-path-prefix]
            severity: { CFD502: warning }
            signature-lifetime: 15m
            max-exposure: 2h
            presigned-paths: ["/downloads/*"]
            """)
        #expect(settings.failOn == .warning)
        #expect(settings.ignore.map(\.rules) == [["CFD503"], ["CFD105"]])
        #expect(settings.ignore[0].declaredAt == ".cfdoctor.yml:2:9")
        #expect(settings.ignore[0].source == .settingsFile)
        #expect(settings.severity == ["CFD502": .warning])
        #expect(settings.signatureLifetime == 900)
        #expect(settings.maxExposure == 7200)
        #expect(settings.presignedPaths == ["/downloads/*"])
    }

    @Test func flagsOverrideTheFileAndIgnoresAddUp() throws {
        let file = try parse("fail-on: warning\nignore: CFD503\nsignature-lifetime: 15m\npresigned-paths: /a/*\n")
        let flags = Settings(failOn: .never, ignore: [Suppression(rules: ["CFD501"], declaredAt: "--ignore CFD501", source: .commandLine)],
                             signatureLifetime: 60)
        let merged = file.overridden(by: flags)
        #expect(merged.failOn == .never)
        #expect(merged.signatureLifetime == 60)
        #expect(merged.presignedPaths == ["/a/*"])
        #expect(merged.ignore.map(\.rules) == [["CFD501"], ["CFD503"]])
        #expect(merged.file == ".cfdoctor.yml")
    }

    @Test func mistakesNameTheirPlace() {
        #expect(throws: InputFailure("x.yml:1:10: fail-on must be error, warning, info or never")) {
            try Settings.parse(NamedInput(name: "x.yml", bytes: Array("fail-on: sometimes\n".utf8)))
        }
        let unknown = #expect(throws: InputFailure.self) { try parse("colour: red\n") }
        #expect(unknown?.message.contains("unknown setting 'colour'") == true)
        let noRule = #expect(throws: InputFailure.self) { try parse("ignore: [CFD999]\n") }
        #expect(noRule?.message == ".cfdoctor.yml:1:9: ignore: no rule CFD999")
    }
}
