import Hashing

/// SigV4 for S3 query authentication, computed the way S3 computes it on a GET it receives
/// (S3 API Reference, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)";
/// checked against AWS's published example and botocore-generated vectors in fixtures/presigned/).
public enum SigV4Signer {
    public static let payloadHash = "UNSIGNED-PAYLOAD"

    /// The request S3 receives, in the parts SigV4 covers.
    public struct Request: Sendable {
        public var method: String
        /// The path as sent on the wire (percent-encoded).
        public var rawPath: String
        /// Query parameters as received (decoded names and values), signature included or not.
        public var parameters: [(name: String, value: String)]
        /// Header values by lower-cased name; `host` at least.
        public var headers: [String: String]

        public init(method: String = "GET", rawPath: String, parameters: [(name: String, value: String)],
                    headers: [String: String]) {
            self.method = method
            self.rawPath = rawPath
            self.parameters = parameters
            self.headers = headers
        }
    }

    /// S3 does not normalise the path (no dot-segment removal, no double encoding): each path
    /// byte is decoded and re-encoded with AWS `UriEncode`, keeping `/`.
    public static func canonicalURI(rawPath: String) -> String {
        let decoded = PercentEncoding.decode(Substring(rawPath)).value
        let encoded = PercentEncoding.encode(decoded, keepSlash: true)
        return encoded.isEmpty ? "/" : encoded
    }

    public static func canonicalQuery(_ parameters: [(name: String, value: String)]) -> String {
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(parameters.count)
        var length = 0
        for parameter in parameters where parameter.name != "X-Amz-Signature" {
            let pair = (PercentEncoding.encode(parameter.name), PercentEncoding.encode(parameter.value))
            length += pair.0.utf8.count + pair.1.utf8.count + 2
            pairs.append(pair)
        }
        // Sorted by encoded name, then value, in byte order (the encoded text is ASCII, where
        // String's < is byte order).
        pairs.sort { left, right in left.name == right.name ? left.value < right.value : left.name < right.name }
        var query = ""
        query.reserveCapacity(length)
        for (index, pair) in pairs.enumerated() {
            if index > 0 { query += "&" }
            query += pair.name
            query += "="
            query += pair.value
        }
        return query
    }

    /// nil when a signed header's value is not known (S3 would compare it; we cannot).
    public static func canonicalRequest(_ request: Request, signedHeaders: [String]) -> String? {
        var headerLines = ""
        for name in signedHeaders.sorted() {
            guard let value = request.headers[name] else { return nil }
            headerLines += "\(name):\(normalizeHeaderValue(value))\n"
        }
        let uri = canonicalURI(rawPath: request.rawPath), query = canonicalQuery(request.parameters)
        let signedList = signedHeaders.sorted().joined(separator: ";")
        var canonical = ""
        canonical.reserveCapacity(request.method.utf8.count + uri.utf8.count + query.utf8.count + headerLines.utf8.count
            + signedList.utf8.count + payloadHash.utf8.count + 5)
        for (index, part) in [request.method, uri, query, headerLines, signedList, payloadHash].enumerated() {
            if index > 0 { canonical += "\n" }
            canonical += part
        }
        return canonical
    }

    static func normalizeHeaderValue(_ value: String) -> String {
        // Trim and collapse runs of spaces; most values (a host name) have none.
        if !value.utf8.contains(UInt8(ascii: " ")) { return value }
        return value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    public static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(Digest.sha256(canonicalRequest).hexString)"
    }

    public static func signingKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let kDate = Digest.hmacSHA256(key: Array(("AWS4" + secret).utf8), date)
        let kRegion = Digest.hmacSHA256(key: kDate, region)
        let kService = Digest.hmacSHA256(key: kRegion, service)
        return Digest.hmacSHA256(key: kService, "aws4_request")
    }

    public static func signature(stringToSign: String, signingKey: [UInt8]) -> String {
        Digest.hmacSHA256(key: signingKey, stringToSign).hexString
    }
}
