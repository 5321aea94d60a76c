import ArgumentParser
import Checking
import Reporters
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

    @Argument(help: ArgumentHelp("Distribution exports, CloudFormation templates, Terraform plan/state JSON and policy files (- for stdin).", valueName: "config"))
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

    @OptionGroup var ignore: IgnoreOptions

    @Option(help: ArgumentHelp("The AWS region a CloudFormation stack deploys to (AWS::Region, RegionalDomainName), "
        + "or of a Terraform plan whose provider names none. Without it such values stay unknown.", valueName: "region"))
    var region: String?

    @Option(name: .customLong("parameter"),
            help: ArgumentHelp("A CloudFormation parameter value for the deployment, Key=Value (repeatable); others use their Default.",
                               valueName: "key=value"))
    var parameters: [String] = []

    @OptionGroup var time: TimeOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "CloudFront signed URLs and cookies") var cloudFrontKeys: CloudFrontKeyOptions
    @OptionGroup var limits: InputLimitOptions

    mutating func validate() throws {
        guard !configs.isEmpty else {
            throw ValidationError("give at least one distribution export, template or plan; to check a URL on its own, use `cfdoctor url`")
        }
        if let region, !Self.looksLikeRegion(region) {
            throw ValidationError("--region \(region): not an AWS region name (like eu-west-1 or us-gov-west-1)")
        }
        for parameter in parameters where !parameter.contains("=") || parameter.hasPrefix("=") {
            throw ValidationError("--parameter \(parameter): expected Key=Value")
        }
        let stdinUses = (configs + policyFiles + [urlFile, errorBody].compactMap { $0 }).filter { $0 == "-" }.count
        guard stdinUses <= 1 else { throw ValidationError("standard input (-) can be read only once") }
    }

    /// `eu-west-1`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-5`: letters-dashes-digit.
    static func looksLikeRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    func run() throws {
        // Each URL with where it came from, so errors name --url or file:line.
        var urlTexts = urls.map { (text: $0, source: "--url") }
        if let urlFile {
            let bytes = try InputFiles.readBytes(urlFile, limit: limits.limit.capped(at: 8 << 20, "a URL file"))
            let name = InputFiles.displayName(urlFile)
            // Blank lines and # comments are skipped; line numbers count every line.
            for line in try URLText.lines(bytes, name: name) {
                let trimmed = line.text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
                guard !trimmed.hasPrefix("#") else { continue }
                urlTexts.append((String(trimmed), "\(name):\(line.number)"))
            }
        }
        let parsedURLs = try urlTexts.map { url in
            if let hint = URLInputMistakes.hint(for: url.text) { throw InputFailure("\(url.source): \(hint)") }
            do { return try PresignedURL(url.text) } catch { throw InputFailure("\(url.source): \(error)") }
        }
        let flags = Settings(
            failOn: failOn,
            ignore: ignore.suppressions,
            signatureLifetime: try parseDuration(signatureLifetime, flag: "--signature-lifetime"),
            maxExposure: try parseDuration(maxExposure, flag: "--max-exposure"),
            presignedPaths: presignedPaths)
        let settings = (try SettingsFile.locate(explicit: configFile) ?? Settings()).overridden(by: flags)
        let result = try Checker.check(CheckRequest(
            configurations: try configs.map { path throws(InputFailure) in try InputFiles.named(path, limit: limits.limit) },
            policies: try policyFiles.filter { !configs.contains($0) }.map { path throws(InputFailure) in try InputFiles.named(path, limit: limits.limit) },
            urls: parsedURLs,
            errorBody: try errorBody.map { path throws(InputFailure) in try InputFiles.named(path, limit: limits.limit.capped(at: ErrorBody.maximumBytes, "an error body")) },
            settings: settings, now: try time.resolvedNow(), secretKeyVariable: secretKeyEnv,
            cloudFront: try cloudFrontKeys.validated(parsedURLs, now: try time.resolvedNow()), region: region,
            parameters: Dictionary(parameters.map { parameter in
                let (key, value) = parameter.split(separator: "=", maxSplits: 1).map(String.init).pair
                return (key, value)
            }, uniquingKeysWith: { _, last in last })))
        output.emit(Presentation(redacting: result))
        if result.failed { throw ExitCode(1) }
    }
}

extension Array where Element == String {
    /// `["Key", "Value"]` → ("Key", "Value"); a missing value is "" (`Key=`).
    fileprivate var pair: (String, String) { (first ?? "", count > 1 ? self[1] : "") }
}
