/// Durations as users type them (`900`, `90s`, `15m`, `1h`, `1h30m`, `7d`) and as cfdoctor prints them.
public enum DurationText {
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingWhitespace().lowercased()
        guard !trimmed.isEmpty else { return nil }
        if let seconds = Int64(trimmed) { return seconds >= 0 ? seconds : nil }
        var total: Int64 = 0
        var number: Int64?
        var lastUnit = Int64.max
        for character in trimmed {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
                guard !overflow1, !overflow2 else { return nil }
                number = sum
                continue
            }
            let unit: Int64
            switch character {
            case "d": unit = 86_400
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            // Units must come once each, largest first: "1h30m", not "30m1h" or "1h1h".
            guard let value = number, unit < lastUnit else { return nil }
            let (product, overflow1) = value.multipliedReportingOverflow(by: unit)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2 else { return nil }
            total = sum
            lastUnit = unit
            number = nil
        }
        return number == nil ? total : nil
    }

    /// `1h30m`, `15m`, `7d`, `0s`.
    public static func format(_ seconds: Int64) -> String {
        guard seconds > 0 else { return seconds == 0 ? "0s" : "-" + format(-seconds) }
        var rest = seconds
        var out = ""
        for (unit, suffix) in [(Int64(86_400), "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
            out += "\(rest / unit)\(suffix)"
            rest %= unit
        }
        return out
    }

    /// `86400 s (1d)` for arithmetic shown to users.
    public static func explain(_ seconds: Int64) -> String {
        seconds < 60 ? "\(seconds) s" : "\(seconds) s (\(format(seconds)))"
    }
}
