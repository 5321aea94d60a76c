import ArgumentParser
import Checking
import PresignedURLs
import Reporters
#if canImport(Glibc)
import Glibc
#endif

@main
struct CFDoctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cfdoctor",
        abstract: "Diagnose CloudFront distributions that serve private S3 objects through S3 presigned URLs.",
        discussion: """
            Exit status: 0 nothing at or above the --fail-on threshold, 1 findings at or above it, \
            2 usage or input error.
            """,
        version: ToolInfo.version,
        subcommands: [CheckCommand.self, URLCommand.self, ErrorCommand.self, RulesCommand.self, PresignCommand.self,
                      SignCloudFrontCommand.self])

    /// swift-argument-parser exits 64 on usage errors; cfdoctor promises 2 (SPEC §3), and one
    /// clear line rather than a stack trace for everything else.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch let failure as InputFailure {
            printError("cfdoctor: \(failure.message)")
            Glibc.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)
            }
            printError(usageLine(for: error))
            Glibc.exit(2)
        }
    }

    /// A usage error as one line, like every other exit-2 message: the parser's message, then
    /// where help is (its full message adds the usage lines and a "See '… --help'" line).
    static func usageLine(for error: any Error) -> String {
        let first = message(for: error).split(whereSeparator: { $0.isNewline })
            .map { $0.drop(while: { $0 == " " }) }.first(where: { !$0.isEmpty })
        var text = first.map(String.init) ?? "invalid arguments"
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        if text.hasSuffix(".") { text.removeLast() }
        let full = fullMessage(for: error)
        let help = full.range(of: "See '").flatMap { start in
            full[start.upperBound...].firstIndex(of: "'").map { String(full[start.upperBound..<$0]) }
        } ?? "cfdoctor --help"
        return "cfdoctor: \(redactingArguments(text)) (see '\(help)')"
    }

    /// The parser echoes an argument it did not expect, which may be a presigned URL or the secret
    /// key itself: such an argument is shown redacted, as everywhere else (no secret is printed).
    static func redactingArguments(_ text: String) -> String {
        var text = text
        var secrets = [String]()
        if let key = getenv("AWS_SECRET_ACCESS_KEY").map({ String(cString: $0) }), key.utf8.count >= 8 { secrets.append(key) }
        for argument in CommandLine.arguments.dropFirst() {
            // `--url=https://…` as well as the URL alone.
            let value = argument.hasPrefix("-") ? argument.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) : argument
            guard let value, value.contains("?"), let url = try? PresignedURL(value) else { continue }
            text = text.split(separator: value, omittingEmptySubsequences: false).joined(separator: url.redacted)
        }
        for secret in secrets {
            text = text.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "REDACTED")
        }
        return text
    }
}

/// Standard error, written whole (a short write is retried).
func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if written <= 0 { break }
        offset += written
    }
}
