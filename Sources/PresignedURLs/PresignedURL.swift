/// A presigned (or plain) S3 URL, split exactly as S3 will read it.
public struct PresignedURL: Sendable {
    public struct Parameter: Sendable, Equatable {
        /// As written in the URL, still percent-encoded.
        public var rawName: Substring
        public var rawValue: Substring
        public var name: String
        public var value: String
        /// False for `name` without `=`.
        public var hasEquals: Bool
    }

    /// URLs longer than this are refused outright. CloudFront's own limit for a URL is 8,192 bytes
    /// (CloudFront Developer Guide, "Quotas": "Maximum length of a URL").
    public static let maximumLength = 64 * 1024

    public var original: String
    public var scheme: String
    public var host: String
    public var port: Int?
    /// The path as written (percent-encoded), "/" when empty.
    public var rawPath: Substring
    public var parameters: [Parameter]
    public var endpoint: S3Endpoint?
    /// Encoding problems found while decoding the path and query (CFD611 reports them).
    public var encodingProblems: [EncodingProblem]

    public struct EncodingProblem: Sendable, Equatable {
        public enum Part: String, Sendable { case path, query }
        public var part: Part
        public var detail: String
    }

    public init(_ text: String) throws(URLInputError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw URLInputError("empty URL") }
        guard trimmed.utf8.count <= Self.maximumLength else {
            throw URLInputError("URL is \(trimmed.utf8.count) bytes; the limit is \(Self.maximumLength) (CloudFront accepts at most 8,192)")
        }
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw URLInputError("not an http(s) URL: expected it to start with https://")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw URLInputError("unsupported scheme '\(scheme)': expected https:// or http://")
        }
        if trimmed.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            throw URLInputError("the URL contains whitespace: was it split across lines or pasted with a space?")
        }
        let afterScheme = trimmed[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        guard !authority.isEmpty else { throw URLInputError("the URL has no host") }
        guard !authority.contains("@") else { throw URLInputError("URLs with user information (user@host) are not S3 URLs") }
        var hostPart = authority
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65535).contains(number) else {
                throw URLInputError("invalid port in '\(authority)'")
            }
            port = number
            hostPart = authority[..<colon]
        }
        var rest = afterScheme[authorityEnd...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let queryStart = rest.firstIndex(of: "?")
        let path = queryStart.map { rest[..<$0] } ?? rest
        let query = queryStart.map { rest[rest.index(after: $0)...] } ?? ""

        self.original = trimmed
        self.scheme = scheme
        self.host = hostPart.lowercased()
        self.port = port
        self.rawPath = path.isEmpty ? "/" : path
        self.endpoint = S3Endpoint.parse(host: String(hostPart))
        var problems = [EncodingProblem]()
        for problem in PercentEncoding.decode(rawPath).problems {
            problems.append(EncodingProblem(part: .path, detail: problem.text))
        }
        var parameters = [Parameter]()
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let equals = piece.firstIndex(of: "=")
            let rawName = equals.map { piece[..<$0] } ?? piece
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? ""
            let name = PercentEncoding.decode(rawName, plusAsSpace: true)
            // S3 reads a literal '+' in the query as a space (form decoding; docs/aws-facts.md #7).
            let value = PercentEncoding.decode(rawValue, plusAsSpace: true)
            for problem in name.problems + value.problems {
                problems.append(EncodingProblem(part: .query, detail: "\(problem.text) in '\(rawName)'"))
            }
            if rawValue.contains("+") {
                problems.append(EncodingProblem(
                    part: .query,
                    detail: "a literal '+' in the value of '\(name.value)' is ambiguous: S3 reads it as a space; encode a plus as %2B and a space as %20"))
            }
            parameters.append(Parameter(rawName: rawName, rawValue: rawValue, name: name.value, value: value.value,
                                        hasEquals: equals != nil))
        }
        self.parameters = parameters
        self.encodingProblems = problems
    }

    /// The decoded path, e.g. `/folder/my file.txt`.
    public var path: String { PercentEncoding.decode(rawPath).value }

    /// The first parameter named exactly `name` (S3 parameter names are case-sensitive).
    public func value(_ name: String) -> String? {
        parameters.first(where: { $0.name == name })?.value
    }

    public func count(of name: String) -> Int {
        parameters.count(where: { $0.name == name })
    }

    /// Bucket and key: from the host for virtual-hosted URLs, from the first path segment for
    /// path-style ones.
    public var bucketAndKey: (bucket: String?, key: String) {
        let decoded = path
        let withoutSlash = decoded.hasPrefix("/") ? String(decoded.dropFirst()) : decoded
        guard let endpoint, endpoint.addressing == .path else { return (endpoint?.bucket, withoutSlash) }
        guard let slash = withoutSlash.firstIndex(of: "/") else { return (withoutSlash.isEmpty ? nil : withoutSlash, "") }
        return (String(withoutSlash[..<slash]), String(withoutSlash[withoutSlash.index(after: slash)...]))
    }
}

extension PercentEncoding.Problem {
    var text: String {
        switch self {
        case .invalidEscape(let escape): "invalid percent escape '\(escape)'"
        case .notUTF8: "percent escapes that do not decode to UTF-8"
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

extension Substring {
    func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

extension String {
    func range(of needle: String) -> Range<Index>? {
        guard let range = self[...].range(of: needle) else { return nil }
        return range
    }
}
