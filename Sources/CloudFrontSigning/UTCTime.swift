import PresignedURLs

/// Unix seconds as UTC text (`2026-01-01T18:00:00Z`) and durations as `1d 2h 3m 4s`, without Foundation.
public enum UTCTime {
    /// The same civil-calendar conversion SigV4 timestamps use, so both signature families print
    /// times alike.
    public static func format(_ seconds: Int64) -> String {
        Timestamp(seconds: seconds).rfc3339
    }

    public static func span(_ seconds: Int64) -> String {
        var rest = max(seconds, 0)
        var parts = [String]()
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        if rest > 0 || parts.isEmpty { parts.append("\(rest)s") }
        return parts.prefix(2).joined(separator: " ")
    }
}
