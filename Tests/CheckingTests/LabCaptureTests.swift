import Checking
import Foundation
import PresignedURLs
import Rules
import Testing

/// The e2e lab's verdicts, without the lab: each scenario's distribution export
/// (fixtures/e2e/distributions/) and the real answer LocalStack's SigV4 verifier gave through the
/// nginx edge (fixtures/e2e/captures/). The URL is rebuilt from what the captured
/// SignatureDoesNotMatch body echoes — its canonical query and X-Amz-Date, and SignatureProvided —
/// and for the scenarios whose URL was valid its signature is recomputed with the lab's key
/// (LocalStack's public `test`/`test` credentials). Each cell is judged as `make e2e` judges it:
/// exit 1 and the scenario's cause as the first finding, an error (issue 8 §1–§3).
@Suite struct LabCaptureTests {
    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var cause: RuleID
        /// The host and path the lab's boto3 signed.
        var signedHost: String
        var signedPath: String? = nil
        /// The captured request's URL was changed after signing; the lab's own URL was valid.
        var capturedFromAnotherRequest = false
        /// Cells whose inputs cannot tell the verdict (e2e/scenarios.py `undecidable`).
        var undecidable: Set<String> = []
        var testDescription: String { name }
    }

    static let secret = "test"

    static let scenarios: [Scenario] = [
        Scenario(name: "global-origin", cause: "CFD101", signedHost: "cfd-e2e-global-origin.s3.eu-west-1.amazonaws.com",
                 undecidable: ["cf-nosecret-nobody"]),
        Scenario(name: "host-forwarded", cause: "CFD401", signedHost: "cfd-e2e-host-forwarded.s3.eu-west-1.amazonaws.com"),
        Scenario(name: "origin-path", cause: "CFD105", signedHost: "cfd-e2e-origin-path.s3.eu-west-1.amazonaws.com",
                 signedPath: "/reports/2026/q3.txt", undecidable: ["cf-nosecret-nobody"]),
        Scenario(name: "tampered", cause: "CFD610", signedHost: "cfd-e2e-tampered.s3.eu-west-1.amazonaws.com",
                 undecidable: ["s3-nosecret-nobody", "cf-nosecret-nobody"]),
        Scenario(name: "uppercase-signature", cause: "CFD610", signedHost: "cfd-e2e-uppercase-signature.s3.eu-west-1.amazonaws.com"),
        Scenario(name: "path-style-signed", cause: "CFD102", signedHost: "s3.eu-west-1.amazonaws.com",
                 undecidable: ["cf-nosecret-nobody"]),
        Scenario(name: "cache-cached-403", cause: "CFD303", signedHost: "cfd-e2e-cache-cached-403.s3.eu-west-1.amazonaws.com",
                 capturedFromAnotherRequest: true),
    ]

    struct Capture {
        var text: String
        var canonicalRequest: [String]
        var signatureProvided: String

        init(_ name: String) throws {
            text = try String(contentsOf: Fixtures.repository.appendingPathComponent("fixtures/e2e/captures/\(name).http.txt"),
                              encoding: .utf8)
            canonicalRequest = try #require(Self.element("CanonicalRequest", in: text))
                .replacingOccurrences(of: "&amp;", with: "&").components(separatedBy: "\n")
            signatureProvided = try #require(Self.element("SignatureProvided", in: text))
        }

        static func element(_ name: String, in text: String) -> String? {
            guard let start = text.range(of: "<\(name)>"), let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex)
            else { return nil }
            return String(text[start.upperBound..<end.lowerBound])
        }
    }

    /// The S3 URL the lab handed out, and the time the lab judged it (request time + 60 s).
    static func labURL(_ scenario: Scenario) throws -> (url: String, now: Timestamp) {
        let capture = try Capture(scenario.name)
        let path = scenario.signedPath ?? capture.canonicalRequest[1]
        let query = capture.canonicalRequest[2]
        var signature = capture.signatureProvided
        if scenario.capturedFromAnotherRequest {
            // The body is the cached answer to a tampered URL; the lab's own URL was valid.
            let unsigned = try PresignedURL("https://\(scenario.signedHost)\(path)?\(query)&X-Amz-Signature=\(String(repeating: "0", count: 64))")
            let query = try #require(QueryAuth(unsigned).sigV4)
            signature = try #require(SignatureVerifier.verifySigV4(query, request: ReceivedRequest(unsigned), secret: secret))
                .expectedSignature
            #expect(signature != capture.signatureProvided)
        }
        let url = "https://\(scenario.signedHost)\(path)?\(query)&X-Amz-Signature=\(signature)"
        let date = try #require(QueryAuth(try PresignedURL(url)).sigV4?.amzDate)
        return (url, date + 60)
    }

    static func domainName(_ scenario: Scenario) throws -> String {
        let export = try String(contentsOf: Fixtures.repository.appendingPathComponent(
            "fixtures/e2e/distributions/\(scenario.name).get-distribution.json"), encoding: .utf8)
        let marker = try #require(export.range(of: "\"DomainName\": \"d"))
        return String(export[export.index(before: marker.upperBound)...].prefix { $0 != "\"" })
    }

    @Test func theRebuiltURLsAreTheLabsOwn() throws {
        // With the lab's key the rebuilt URL verifies for the host it was signed for, exactly
        // where the lab says it was valid: proof that the reconstruction is the lab's URL.
        for scenario in Self.scenarios {
            let (text, _) = try Self.labURL(scenario)
            let url = try PresignedURL(text)
            let query = try #require(QueryAuth(url).sigV4)
            let verifies = SignatureVerifier.verifySigV4(query, request: ReceivedRequest(url), secret: Self.secret)?.matches
            let validAsSigned = !["tampered", "uppercase-signature"].contains(scenario.name)
            #expect(verifies == validAsSigned, "\(scenario.name)")
        }
    }

    @Test(arguments: scenarios)
    func everyJudgedCellNamesTheCauseFirst(scenario: Scenario) throws {
        let (s3URL, now) = try Self.labURL(scenario)
        let cloudFrontURL = s3URL.replacingOccurrences(of: scenario.signedHost, with: try Self.domainName(scenario))
        let capture = try Capture(scenario.name)
        for (urlName, url) in [("s3", s3URL), ("cf", cloudFrontURL)] {
            for withSecret in [true, false] {
                for withBody in [true, false] {
                    let cell = "\(urlName)-\(withSecret ? "secret" : "nosecret")-\(withBody ? "body" : "nobody")"
                    guard !scenario.undecidable.contains(cell) else { continue }
                    let result = try Checker.check(CheckRequest(
                        configurations: [try Fixtures.input("fixtures/e2e/distributions/\(scenario.name).get-distribution.json")],
                        urls: [try PresignedURL(url)],
                        errorBody: withBody ? NamedInput(name: "capture", bytes: Array(capture.text.utf8)) : nil,
                        now: now,
                        secrets: FixedSecrets(withSecret ? ["AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_ACCESS_KEY_ID": "test"] : [:])))
                    let first = result.report.findings.first
                    #expect(result.failed, "\(scenario.name) \(cell): \(result.report.findings.map { "\($0.rule):\($0.severity)" })")
                    #expect(first?.rule == scenario.cause && first?.severity == .error,
                            "\(scenario.name) \(cell): \(result.report.findings.map { "\($0.rule):\($0.severity)" })")
                }
            }
        }
    }
}

extension LabCaptureTests {
    /// Every text in every judged cell is true of the configuration: no fix tells to set the origin
    /// DomainName to the value it already has, no bucket is printed as "?", and the error body's
    /// headline names the rule ranked first (issue 8 §2, §3).
    @Test(arguments: scenarios)
    func fixTextsAndNotesAgreeWithTheFindings(scenario: Scenario) throws {
        let (s3URL, now) = try Self.labURL(scenario)
        let export = try String(contentsOf: Fixtures.repository.appendingPathComponent(
            "fixtures/e2e/distributions/\(scenario.name).get-distribution.json"), encoding: .utf8)
        let originDomain = try #require(export.range(of: #""DomainName": "cfd-e2e-"#).map { range in
            String(export[export.index(before: range.upperBound)...].prefix { $0 != "\"" }) })
        let cloudFrontURL = s3URL.replacingOccurrences(of: scenario.signedHost, with: try Self.domainName(scenario))
        for url in [s3URL, cloudFrontURL] {
            for withSecret in [true, false] {
                let result = try Checker.check(CheckRequest(
                    configurations: [try Fixtures.input("fixtures/e2e/distributions/\(scenario.name).get-distribution.json")],
                    urls: [try PresignedURL(url)],
                    errorBody: NamedInput(name: "capture", bytes: Array(try Capture(scenario.name).text.utf8)), now: now,
                    secrets: FixedSecrets(withSecret ? ["AWS_SECRET_ACCESS_KEY": Self.secret] : [:])))
                for finding in result.report.findings {
                    #expect(!finding.fix.contains("DomainName to \(originDomain)"), "\(scenario.name): \(finding.fix)")
                    #expect(!finding.message.contains("?") || finding.message.contains("?X-Amz"), "\(scenario.name): \(finding.message)")
                }
                let first = try #require(result.report.findings.first)
                let headline = try #require(result.report.notes.first)
                if first.confirmed {
                    #expect(headline.contains("most likely \(first.rule.rawValue)"), "\(scenario.name): \(headline)")
                }
            }
        }
    }
}
