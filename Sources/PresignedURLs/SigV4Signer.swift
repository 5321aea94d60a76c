import Hashing

/// SigV4 for S3 query authentication, computed the way S3 computes it on a GET it receives
/// (S3 API Reference, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)";
/// checked against AWS's published example and botocore-generated vectors in fixtures/presigned/).
///
/// Canonical requests and strings to sign are written byte by byte into one String each, and
/// all hashing of one signature shares one digest context: per-part Strings, `+=` and per-HMAC
/// arrays and contexts were most of a verification's time (bench/VerifyBench).
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
        withDecodedPath(rawPath) { decoded in
            String(capacity: 3 * decoded.count + 1) { writeCanonicalURI(decoded, to: &$0) }
        }
    }

    public static func canonicalQuery(_ parameters: [(name: String, value: String)]) -> String {
        String(capacity: canonicalQueryBound(parameters)) { writeCanonicalQuery(parameters, to: &$0) }
    }

    /// nil when a signed header's value is not known (S3 would compare it; we cannot).
    public static func canonicalRequest(_ request: Request, signedHeaders: [String]) -> String? {
        canonicalRequest(method: request.method, rawPath: request.rawPath, parameters: request.parameters,
                         signedHeaders: signedHeaders, header: { request.headers[$0] })
    }

    /// The canonical request, with header values from `header` (by lower-cased name); nil when
    /// it knows no value for a signed header.
    static func canonicalRequest(method: String, rawPath: String, parameters: [(name: String, value: String)],
                                 signedHeaders: [String], header: (String) -> String?) -> String? {
        let sortedHeaders = isSorted(signedHeaders) ? signedHeaders : signedHeaders.sorted()
        var headerBytes = 0
        for name in sortedHeaders {
            guard let value = header(name) else { return nil }
            headerBytes += 2 * name.utf8.count + value.utf8.count + 3
        }
        return withDecodedPath(rawPath) { decoded in
            let bound = method.utf8.count + 3 * decoded.count + 1 + canonicalQueryBound(parameters) + headerBytes
                + payloadHash.utf8.count + 5
            return String(capacity: bound) { out in
                out.append(method)
                out.append(UInt8(ascii: "\n"))
                writeCanonicalURI(decoded, to: &out)
                out.append(UInt8(ascii: "\n"))
                writeCanonicalQuery(parameters, to: &out)
                out.append(UInt8(ascii: "\n"))
                for name in sortedHeaders {
                    out.append(name)
                    out.append(UInt8(ascii: ":"))
                    out.append(normalizeHeaderValue(header(name) ?? ""))
                    out.append(UInt8(ascii: "\n"))
                }
                out.append(UInt8(ascii: "\n"))
                for (index, name) in sortedHeaders.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ";")) }
                    out.append(name)
                }
                out.append(UInt8(ascii: "\n"))
                out.append(payloadHash)
            }
        }
    }

    static func normalizeHeaderValue(_ value: String) -> String {
        // Trim and collapse runs of spaces; most values (a host name) have none.
        if !value.utf8.contains(UInt8(ascii: " ")) { return value }
        return value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    public static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        let context = DigestContext()
        return stringToSign(amzDate: amzDate, scope: [scope], canonicalRequest: canonicalRequest, context: context)
    }

    /// "AWS4-HMAC-SHA256\n<date>\n<scope parts joined by '/'>\n<hex SHA-256 of the canonical request>".
    static func stringToSign(amzDate: String, scope: [String], canonicalRequest: String,
                             context: borrowing DigestContext) -> String {
        var bound = 17 + amzDate.utf8.count + 1 + 64 + scope.count
        for part in scope { bound += part.utf8.count }
        var canonical = canonicalRequest
        return canonical.withUTF8 { canonicalBytes in
            String(capacity: bound) { out in
                out.append("AWS4-HMAC-SHA256\n" as StaticString)
                out.append(amzDate)
                out.append(UInt8(ascii: "\n"))
                for (index, part) in scope.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: "/")) }
                    out.append(part)
                }
                out.append(UInt8(ascii: "\n"))
                withUnsafeTemporaryAllocation(byteCount: 96, alignment: 16) { scratch in
                    let hash = UnsafeMutableRawBufferPointer(rebasing: scratch[..<32])
                    let hex = UnsafeMutableRawBufferPointer(rebasing: scratch[32...])
                    context.hash(UnsafeRawBufferPointer(canonicalBytes), into: hash)
                    Hex.write(UnsafeRawBufferPointer(hash), into: hex)
                    out.append(UnsafeBufferPointer(hex.assumingMemoryBound(to: UInt8.self)))
                }
            }
        }
    }

    public static func signingKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        let context = DigestContext()
        var key = [UInt8](repeating: 0, count: 32)
        key.withUnsafeMutableBytes { signingKey(secret: secret, date: date, region: region, service: service,
                                                context: context, into: $0) }
        return key
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"),
    /// into the first 32 bytes of `key`.
    static func signingKey(secret: String, date: String, region: String, service: String,
                           context: borrowing DigestContext, into key: UnsafeMutableRawBufferPointer) {
        var secret = secret
        secret.withUTF8 { secretBytes in
            withUnsafeTemporaryAllocation(byteCount: 4 + secretBytes.count, alignment: 1) { first in
                first.copyBytes(from: "AWS4".utf8)
                UnsafeMutableRawBufferPointer(rebasing: first[4...]).copyMemory(from: UnsafeRawBufferPointer(secretBytes))
                withUTF8(date) { context.hmac(key: UnsafeRawBufferPointer(first), $0, into: key) }
            }
        }
        let derived = UnsafeRawBufferPointer(rebasing: key[..<32])
        withUTF8(region) { context.hmac(key: derived, $0, into: key) }
        withUTF8(service) { context.hmac(key: derived, $0, into: key) }
        withUTF8("aws4_request") { context.hmac(key: derived, $0, into: key) }
    }

    public static func signature(stringToSign: String, signingKey: [UInt8]) -> String {
        Digest.hmacSHA256(key: signingKey, stringToSign).hexString
    }

    /// The hex signature of `stringToSign` under the key derived from `secret` and the scope.
    static func signature(secret: String, date: String, region: String, service: String, stringToSign: String,
                          context: borrowing DigestContext) -> String {
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 16) { scratch in
            let key = UnsafeMutableRawBufferPointer(rebasing: scratch[..<32])
            let mac = UnsafeMutableRawBufferPointer(rebasing: scratch[32...])
            signingKey(secret: secret, date: date, region: region, service: service, context: context, into: key)
            withUTF8(stringToSign) { context.hmac(key: UnsafeRawBufferPointer(key), $0, into: mac) }
            return String(capacity: 64) { out in
                withUnsafeTemporaryAllocation(byteCount: 64, alignment: 1) { hex in
                    Hex.write(UnsafeRawBufferPointer(mac), into: hex)
                    out.append(UnsafeBufferPointer(hex.assumingMemoryBound(to: UInt8.self)))
                }
            }
        }
    }

    // MARK: - Bytes

    private static func withUTF8<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        var text = text
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    private static func isSorted(_ names: [String]) -> Bool {
        names.indices.dropFirst().allSatisfy { names[$0 - 1] <= names[$0] }
    }

    /// The path's bytes after one percent-decoding, as S3 reads them. Invalid escapes stay
    /// literal; decoded bytes that are not UTF-8 are repaired as String(decoding:) does (U+FFFD),
    /// which is what the key becomes.
    static func withDecodedPath<R>(_ rawPath: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var rawPath = rawPath
        return rawPath.withUTF8 { raw in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(raw.count, 1)) { decoded in
                var count = 0, index = 0
                var escapedNonASCII = false
                while index < raw.count {
                    let byte = raw[index]
                    if byte == UInt8(ascii: "%"), index + 2 < raw.count,
                       let high = PercentEncoding.hexValue(raw[index + 1]), let low = PercentEncoding.hexValue(raw[index + 2]) {
                        decoded[count] = high << 4 | low
                        if high >= 8 { escapedNonASCII = true }
                        index += 3
                    } else {
                        decoded[count] = byte
                        index += 1
                    }
                    count += 1
                }
                let bytes = UnsafeBufferPointer(rebasing: decoded[..<count])
                // Raw bytes of a String are UTF-8 already; only escapes can make them invalid.
                guard escapedNonASCII else { return body(bytes) }
                var repaired = String(decoding: bytes, as: UTF8.self)
                return repaired.withUTF8(body)
            }
        }
    }

    private static func writeCanonicalURI(_ decoded: UnsafeBufferPointer<UInt8>, to out: inout ByteWriter) {
        if decoded.isEmpty {
            out.append(UInt8(ascii: "/"))
        } else {
            out.appendEncoded(decoded, keepSlash: true)
        }
    }

    private static func canonicalQueryBound(_ parameters: [(name: String, value: String)]) -> Int {
        var bound = 0
        for parameter in parameters { bound += 3 * (parameter.name.utf8.count + parameter.value.utf8.count) + 2 }
        return bound
    }

    /// One encoded `name=value` pair, as offsets into the encoding scratch.
    private struct EncodedPair {
        var nameStart: Int
        var nameEnd: Int
        var valueEnd: Int
    }

    /// Every parameter but X-Amz-Signature, names and values UriEncoded, sorted by encoded name,
    /// then value, in byte order, joined with '&'.
    private static func writeCanonicalQuery(_ parameters: [(name: String, value: String)], to out: inout ByteWriter) {
        guard !parameters.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(canonicalQueryBound(parameters), 1)) { scratchBuffer in
            withUnsafeTemporaryAllocation(of: EncodedPair.self, capacity: parameters.count) { pairs in
                var scratch = ByteWriter(scratchBuffer)
                var pairCount = 0
                for parameter in parameters where parameter.name != "X-Amz-Signature" {
                    let start = scratch.count
                    withUTF8(parameter.name) { scratch.appendEncoded($0.assumingMemoryBound(to: UInt8.self), keepSlash: false) }
                    let nameEnd = scratch.count
                    withUTF8(parameter.value) { scratch.appendEncoded($0.assumingMemoryBound(to: UInt8.self), keepSlash: false) }
                    pairs.initializeElement(at: pairCount, to: EncodedPair(nameStart: start, nameEnd: nameEnd, valueEnd: scratch.count))
                    pairCount += 1
                }
                var written = UnsafeMutableBufferPointer(rebasing: pairs[..<pairCount])
                let bytes = UnsafeBufferPointer(scratchBuffer)
                func name(_ pair: EncodedPair) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[pair.nameStart..<pair.nameEnd]) }
                func value(_ pair: EncodedPair) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[pair.nameEnd..<pair.valueEnd]) }
                // The encoded text is ASCII, where byte order is String's order.
                written.sort { left, right in
                    let byName = compare(name(left), name(right))
                    return byName != 0 ? byName < 0 : compare(value(left), value(right)) < 0
                }
                for (index, pair) in written.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: "&")) }
                    out.append(name(pair))
                    out.append(UInt8(ascii: "="))
                    out.append(value(pair))
                }
                written.deinitialize()
            }
        }
    }

    /// Byte-wise three-way comparison: negative, zero or positive.
    private static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        for index in 0..<min(left.count, right.count) where left[index] != right[index] {
            return left[index] < right[index] ? -1 : 1
        }
        return left.count - right.count
    }
}
