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
        // Scanning works on UTF-8 bytes: every delimiter (":/?#&=@") is ASCII, so byte positions
        // are valid String indices, and byte scans are many times faster than Character scans
        // (grapheme breaking) — this parser runs once per verification (bench/RESULTS.md).
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw URLInputError("empty URL") }
        guard trimmed.utf8.count <= Self.maximumLength else {
            throw URLInputError("URL is \(trimmed.utf8.count) bytes; the limit is \(Self.maximumLength) (CloudFront accepts at most 8,192)")
        }
        let bytes = trimmed.utf8
        guard let schemeEnd = Self.schemeSeparator(in: bytes) else {
            throw URLInputError("not an http(s) URL: expected it to start with https://")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw URLInputError("unsupported scheme '\(scheme)': expected https:// or http://")
        }
        if bytes.withContiguousStorageIfAvailable({ $0.contains(where: Self.isWhitespace) }) ?? bytes.contains(where: Self.isWhitespace) {
            throw URLInputError("the URL contains whitespace: was it split across lines or pasted with a space?")
        }
        // A raw NUL or other control character is no URL a browser or SDK sends (they are
        // percent-encoded): it is a damaged paste, and must not reach the key or a header.
        // Over the contiguous bytes: the generic UTF8View walk made this check cost as much as
        // the rest of parsing (SigV4 verifications/s 45k -> 26k, bench/VerifyBench).
        let isControl = { (byte: UInt8) in byte < 0x20 || byte == 0x7F }
        let controlOffset = bytes.withContiguousStorageIfAvailable { $0.firstIndex(where: isControl) }
            ?? bytes.firstIndex(where: isControl).map { bytes.distance(from: bytes.startIndex, to: $0) }
        if let position = controlOffset {
            let byte = bytes[bytes.index(bytes.startIndex, offsetBy: position)]
            let code = String(byte, radix: 16, uppercase: true)
            throw URLInputError("the URL contains the control character 0x\(code.count < 2 ? "0" + code : code) at byte offset \(position): "
                                + "expected a URL with such bytes percent-encoded (%\(code.count < 2 ? "0" + code : code))")
        }
        let afterScheme = bytes[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
            ?? afterScheme.endIndex
        let authority = trimmed[schemeEnd.upperBound..<authorityEnd]
        guard !authority.isEmpty else { throw URLInputError("the URL has no host") }
        guard !authority.utf8.contains(UInt8(ascii: "@")) else {
            throw URLInputError("URLs with user information (user@host) are not S3 URLs")
        }
        var hostPart = authority
        var port: Int?
        if let colon = authority.utf8.lastIndex(of: UInt8(ascii: ":")), authority.utf8.first != UInt8(ascii: "[") {
            guard let number = Int(authority[authority.utf8.index(after: colon)...]), (1...65535).contains(number) else {
                throw URLInputError("invalid port in '\(authority)'")
            }
            port = number
            hostPart = authority[..<colon]
        }
        var rest = trimmed[authorityEnd...]
        if let hash = rest.utf8.fastFirstIndex(of: UInt8(ascii: "#")) { rest = rest[..<hash] }
        let queryStart = rest.utf8.fastFirstIndex(of: UInt8(ascii: "?"))
        let path = queryStart.map { rest[..<$0] } ?? rest
        let query = queryStart.map { rest[rest.utf8.index(after: $0)...] } ?? ""

        self.original = trimmed
        self.scheme = scheme
        self.host = hostPart.lowercased()
        self.port = port
        self.rawPath = path.isEmpty ? "/" : path
        self.endpoint = S3Endpoint.parse(host: host)
        var problems = [EncodingProblem]()
        for problem in PercentEncoding.decode(rawPath).problems {
            problems.append(EncodingProblem(part: .path, detail: problem.text))
        }
        var parameters = [Parameter]()
        let queryBytes = query.utf8
        let pieces = queryBytes.withContiguousStorageIfAvailable(Self.scanQuery) ?? Array(queryBytes).withUnsafeBufferPointer(Self.scanQuery)
        parameters.reserveCapacity(pieces.count)
        for piece in pieces {
            func at(_ offset: Int) -> String.Index { queryBytes.index(queryBytes.startIndex, offsetBy: offset) }
            let rawName = query[at(piece.start)..<at(piece.equals ?? piece.end)]
            let rawValue = piece.equals.map { query[at($0 + 1)..<at(piece.end)] } ?? ""
            // S3 reads a literal '+' in the query as a space (form decoding; docs/aws-facts.md #7).
            let name = piece.nameNeedsDecoding ? PercentEncoding.decode(rawName, plusAsSpace: true) : (value: String(rawName), problems: [])
            let value = piece.valueNeedsDecoding ? PercentEncoding.decode(rawValue, plusAsSpace: true) : (value: String(rawValue), problems: [])
            for problem in name.problems + value.problems {
                problems.append(EncodingProblem(part: .query, detail: "\(problem.text) in '\(rawName)'"))
            }
            if piece.valueHasPlus {
                problems.append(EncodingProblem(
                    part: .query,
                    detail: "a literal '+' in the value of '\(name.value)' is ambiguous: S3 reads it as a space; encode a plus as %2B and a space as %20"))
            }
            parameters.append(Parameter(rawName: rawName, rawValue: rawValue, name: name.value, value: value.value,
                                        hasEquals: piece.equals != nil))
        }
        self.parameters = parameters
        self.encodingProblems = problems
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// One `name[=value]` piece of the query, as byte offsets into it.
    struct QueryPiece {
        var start: Int
        var equals: Int?
        var end: Int
        var nameNeedsDecoding = false
        var valueNeedsDecoding = false
        var valueHasPlus = false
    }

    /// Splits the query at '&' (empty pieces dropped) in one pass, noting which names and values
    /// contain '%' or '+' and so need decoding.
    static func scanQuery(_ bytes: UnsafeBufferPointer<UInt8>) -> [QueryPiece] {
        var pieces = [QueryPiece]()
        var piece = QueryPiece(start: 0, end: 0)
        func finish(at end: Int) {
            piece.end = end
            if end > piece.start { pieces.append(piece) }
            piece = QueryPiece(start: end + 1, end: end + 1)
        }
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "&"):
                finish(at: offset)
            case UInt8(ascii: "=") where piece.equals == nil:
                piece.equals = offset
            case UInt8(ascii: "%"), UInt8(ascii: "+"):
                if piece.equals == nil {
                    piece.nameNeedsDecoding = true
                } else {
                    piece.valueNeedsDecoding = true
                    if byte == UInt8(ascii: "+") { piece.valueHasPlus = true }
                }
            default:
                break
            }
        }
        finish(at: bytes.count)
        return pieces
    }

    /// The range of the first "://".
    private static func schemeSeparator(in bytes: String.UTF8View) -> Range<String.Index>? {
        var index = bytes.startIndex
        while let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")) {
            let first = bytes.index(after: colon)
            guard first < bytes.endIndex else { return nil }
            let second = bytes.index(after: first)
            if bytes[first] == UInt8(ascii: "/"), second < bytes.endIndex, bytes[second] == UInt8(ascii: "/") {
                return colon..<bytes.index(after: second)
            }
            index = first
        }
        return nil
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
        // Fast path: printable ASCII at both ends means there is nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

extension Substring.UTF8View {
    /// `firstIndex(of:)` over contiguous storage: a plain buffer scan instead of per-byte String
    /// index arithmetic (the URL parser runs once per verification).
    func fastFirstIndex(of byte: UInt8) -> String.Index? {
        let offset = withContiguousStorageIfAvailable { $0.firstIndex(of: byte) } ?? firstIndex(of: byte).map { distance(from: startIndex, to: $0) }
        return offset.map { index(startIndex, offsetBy: $0) }
    }
}
