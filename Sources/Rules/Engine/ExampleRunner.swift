import CloudFrontModel
import PresignedURLs

/// Runs a rule's own examples through the whole pipeline (parse → model → simulation → rules),
/// so the examples `cfdoctor rules ID` prints are proven by the test suite.
public enum ExampleRunner {
    public struct Outcome: Sendable {
        /// Findings of the rule under test.
        public var findings: [Finding]
        /// Marker positions (line, column) in the config.
        public var markers: [(line: Int, column: Int)]
        /// Why the example could not run, if it could not.
        public var failure: String?
    }

    /// A fixed "now" for examples without one, so expiry never depends on the day tests run.
    public static let defaultNow = Timestamp.parse("2018-09-30T15:00:00Z")!

    public static func run(_ example: RuleExample, for rule: Rule, engine: Engine = Engine()) -> Outcome {
        var distributions = [Distribution]()
        var markers = [(line: Int, column: Int)]()
        if let stripped = example.strippedConfig {
            markers = stripped.markers
            do {
                let document = try Document.parse(stripped.text, file: "example.json")
                distributions = try InputLoader.load(document).distributions
            } catch {
                return Outcome(findings: [], markers: markers, failure: "config does not load: \(error)")
            }
        }
        var urls = [PresignedURL]()
        if let text = example.url {
            do {
                urls.append(try PresignedURL(text))
            } catch {
                return Outcome(findings: [], markers: markers, failure: "URL does not parse: \(error)")
            }
        }
        let now = example.options.now ?? defaultNow
        let report = engine.run(distributions: distributions, urls: urls, options: example.options, now: now,
                                secretKey: example.secretKey)
        return Outcome(findings: report.findings.filter { $0.rule == rule.id }, markers: markers, failure: nil)
    }
}
