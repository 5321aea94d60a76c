import ArgumentParser
import Checking
import Reporters

/// `--format` and `--output`: the choices are the reporters' registry.
///
/// Without `--output` the report in `--format` goes to standard output. With `--output FILE` it
/// goes to FILE instead (written atomically), and standard output shows the text report for the
/// people reading the CI log: one run gives a SARIF file to upload and a readable log.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(Reporters.names.joined(separator: ", ")).", valueName: "format"))
    var format = FormatName(TextReporter.name)

    @Option(help: ArgumentHelp("Write the --format report to this file (atomically: a temporary file in the same directory, "
                               + "renamed); standard output then shows the text report.", valueName: "file"))
    var output: String?

    var reporter: any Reporter.Type { Reporters.named(format.name) ?? TextReporter.self }

    func validate() throws {
        if let output, output.isEmpty || output == "-" {
            throw ValidationError("--output needs a file name (without --output the report goes to standard output)")
        }
    }

    /// Prints a presentation in the chosen format, or writes it to --output and prints text.
    func emit(_ presentation: Presentation) throws(InputFailure) {
        let style = TerminalStyle.detect()
        guard let output else {
            print(reporter.init(style: style).output(presentation), terminator: "")
            return
        }
        try ReportFile.write(reporter.init(style: .plain).output(presentation), to: output)
        print(TextReporter(style: style).output(presentation), terminator: "")
    }
}

/// A `--format` value: the name of a registered reporter.
struct FormatName: ExpressibleByArgument {
    var name: String

    init(_ name: String) { self.name = name }

    init?(argument: String) {
        guard Reporters.named(argument) != nil else { return nil }
        name = argument
    }

    var defaultValueDescription: String { name }
    static var allValueStrings: [String] { Reporters.names }
    /// Shell completions offer the registered formats.
    static var defaultCompletionKind: CompletionKind { .list(Reporters.names) }
}
