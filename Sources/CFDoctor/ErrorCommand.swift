import ArgumentParser
import Checking
import S3Errors

struct ErrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "error",
        abstract: "Explain an S3 or CloudFront error body: its fields, what it means here, and which rules explain it.",
        discussion: """
            Reads S3 <Error> XML, CloudFront's own XML errors and HTML error pages, with or without the HTTP \
            status line and headers in front (as `curl -i` prints them). UTF-8 or UTF-16 with a byte-order mark. \
            Nothing is fetched and no entity is expanded. Use - for standard input.

            Examples:
              curl -si 'https://d111111abcdef8.cloudfront.net/key?X-Amz-…' | cfdoctor error -
              cfdoctor error body.xml --format json
            """)

    @Argument(help: ArgumentHelp("The error body (- for stdin).", valueName: "file"))
    var file: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var limits: InputLimitOptions

    func run() throws {
        let input = try InputFiles.named(file, limit: limits.limit.capped(at: ErrorBody.maximumBytes, "an error body"))
        let body = try InputDocuments.errorBody(input)
        // Nothing to explain is an input error (issue 8 §3): one line, exit 2.
        if body.kind == .notAnError {
            throw InputFailure("\(input.name): not an S3 or CloudFront error body (\(body.notAnErrorReason ?? "unrecognised input"))")
        }
        output.emit(Presentation(redacting: ErrorExplanation(body: body)))
    }
}
