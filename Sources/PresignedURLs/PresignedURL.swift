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
        var trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw URLInputError("empty URL") }
        guard trimmed.utf8.count <= Self.maximumLength else {
            throw URLInputError("URL is \(trimmed.utf8.count) bytes; the limit is \(Self.maximumLength) (CloudFront accepts at most 8,192)")
        }
        // One pass per delimiter over the contiguous UTF-8 bytes with integer offsets, String
        // indices made from the offsets only at the end: every delimiter (":/?#&=@") is ASCII, so
        // byte offsets are valid String indices. Scanning through String/Substring UTF8View
        // indices instead made parsing a third of a SigV4 verification (bench/VerifyBench).
        trimmed.makeContiguousUTF8()
        let url = trimmed
        let parsed = url.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(URLInputError) in try PresignedURL(url, bytes: bytes) }
        } ?? Array(url.utf8).withUnsafeBufferPointer { bytes in
            Result { () throws(URLInputError) in try PresignedURL(url, bytes: bytes) }
        }
        self = try parsed.get()
    }

    /// Parses `text`, whose UTF-8 is `bytes`.
    private init(_ text: String, bytes: UnsafeBufferPointer<UInt8>) throws(URLInputError) {
        func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        func firstOffset(of byte: UInt8, in range: Range<Int>) -> Int? {
            range.first { bytes[$0] == byte }
        }
        guard let schemeColon = Self.schemeSeparator(in: bytes) else {
            throw URLInputError("not an http(s) URL: expected it to start with https://")
        }
        let scheme = Self.scheme(UnsafeBufferPointer(rebasing: bytes[..<schemeColon])) ?? text[..<index(schemeColon)].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw URLInputError("unsupported scheme '\(scheme)': expected https:// or http://")
        }
        // Whitespace and control characters are rare: one branch-free pass over all bytes (the
        // compiler vectorises it) decides whether the byte-by-byte searches below are needed.
        if Self.containsSpaceOrControl(bytes) {
            if bytes.contains(where: Self.isWhitespace) {
                throw URLInputError("the URL contains whitespace: was it split across lines or pasted with a space?")
            }
            // A raw NUL or other control character is no URL a browser or SDK sends (they are
            // percent-encoded): it is a damaged paste, and must not reach the key or a header.
            if let position = bytes.firstIndex(where: { $0 < 0x20 || $0 == 0x7F }) {
                let code = String(bytes[position], radix: 16, uppercase: true)
                throw URLInputError("the URL contains the control character 0x\(code.count < 2 ? "0" + code : code) at byte offset \(position): "
                                    + "expected a URL with such bytes percent-encoded (%\(code.count < 2 ? "0" + code : code))")
            }
        }
        let authorityStart = schemeColon + 3
        let authorityEnd = (authorityStart..<bytes.count).first {
            bytes[$0] == UInt8(ascii: "/") || bytes[$0] == UInt8(ascii: "?") || bytes[$0] == UInt8(ascii: "#")
        } ?? bytes.count
        let authority = text[index(authorityStart)..<index(authorityEnd)]
        guard !authority.isEmpty else { throw URLInputError("the URL has no host") }
        guard firstOffset(of: UInt8(ascii: "@"), in: authorityStart..<authorityEnd) == nil else {
            throw URLInputError("URLs with user information (user@host) are not S3 URLs")
        }
        var hostEnd = authorityEnd
        var port: Int?
        // RFC 3986 section 3.2: the host is a bracketed IP literal ("[::1]", whose colons are no
        // port) or runs to the last ':'; the port is digits only ("+443" is no port).
        let portColon: Int?
        if bytes[authorityStart] == UInt8(ascii: "[") {
            let close = (authorityStart..<authorityEnd).first(where: { bytes[$0] == UInt8(ascii: "]") })
            portColon = close.flatMap { $0 + 1 < authorityEnd && bytes[$0 + 1] == UInt8(ascii: ":") ? $0 + 1 : nil }
        } else {
            portColon = (authorityStart..<authorityEnd).last(where: { bytes[$0] == UInt8(ascii: ":") })
        }
        if let colon = portColon {
            let digits = (colon + 1)..<authorityEnd
            guard !digits.isEmpty, digits.allSatisfy({ bytes[$0] &- UInt8(ascii: "0") < 10 }),
                  let number = Int(text[index(colon + 1)..<index(authorityEnd)]), (1...65535).contains(number) else {
                throw URLInputError("invalid port in '\(authority)'")
            }
            port = number
            hostEnd = colon
        }
        let restEnd = firstOffset(of: UInt8(ascii: "#"), in: authorityEnd..<bytes.count) ?? bytes.count
        let queryMark = firstOffset(of: UInt8(ascii: "?"), in: authorityEnd..<restEnd)
        let pathEnd = queryMark ?? restEnd

        original = text
        self.scheme = scheme
        let hostBytes = UnsafeBufferPointer(rebasing: bytes[authorityStart..<hostEnd])
        // ASCII hosts (nearly all) lower-cased byte-wise, as lowercased() does for ASCII but
        // without its Unicode machinery (a twentieth of parsing, callgrind).
        host = hostBytes.allSatisfy({ $0 < 0x80 })
            ? String(unsafeUninitializedCapacity: hostBytes.count) { out in
                for (offset, byte) in hostBytes.enumerated() { out[offset] = asciiLowercased(byte) }
                return hostBytes.count
            }
            : text[index(authorityStart)..<index(hostEnd)].lowercased()
        self.port = port
        rawPath = pathEnd > authorityEnd ? text[index(authorityEnd)..<index(pathEnd)] : "/"
        endpoint = S3Endpoint.parse(host: host)
        var problems = [EncodingProblem]()
        if firstOffset(of: UInt8(ascii: "%"), in: authorityEnd..<pathEnd) != nil {
            for problem in PercentEncoding.decodeBytes(UnsafeBufferPointer(rebasing: bytes[authorityEnd..<pathEnd]), plusAsSpace: false).problems {
                problems.append(EncodingProblem(part: .path, detail: problem.text))
            }
        }
        var parameters = [Parameter]()
        if let queryMark {
            let queryStart = queryMark + 1
            let pieces = Self.scanQuery(UnsafeBufferPointer(rebasing: bytes[queryStart..<restEnd]))
            parameters.reserveCapacity(pieces.count)
            for piece in pieces {
                let nameEnd = queryStart + (piece.equals ?? piece.end)
                let rawName = text[index(queryStart + piece.start)..<index(nameEnd)]
                let rawValue = piece.equals.map { text[index(queryStart + $0 + 1)..<index(queryStart + piece.end)] } ?? ""
                // S3 reads a literal '+' in the query as a space (form decoding; docs/aws-facts.md #7).
                let name = piece.nameNeedsDecoding
                    ? PercentEncoding.decodeBytes(UnsafeBufferPointer(rebasing: bytes[(queryStart + piece.start)..<nameEnd]), plusAsSpace: true)
                    : (value: String(rawName), problems: [])
                let value = piece.valueNeedsDecoding
                    ? PercentEncoding.decodeBytes(UnsafeBufferPointer(rebasing: bytes[(nameEnd + 1)..<(queryStart + piece.end)]), plusAsSpace: true)
                    : (value: String(rawValue), problems: [])
                for problem in name.problems {
                    problems.append(EncodingProblem(part: .query, detail: "\(problem.text) in '\(rawName)'"))
                }
                for problem in value.problems {
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
        }
        self.parameters = parameters
        encodingProblems = problems
    }

    /// "https" or "http" when the scheme is one of them in any ASCII case; the scheme lower-cased
    /// when it is another ASCII word; nil when it is not ASCII (String.lowercased() decides).
    private static func scheme(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let lower = bytes.lazy.map(asciiLowercased)
        if lower.elementsEqual("https".utf8) { return "https" }
        if lower.elementsEqual("http".utf8) { return "http" }
        return String(decoding: lower, as: UTF8.self)
    }

    private static func containsSpaceOrControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var found: UInt8 = 0
        for byte in bytes { found |= (byte <= 0x20 ? 1 : 0) | (byte == 0x7F ? 1 : 0) }
        return found != 0
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
        pieces.reserveCapacity(8)
        var piece = QueryPiece(start: 0, end: 0)
        func finish(at end: Int) {
            piece.end = end
            if end > piece.start { pieces.append(piece) }
            piece = QueryPiece(start: end + 1, end: end + 1)
        }
        func visit(_ offset: Int) {
            switch bytes[offset] {
            case UInt8(ascii: "&"):
                finish(at: offset)
            case UInt8(ascii: "=") where piece.equals == nil:
                piece.equals = offset
            case UInt8(ascii: "%"):
                if piece.equals == nil { piece.nameNeedsDecoding = true } else { piece.valueNeedsDecoding = true }
            case UInt8(ascii: "+"):
                if piece.equals == nil {
                    piece.nameNeedsDecoding = true
                } else {
                    piece.valueNeedsDecoding = true
                    piece.valueHasPlus = true
                }
            default:
                break
            }
        }
        // Eight bytes at a time (SWAR: a word has a byte equal to b when (w ^ b·0x01…01) has a
        // zero byte): most 8-byte runs of a query (signatures, dates, tokens) hold none of "%&+=".
        // Byte by byte, the switch mispredicted on URLs' mix of bytes; Swift's SIMD16 compares
        // compiled to scalar code ten times longer (callgrind).
        func hasByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & 0x8080_8080_8080_8080
        }
        var offset = 0
        if let base = bytes.baseAddress.map(UnsafeRawPointer.init) {
            while offset + 8 <= bytes.count {
                let word = (base + offset).loadUnaligned(as: UInt64.self)
                if hasByte(word, UInt8(ascii: "%")) | hasByte(word, UInt8(ascii: "&"))
                    | hasByte(word, UInt8(ascii: "+")) | hasByte(word, UInt8(ascii: "=")) != 0 {
                    for index in offset..<(offset + 8) { visit(index) }
                }
                offset += 8
            }
        }
        for index in offset..<bytes.count { visit(index) }
        finish(at: bytes.count)
        return pieces
    }

    /// The offset of the ':' of the first "://".
    private static func schemeSeparator(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        return (0..<(bytes.count - 2)).first {
            bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/")
        }
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
