import ArgumentParser
import PresignedURLs
import Rules

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    /// Whether a report fails at this threshold.
    func fails(_ report: Report) -> Bool {
        switch self {
        case .never: false
        case .error: report.count(.error) > 0
        case .warning: report.count(.error) + report.count(.warning) > 0
        case .info: !report.findings.isEmpty
        }
    }
}

/// `--now`, `--format`: options several commands share.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, json.")
    var format: OutputFormat = .text
}

struct TimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The time to judge expiry against (RFC 3339 or 20180930T145820Z); default: now.",
                               valueName: "time"))
    var now: String?

    func resolvedNow() throws -> Timestamp {
        guard let now else { return Timestamp(seconds: Int64(currentUnixTime())) }
        guard let parsed = Timestamp.parse(now) else {
            throw CommandFailure("--now '\(now)' is not a time: use RFC 3339 (2018-09-30T14:58:20Z) or 20180930T145820Z")
        }
        return parsed
    }
}

func parseDuration(_ text: String?, flag: String) throws -> Int64? {
    guard let text else { return nil }
    guard let seconds = DurationText.parse(text) else {
        throw CommandFailure("\(flag) '\(text)' is not a duration: use 900, 90s, 15m, 1h or 1h30m")
    }
    return seconds
}

#if canImport(Glibc)
import Glibc
#endif

func currentUnixTime() -> Int {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return spec.tv_sec
}
