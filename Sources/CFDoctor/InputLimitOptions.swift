import ArgumentParser
import Documents

/// `--max-input-size` on every command that reads files.
struct InputLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-input-size"),
            help: ArgumentHelp("Refuse any input file larger than this: bytes, or with a K, M or G suffix (powers of 1024).",
                               valueName: "size"))
    var maxInputSize = ByteCount(SourceText.defaultMaximumBytes)

    var limit: InputLimit { .flag(maxInputSize.bytes) }
}

/// A size given on the command line: `1048576`, `64K`, `256M`, `1G` (also `256MB`, `256MiB`).
struct ByteCount: ExpressibleByArgument {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        var digits = Substring(argument.uppercased())
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits = digits.dropLast(suffix.count)
            break
        }
        var shift = 0
        switch digits.last {
        case "K": shift = 10
        case "M": shift = 20
        case "G": shift = 30
        default: break
        }
        if shift > 0 { digits = digits.dropLast() }
        guard let value = Int(digits), value > 0, value <= Int.max >> shift else { return nil }
        bytes = value << shift
    }

    var defaultValueDescription: String { Self.describe(bytes, units: ["G", "M", "K"]) }

    /// `256 MiB` for whole mebibytes (and so on), else the byte count: for messages.
    static func describe(_ bytes: Int, units: [String] = [" GiB", " MiB", " KiB"]) -> String {
        for (shift, unit) in zip([30, 20, 10], units) where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift)\(unit)"
        }
        return "\(bytes) bytes"
    }
}
