import ArgumentParser
import Checking
import PresignedURLs
#if canImport(Glibc)
import Glibc
#endif

/// `--now`: the time expiry is judged against.
struct TimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The time to judge expiry against (RFC 3339 or 20180930T145820Z); default: now.",
                               valueName: "time"))
    var now: String?

    func resolvedNow() throws(InputFailure) -> Timestamp { try Self.resolve(now) }

    /// A `--now` value, or the clock when there is none.
    static func resolve(_ now: String?) throws(InputFailure) -> Timestamp {
        guard let now else {
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return Timestamp(seconds: Int64(spec.tv_sec))
        }
        guard let parsed = Timestamp.parse(now) else {
            throw InputFailure("--now '\(now)' is not a time: use RFC 3339 (2018-09-30T14:58:20Z) or 20180930T145820Z")
        }
        return parsed
    }
}

extension FailThreshold: ExpressibleByArgument {}

/// A duration flag's value in seconds.
func parseDuration(_ text: String?, flag: String) throws(InputFailure) -> Int64? {
    guard let text else { return nil }
    guard let seconds = DurationText.parse(text) else {
        throw InputFailure("\(flag) '\(text)' is not a duration: use 900, 90s, 15m, 1h or 1h30m")
    }
    return seconds
}
