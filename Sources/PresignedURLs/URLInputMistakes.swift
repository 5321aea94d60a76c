/// Mistakes people make when they hand cfdoctor a URL (issue 8 §5), recognised before the URL is
/// judged, each with a one-line hint. A URL pasted from HTML source carries `&amp;`; a URL passed
/// to a shell unquoted is cut at its first `&` (the rest runs as background commands).
public enum URLInputMistakes {
    /// The hint for `text`, or nil when it shows neither mistake.
    public static func hint(for text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard let queryStart = trimmed.firstIndex(of: "?") else { return nil }
        let query = trimmed[trimmed.index(after: queryStart)...]
        if query.contains("&amp;") {
            return "the URL is HTML-escaped (it contains &amp;, as in an HTML page's source): replace every &amp; with & "
                + "and pass it again"
        }
        let names = query.split(separator: "&").map { $0.prefix { $0 != "=" } }
        let sigV4 = names.filter { $0.hasPrefix("X-Amz-") }
        if names.count == 1, sigV4.count == 1, !query.contains("X-Amz-Signature=") {
            return "the URL ends after its first parameter (\(names[0])): an unquoted shell cuts a URL at the first &; "
                + "put the whole URL in single quotes"
        }
        return nil
    }

    /// A file argument that is really a URL: the message, with the signature and token redacted.
    public static func urlGivenAsFile(_ path: String, expected: String) -> String? {
        let lower = path.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let shown = (try? PresignedURL(path))?.redacted ?? "a URL"
        return "\(shown): is a URL, not a file; \(expected)"
    }
}
