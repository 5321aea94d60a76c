/// Line-level comparison of the CanonicalRequest S3 computed (from a SignatureDoesNotMatch body)
/// with one cfdoctor builds, naming the part that differs and what changed it (the rules that
/// explain each cause are the rule engine's: Sources/Rules/Evidence/CanonicalRequestDiff+Rules.swift).
/// SigV4 canonical request layout (S3 API Reference, sigv4-query-string-auth): method, URI,
/// query, one line per signed header, a blank line, the signed header list, the payload hash.
public struct CanonicalRequestDiff: Sendable, Equatable {
    public enum Part: String, Sendable, Codable {
        case method, path, query, header, signedHeaders = "signed headers", payload
    }

    /// What changed between the signer and S3.
    public enum Cause: Sendable, Equatable {
        case method
        /// OriginPath or a rewrite changed the path.
        case path
        /// Parameters dropped or added on the way (`droppedOrAdded`), or re-encoded (`changed`).
        case query(droppedOrAdded: Bool, changed: Bool)
        /// A signed header other than Host differs, or the signed header lists differ.
        case signedHeader
        /// S3 received the viewer's (CloudFront or alias) Host.
        case viewerHost
        /// S3 received another S3 host than the one signed for.
        case host
        case payload
    }

    public struct Difference: Sendable, Equatable {
        /// 1-based line in S3's canonical request (in cfdoctor's when S3's lacks the line).
        public var line: Int
        public var part: Part
        /// S3's line, nil when missing.
        public var actual: String?
        /// cfdoctor's line, nil when S3 has a line cfdoctor does not expect.
        public var expected: String?
        public var cause: Cause
        public var reason: String
    }

    public var differences: [Difference]

    public var isEmpty: Bool { differences.isEmpty }

    /// nil when S3's text is not a canonical request with its line breaks (pasted bodies often
    /// lose them; the `CanonicalRequestBytes` dump keeps them and `ErrorBody` prefers it).
    public init?(actual: String, expected: String) {
        guard let s3 = Parsed(actual), let ours = Parsed(expected) else { return nil }
        var differences = [Difference]()
        if s3.method.text != ours.method.text {
            differences.append(Difference(line: s3.method.line, part: .method, actual: s3.method.text, expected: ours.method.text,
                                          cause: .method, reason: "the URL was signed for another HTTP method"))
        }
        if s3.path.text != ours.path.text {
            differences.append(Difference(line: s3.path.line, part: .path, actual: s3.path.text, expected: ours.path.text,
                                          cause: .path, reason: "S3 signed another path: OriginPath or a rewrite changed it"))
        }
        if s3.query.text != ours.query.text {
            differences.append(Self.queryDifference(s3.query, ours.query))
        }
        for (name, line) in ours.headers where s3.header(name)?.text != line.text {
            let actualLine = s3.header(name)
            differences.append(Self.headerDifference(name, actual: actualLine, expected: line, fallbackLine: s3.signedHeaders.line))
        }
        for (name, line) in s3.headers where ours.header(name) == nil {
            differences.append(Difference(line: line.line, part: .header, actual: line.text, expected: nil, cause: .signedHeader,
                                          reason: "S3 signed header \(name), which the URL does not sign"))
        }
        if s3.signedHeaders.text != ours.signedHeaders.text, !differences.contains(where: { $0.part == .header }) {
            differences.append(Difference(line: s3.signedHeaders.line, part: .signedHeaders, actual: s3.signedHeaders.text,
                                          expected: ours.signedHeaders.text, cause: .signedHeader,
                                          reason: "S3 and the URL list different signed headers"))
        }
        if s3.payload.text != ours.payload.text {
            differences.append(Difference(line: s3.payload.line, part: .payload, actual: s3.payload.text, expected: ours.payload.text,
                                          cause: .payload, reason: "another payload hash: presigned GETs use UNSIGNED-PAYLOAD"))
        }
        self.differences = differences
    }

    private static func headerDifference(_ name: String, actual: Line?, expected: Line, fallbackLine: Int) -> Difference {
        let line = actual?.line ?? fallbackLine
        guard name == "host" else {
            return Difference(line: line, part: .header, actual: actual?.text, expected: expected.text, cause: .signedHeader,
                              reason: "signed header \(name) reached S3 with another value, or not at all")
        }
        let host = actual.map { String($0.text.dropFirst("host:".count)) } ?? ""
        if !host.isEmpty, !Evidence.isS3Host(host) {
            return Difference(line: line, part: .header, actual: actual?.text, expected: expected.text, cause: .viewerHost,
                              reason: "S3 received the viewer's Host \(host): CloudFront forwards the Host header")
        }
        return Difference(line: line, part: .header, actual: actual?.text, expected: expected.text, cause: .host,
                          reason: "S3 received another Host than the one the URL was signed for")
    }

    private static func queryDifference(_ s3: Line, _ ours: Line) -> Difference {
        func names(_ query: String) -> [String: String] {
            var result = [String: String]()
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            return result
        }
        let received = names(s3.text), signed = names(ours.text)
        let missing = signed.keys.filter { received[$0] == nil }.sorted()
        let changed = signed.keys.filter { received[$0] != nil && received[$0] != signed[$0] }.sorted()
        let extra = received.keys.filter { signed[$0] == nil }.sorted()
        var reason = [String]()
        if !missing.isEmpty { reason.append("dropped: " + missing.joined(separator: ", ")) }
        if !extra.isEmpty { reason.append("added: " + extra.joined(separator: ", ")) }
        if !changed.isEmpty { reason.append("re-encoded or changed: " + changed.joined(separator: ", ")) }
        if reason.isEmpty { reason = ["the query differs"] }
        return Difference(line: s3.line, part: .query, actual: s3.text, expected: ours.text,
                          cause: .query(droppedOrAdded: !missing.isEmpty || !extra.isEmpty, changed: !changed.isEmpty),
                          reason: "query parameters " + reason.joined(separator: "; "))
    }

    struct Line: Equatable {
        var text: String
        var line: Int
    }

    /// A canonical request split into its parts, keeping line numbers.
    struct Parsed {
        var method, path, query, signedHeaders, payload: Line
        var headers: [(String, Line)]

        func header(_ name: String) -> Line? { headers.first { $0.0 == name }?.1 }

        init?(_ text: String) {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            // At least: method, path, query, one header, blank, signed headers, payload.
            guard lines.count >= 7, let blank = lines[3...].firstIndex(of: ""), blank > 3, blank + 1 < lines.count else {
                return nil
            }
            method = Line(text: lines[0], line: 1)
            path = Line(text: lines[1], line: 2)
            query = Line(text: lines[2], line: 3)
            headers = lines[3..<blank].enumerated().map { offset, line in
                let name = String(line.prefix(while: { $0 != ":" })).lowercased()
                return (name, Line(text: line, line: 4 + offset))
            }
            signedHeaders = Line(text: lines[blank + 1], line: blank + 2)
            payload = Line(text: lines.count > blank + 2 ? lines[blank + 2] : "", line: blank + 3)
        }
    }
}
