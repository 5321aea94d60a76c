/// The status line and headers in front of a pasted body: `HTTP/1.1 403 Forbidden` + headers + a
/// blank line (a raw capture or `curl -i`, which prints every response of the exchange, e.g.
/// `HTTP/1.1 100 Continue` first), or `curl -v`'s `< ` lines among `* ` and `> ` lines.
public struct HTTPResponseHead: Sendable, Equatable {
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public var version: String
    public var status: Int
    public var reason: String
    public var headers: [Header]

    public func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Splits `text` into the last response head (if any) and the body, with the number of lines
    /// the head took so positions in the body can be reported in the user's file.
    static func split(_ text: String) -> (head: HTTPResponseHead?, body: String, bodyLineOffset: Int) {
        // "\r\n" is one Character in Swift, so split on both.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var index = 0
        var head: HTTPResponseHead?
        func cleaned(_ line: Substring) -> Substring {
            var line = line
            if line.hasSuffix("\r") { line = line.dropLast() }
            line = line.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("< ") { line = line.dropFirst(2) }  // curl -v response lines
            return line
        }
        func isCurlNoise(_ line: Substring) -> Bool {
            line.hasPrefix("* ") || line.hasPrefix("> ") || line == ">" || line == "<" || line == "*" || line.hasPrefix("{ [") || line.hasPrefix("} [")
        }
        while index < lines.count {
            let line = cleaned(lines[index])
            if line.isEmpty || isCurlNoise(line) { index += 1; continue }
            guard let status = statusLine(line) else { break }
            var current = status
            index += 1
            while index < lines.count {
                let headerLine = cleaned(lines[index])
                if headerLine.isEmpty || headerLine == "<" { break }
                if let colon = headerLine.firstIndex(of: ":") {
                    current.headers.append(Header(name: String(headerLine[..<colon]),
                                                  value: String(headerLine[headerLine.index(after: colon)...]).trimmingWhitespace()))
                }
                index += 1
            }
            head = current
        }
        guard head != nil else { return (nil, text, 0) }
        return (head, lines[min(index, lines.count)...].joined(separator: "\n"), index)
    }

    /// `HTTP/1.1 403 Forbidden`, `HTTP/2 403`, `HTTP/2.0 301 Moved Permanently`.
    private static func statusLine(_ line: Substring) -> HTTPResponseHead? {
        guard line.hasPrefix("HTTP/") else { return nil }
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[1].count == 3, let status = Int(parts[1]) else { return nil }
        return HTTPResponseHead(version: String(parts[0]), status: status,
                                reason: parts.count > 2 ? String(parts[2]).trimmingWhitespace() : "", headers: [])
    }
}
