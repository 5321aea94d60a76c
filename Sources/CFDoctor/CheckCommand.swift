import ArgumentParser
import CloudFrontModel
import PresignedURLs
import Rules
import S3Errors

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint distributions; with --url, also simulate what CloudFront sends to S3.",
        discussion: """
            Inputs are detected from their content: the JSON of `aws cloudfront get-distribution-config`, \
            `get-distribution`, `list-distributions`, a bare DistributionConfig, and cache / origin request \
            policies (`get-cache-policy`, `list-cache-policies`, …). Use - for standard input.

            Examples:
              cfdoctor check dist.json --url 'https://bucket.s3.eu-west-1.amazonaws.com/key?X-Amz-…'
              cfdoctor check dist.json --signature-lifetime 15m --format json --fail-on warning
            """)

    @Argument(help: ArgumentHelp("Distribution exports and policy files (- for stdin).", valueName: "config"))
    var configs: [String] = []

    @Option(name: .customLong("url"), help: ArgumentHelp("A presigned URL to simulate (repeatable). Either the S3 URL the SDK produced or the CloudFront URL.", valueName: "url"))
    var urls: [String] = []

    @Option(help: ArgumentHelp("A file with one presigned URL per line (- for stdin).", valueName: "file"))
    var urlFile: String?

    @Option(help: ArgumentHelp("The S3 or CloudFront error body the URL got (- for stdin): findings it confirms are marked and ranked first.",
                               valueName: "file"))
    var errorBody: String?

    @Option(name: .customLong("presigned-paths"),
            help: ArgumentHelp("A behavior path pattern (glob) that serves presigned URLs (repeatable); `*` for all.", valueName: "glob"))
    var presignedPaths: [String] = []

    @Option(help: ArgumentHelp("How long presigned URLs live, when no --url gives X-Amz-Expires (900, 15m, 1h).", valueName: "duration"))
    var signatureLifetime: String?

    @Option(help: ArgumentHelp("The longest a presigned object may stay reachable: rounding window + signature lifetime + cache TTL (e.g. 2h).", valueName: "duration"))
    var maxExposure: String?

    @Option(name: .customLong("policies"),
            help: ArgumentHelp("Custom cache / origin request policies (get-cache-policy, list-cache-policies, …) (repeatable).", valueName: "file"))
    var policyFiles: [String] = []

    @Option(help: ArgumentHelp("The environment variable holding the secret access key used to verify signatures "
                               + "(never pass the key itself).", valueName: "name"))
    var secretKeyEnv = "AWS_SECRET_ACCESS_KEY"

    @Option(help: "Fail (exit 1) on findings at or above: error, warning, info, never (default error).")
    var failOn: FailThreshold?

    @Option(name: .customLong("config"),
            help: ArgumentHelp("Settings file; default: the nearest .cfdoctor.yml from the working directory up.", valueName: "file"))
    var configFile: String?

    @Option(name: .customLong("ignore"), help: ArgumentHelp("A rule ID or name to skip (repeatable).", valueName: "rule"))
    var ignoredRules: [String] = []

    @OptionGroup var time: TimeOptions
    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        guard !configs.isEmpty else {
            throw ValidationError("give at least one distribution export; to check a URL on its own, use `cfdoctor url`")
        }
        let stdinUses = (configs + policyFiles + [urlFile, errorBody].compactMap { $0 }).filter { $0 == "-" }.count
        guard stdinUses <= 1 else { throw ValidationError("standard input (-) can be read only once") }
        for rule in ignoredRules where Catalog.rule(rule) == nil {
            throw ValidationError("--ignore \(rule): no such rule (see `cfdoctor rules`)")
        }
    }

    func run() throws {
        var catalog = PolicyCatalog()
        var distributions = [Distribution]()
        for path in configs + policyFiles {
            let input = try InputFiles.load(path)
            if policyFiles.contains(path), !configs.contains(path),
               !input.distributions.isEmpty || (input.cachePolicies.isEmpty && input.originRequestPolicies.isEmpty) {
                throw CommandFailure("\(InputFiles.displayName(path)): --policies expects `aws cloudfront get-cache-policy`, "
                    + "`get-origin-request-policy`, `list-cache-policies` or `list-origin-request-policies` output, found \(input.shape)")
            }
            distributions += input.distributions
            do throws(PolicyConflict) {
                for policy in input.cachePolicies { try catalog.addLoaded(policy) }
                for policy in input.originRequestPolicies { try catalog.addLoaded(policy) }
            } catch {
                throw CommandFailure(error.description)
            }
        }
        if distributions.isEmpty {
            throw CommandFailure("no distribution found in \(configs.joined(separator: ", "))")
        }
        var urlTexts = urls
        if let urlFile {
            let text = String(decoding: try InputFiles.readBytes(urlFile, maximumBytes: 8 << 20), as: UTF8.self)
            urlTexts += text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        }
        let parsedURLs = try urlTexts.map { text in
            do { return try PresignedURL(text) } catch { throw CommandFailure("--url: \(error)") }
        }
        // Flags override .cfdoctor.yml.
        let config = try ConfigFile.locate(explicit: configFile)
        let options = RuleOptions(now: try time.resolvedNow(),
                                  signatureLifetime: try parseDuration(signatureLifetime, flag: "--signature-lifetime")
                                      ?? config?.signatureLifetime,
                                  maxExposure: try parseDuration(maxExposure, flag: "--max-exposure") ?? config?.maxExposure,
                                  presignedPaths: presignedPaths.isEmpty ? config?.presignedPaths ?? [] : presignedPaths)
        let ignored = Set((ignoredRules + (config?.ignore ?? [])).compactMap { Catalog.rule($0)?.id })
        let failOn = self.failOn ?? config?.failOn ?? .error
        let engine = Engine(rules: Catalog.all.filter { !ignored.contains($0.id) }, catalog: catalog)
        let secret = parsedURLs.isEmpty ? nil : SecretKey.read(from: secretKeyEnv)
        var report = engine.run(distributions: distributions, urls: parsedURLs, options: options, now: options.now!,
                                secretKey: secret).overridingSeverities(config?.severity ?? [:])
        if let errorBody {
            report = try Self.applyErrorBody(errorBody, to: report, distributions: distributions)
        }
        switch output.format {
        case .text:
            print(TextReport(report: report, distributions: distributions, style: .detect()).render(), terminator: "")
        case .json:
            print(try JSONReport.render(report))
        }
        if failOn.fails(report) { throw ExitCode(1) }
    }

    /// The body becomes evidence: confirmed findings first, contradictions and the canonical
    /// request comparison as notes.
    static func applyErrorBody(_ path: String, to report: Report, distributions: [Distribution]) throws -> Report {
        let body = try ErrorBodyInput.load(path)
        let explanation = ErrorExplanation(body: body, evidence: Diagnosis(body))
        var report = report
        guard body.kind != .notAnError else {
            report.notes.append("--error-body \(InputFiles.displayName(path)): not used as evidence: \(explanation.verdict)")
            return report
        }
        report = report.applying(explanation.evidence, distributions: distributions)
        report.notes.insert("Error body: \(explanation.verdict). \(explanation.evidence.meaning)", at: 0)
        return report
    }
}
