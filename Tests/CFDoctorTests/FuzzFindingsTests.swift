import Foundation
import Reporters
import Testing

/// Regressions for what the 10-minute fuzz runs found (Fuzz/README.md), each the input libFuzzer
/// wrote, kept in fixtures/fuzz-findings/: the secret key in the environment never reaches any
/// output, wherever in the input it was pasted, and a signature that must be hidden is hidden
/// however often the URL repeats it.
struct FuzzFindingsTests {
    static let key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let keyForms = [key, "wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY"]

    static func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("fuzz-findings/\(name)"))), as: UTF8.self)
    }

    static func everyFormat(_ arguments: [String]) throws -> [(format: String, status: Int32, output: String)] {
        try Reporters.all.map { reporter in
            let result = try CLI.run(arguments + ["--format", reporter.name], environment: ["AWS_SECRET_ACCESS_KEY": key])
            return (reporter.name, result.status, result.stdout + result.stderr)
        }
    }

    /// url: the key inside X-Amz-Algorithm (a mangled URL): echoed in the parameter's message.
    @Test func theKeyInsideAURLParameterIsNeverPrinted() throws {
        let url = try Self.text("url-secret-key-in-a-parameter.url")
        for redact in [[], ["--redact"]] {
            for run in try Self.everyFormat(["url", url, "--now", "2020-01-01T00:00:00Z"] + redact) {
                #expect(run.status < 2, "\(run.format): \(run.output.prefix(300))")
                #expect(!Self.keyForms.contains { run.output.contains($0) }, "url --format \(run.format) \(redact) printed the secret key")
            }
        }
    }

    /// cloudformation, terraform: the key inside a template's `!Sub` reference, and inside a state's
    /// resource type, reached the output through names the fields do not scrub.
    @Test(arguments: ["cloudformation-secret-key-in-a-reference.yaml", "terraform-secret-key-in-a-plan.json"])
    func theKeyInsideInfrastructureCodeIsNeverPrinted(fixture: String) throws {
        for run in try Self.everyFormat(["check", CLI.fixture("fuzz-findings/\(fixture)"), "--region", "eu-west-1"]) {
            #expect(run.status < 2, "\(run.format): \(run.output.prefix(300))")
            #expect(!Self.keyForms.contains { run.output.contains($0) }, "\(fixture) --format \(run.format) printed the secret key")
        }
    }

    /// cfurl: `Signature` given twice; only the first was known to redaction, so --redact and the
    /// structured formats printed the second.
    @Test func everyRepeatedSignatureIsRedacted() throws {
        let url = try Self.text("cfurl-repeated-signature.url").components(separatedBy: "\n").first ?? ""
        let signatures = url.components(separatedBy: "&").filter { $0.hasPrefix("Signature=") || $0.hasPrefix("X-Amz-Signature=") }
            .map { String($0.split(separator: "=", maxSplits: 1).last ?? "") }.filter { $0.count >= 8 }
        #expect(signatures.count >= 3)
        for run in try Self.everyFormat(["url", url, "--redact", "--now", "2026-01-01T17:00:00Z"]) where run.status < 2 {
            for signature in signatures {
                #expect(!run.output.contains(signature), "url --redact --format \(run.format) printed \(signature.prefix(12))…")
            }
        }
    }

    /// json: a YAML mapping with a mapping as a repeated key: Yams' position for the duplicate
    /// changed from run to run. The error must be the same line every time.
    @Test func aDuplicateComplexKeyGivesTheSameErrorEveryRun() throws {
        let path = CLI.fixture("fuzz-findings/json-duplicate-complex-keys.yaml")
        let first = try CLI.run(["check", path])
        #expect(first.status == 2)
        #expect(first.stderr.contains("duplicate key"))
        for _ in 0..<4 {
            #expect(try CLI.run(["check", path]).stderr == first.stderr)
        }
    }
}
