import ArgumentParser
import Checking
import Reporters

/// `--format`: the choices are the reporters' registry.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(Reporters.names.joined(separator: ", ")).", valueName: "format"))
    var format = FormatName(TextReporter.name)

    var reporter: any Reporter.Type { Reporters.named(format.name) ?? TextReporter.self }

    /// Prints a presentation in the chosen format.
    func emit(_ presentation: Presentation) {
        print(reporter.init(style: .detect()).render(presentation), terminator: "")
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
}
