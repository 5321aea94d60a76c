/// The CloudFront signing parameters of one viewer request, from the URL's query string or from
/// `CloudFront-*` cookies, as they were sent (still base64-encoded).
public struct CloudFrontSignedRequest: Sendable, Equatable {
    public enum Carrier: String, Sendable, Equatable {
        case url = "signed URL"
        case cookies = "signed cookies"
    }

    public var carrier: Carrier
    /// The viewer URL without CloudFront's signing parameters: what a canned policy's Resource
    /// names, and what a custom policy's Resource must cover.
    public var resourceURL: String
    public var expires: String?
    public var policy: String?
    public var signature: String?
    public var keyPairID: String?
    public var hashAlgorithm: String?
    /// Signing parameters that appeared more than once (CloudFront's behaviour then is undocumented).
    public var repeated: [String] = []

    public init(carrier: Carrier, resourceURL: String, expires: String? = nil, policy: String? = nil,
                signature: String? = nil, keyPairID: String? = nil, hashAlgorithm: String? = nil) {
        self.carrier = carrier
        self.resourceURL = resourceURL
        self.expires = expires
        self.policy = policy
        self.signature = signature
        self.keyPairID = keyPairID
        self.hashAlgorithm = hashAlgorithm
    }

    /// A canned policy is named by `Expires`; a custom one is sent in `Policy`.
    public var isCanned: Bool { policy == nil && expires != nil }

    public var keyPairIDKind: KeyPairIDKind? { keyPairID.map(KeyPairIDKind.init) }

    /// The query parameters CloudFront reads (Developer Guide: "Your parameters cannot be named
    /// `Expires`, `Signature`, or `Key-Pair-Id`"; `Hash-Algorithm` is the optional fourth).
    public static let queryParameters = ["Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm"]
    public static let cookieNames = ["CloudFront-Expires", "CloudFront-Policy", "CloudFront-Signature",
                                     "CloudFront-Key-Pair-Id", "CloudFront-Hash-Algorithm"]

    /// Reads the signing parameters from a URL; nil when it carries none (not a CloudFront signed URL).
    public static func fromURL(_ url: String) -> CloudFrontSignedRequest? {
        // Byte-wise: URLs are ASCII in practice, and Character-wise splitting costs more than the RSA check.
        let bytes = url.utf8
        let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        guard let mark = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let base = Substring(bytes[..<mark])
        var kept = [Substring]()
        var found = [String: String]()
        var repeated = [String]()
        for item in bytes[bytes.index(after: mark)..<end].split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false) {
            let equals = item.firstIndex(of: UInt8(ascii: "="))
            let name = String(Substring(item[..<(equals ?? item.endIndex)]))
            if queryParameters.contains(name) {
                if found[name] != nil { repeated.append(name) }
                found[name] = equals.map { percentDecoded(String(Substring(item[item.index(after: $0)...]))) } ?? ""
            } else {
                kept.append(Substring(item))
            }
        }
        guard found["Signature"] != nil || found["Key-Pair-Id"] != nil else { return nil }
        var request = CloudFrontSignedRequest(
            carrier: .url, resourceURL: kept.isEmpty ? String(base) : base + "?" + kept.joined(separator: "&"),
            expires: found["Expires"], policy: found["Policy"], signature: found["Signature"],
            keyPairID: found["Key-Pair-Id"], hashAlgorithm: found["Hash-Algorithm"])
        request.repeated = repeated
        return request
    }

    /// Reads `CloudFront-*` cookies for a request to `url`. Each text is a `Cookie:` header, a
    /// `Set-Cookie:` header, a Netscape cookies.txt line (tab-separated, as curl and browsers
    /// export them) or bare `name=value; name=value` pairs. Nil when none is a CloudFront cookie.
    public static func fromCookies(_ texts: [String], url: String) -> CloudFrontSignedRequest? {
        var found = [String: String]()
        var repeated = [String]()
        for text in texts {
            for (name, value) in cookiePairs(text) where cookieNames.contains(name) {
                if found[name] != nil { repeated.append(name) }
                found[name] = value
            }
        }
        guard !found.isEmpty else { return nil }
        // Cookies sign the request URL as sent, query string included (canned policy Resource).
        let base = String(url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        var request = CloudFrontSignedRequest(
            carrier: .cookies, resourceURL: base,
            expires: found["CloudFront-Expires"], policy: found["CloudFront-Policy"],
            signature: found["CloudFront-Signature"], keyPairID: found["CloudFront-Key-Pair-Id"],
            hashAlgorithm: found["CloudFront-Hash-Algorithm"])
        request.repeated = repeated
        return request
    }

    static func cookiePairs(_ raw: String) -> [(String, String)] {
        var text = raw.trimmingWhitespace()
        if text.hasPrefix("#") && !text.hasPrefix("#HttpOnly_") { return [] }
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
        if fields.count >= 7 {
            return [(String(fields[5]), unquoted(String(fields[6]).trimmingWhitespace()))]
        }
        var onlyFirst = false
        if let colon = text.firstIndex(of: ":") {
            let header = text[..<colon].lowercased()
            if header == "cookie" || header == "set-cookie" {
                onlyFirst = header == "set-cookie"
                text = String(text[text.index(after: colon)...])
            }
        }
        var pairs = [(String, String)]()
        for item in text.split(separator: ";") {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            pairs.append((String(pair[0]).trimmingWhitespace(), unquoted(String(pair[1]).trimmingWhitespace())))
            if onlyFirst { break }
        }
        return pairs
    }

    private static func unquoted(_ value: String) -> String {
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast())
        }
        return value
    }

    /// `%XX` decoded where it forms valid UTF-8, else left as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes = [UInt8]()
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
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
