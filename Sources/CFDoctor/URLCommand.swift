import ArgumentParser
import Checking
import PresignedURLs

/// `cfdoctor url <URL|->`: decode one presigned URL, judge it on its own (CFD601–CFD609, CFD611),
/// and with a secret key from the environment verify its signature as it stands.
struct URLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "url",
        abstract: "Decode and check one presigned URL: fields, expiry and time left, region, host style, intrinsic rules.",
        discussion: """
            The secret key is read from an environment variable (default AWS_SECRET_ACCESS_KEY, see \
            --secret-key-env), never from an argument, and never printed. With it, the signature is verified \
            for the URL exactly as it stands (host, path and query sent straight to S3).

            JSON output always redacts the signature and the session token; text output shows them only for \
            the URL you gave, unless --redact.

            Examples:
              cfdoctor url 'https://bucket.s3.eu-west-1.amazonaws.com/key?X-Amz-Algorithm=…'
              pbpaste | cfdoctor url - --redact
              AWS_SECRET_ACCESS_KEY=… cfdoctor url "$URL" --format json
            """)

    @Argument(help: ArgumentHelp("The presigned URL, or - to read one URL from standard input.", valueName: "url"))
    var url: String

    @Flag(help: "Replace the signature and session token, so the output can be pasted into a review.")
    var redact = false

    @Option(help: ArgumentHelp("The environment variable holding the secret access key.", valueName: "name"))
    var secretKeyEnv = "AWS_SECRET_ACCESS_KEY"

    @Option(help: "Fail (exit 1) on findings at or above: error, warning, info, never.")
    var failOn: FailThreshold = .error

    @OptionGroup var ignore: IgnoreOptions
    @OptionGroup var time: TimeOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "CloudFront signed URLs and cookies") var cloudFrontKeys: CloudFrontKeyOptions
    @OptionGroup var limits: InputLimitOptions

    mutating func validate() throws {
        guard !secretKeyEnv.isEmpty, !secretKeyEnv.contains("=") else {
            throw ValidationError("--secret-key-env needs the name of an environment variable")
        }
    }

    func run() throws {
        let parsed: PresignedURL
        do {
            let text = try urlText()
            if let hint = URLInputMistakes.hint(for: text) { throw URLInputError(hint) }
            parsed = try PresignedURL(text)
        } catch let error as URLInputError {
            throw InputFailure("\(url == "-" ? "<stdin>" : "url"): \(error.message)")
        }
        let now = try time.resolvedNow()
        let result = URLChecker.check(parsed, now: now, settings: Settings(failOn: failOn, ignore: ignore.suppressions),
                                      secretKeyVariable: secretKeyEnv, cloudFront: try cloudFrontKeys.validated([parsed], now: now))
        output.emit(Presentation(redacting: result, showingURLAsGiven: !redact && output.reporter.echoesURLAsGiven))
        if result.failed { throw ExitCode(1) }
    }

    /// The argument, or exactly one non-blank line of standard input.
    func urlText() throws -> String {
        guard url == "-" else { return url }
        let bytes = try InputFiles.readBytes("-", limit: limits.limit.capped(at: 1 << 20, "a URL on standard input"))
        let lines = try URLText.lines(bytes, name: "<stdin>")
        guard lines.count <= 1 else {
            throw URLInputError("standard input holds \(lines.count) lines; `cfdoctor url -` reads one URL (use `check --url-file` for many)")
        }
        return lines.first?.text ?? ""
    }
}
