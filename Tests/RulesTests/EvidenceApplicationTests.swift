import Testing
@testable import Rules
import S3Errors

/// `Report.applying(_:distributions:)`: what an error body changes in a report.
@Suite struct EvidenceApplicationTests {
    func finding(_ rule: RuleID, _ severity: Severity) -> Finding {
        Finding(rule: rule, name: rule.rawValue, severity: severity, message: "m", fix: "f")
    }

    func evidence(_ xml: String) throws -> Diagnosis {
        Diagnosis(try ErrorBody.parse(Array(xml.utf8)))
    }

    let cfId = "<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message>"
        + "<HeadersNotSigned>x-amz-cf-id</HeadersNotSigned><RequestId>R</RequestId><HostId>H</HostId></Error>"

    @Test func confirmedFindingsComeFirstAndSayWhy() throws {
        let report = Report(findings: [finding("CFD101", .error), finding("CFD201", .warning)], simulations: [], notes: [])
        let applied = report.applying(try evidence(cfId), distributions: [])
        #expect(applied.findings.map(\.rule) == ["CFD201", "CFD101"])
        #expect(applied.findings[0].confirmed)
        #expect(applied.findings[0].notes.last?.hasPrefix("Confirmed by the error body (AccessDenied)") == true)
        #expect(!applied.findings[1].confirmed)
    }

    @Test func ruledOutFindingsSaySo() throws {
        let report = Report(findings: [finding("CFD301", .error)], simulations: [], notes: [])
        let applied = report.applying(try evidence(cfId), distributions: [])
        #expect(!applied.findings[0].confirmed)
        #expect(applied.findings[0].notes.last?.contains("argues against this") == true)
    }

    @Test func aBodyNoFindingExplainsBecomesANote() throws {
        let report = Report(findings: [finding("CFD501", .warning)], simulations: [], notes: [])
        let applied = report.applying(try evidence(cfId), distributions: [])
        #expect(applied.notes.count == 1)
        #expect(applied.notes[0].contains("points to CFD201, CFD202"))
    }
}
