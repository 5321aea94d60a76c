/// The authentication a URL carries in its query string.
public enum QueryAuth: Sendable {
    case sigV4(SigV4Query)
    case sigV2(SigV2Query)
    case none

    public init(_ url: PresignedURL) {
        if url.parameters.contains(where: { SigV4Query.slot($0.name) != nil }) {
            self = .sigV4(SigV4Query(url))
        } else if url.value("AWSAccessKeyId") != nil || (url.value("Signature") != nil && url.value("Key-Pair-Id") == nil) {
            // A CloudFront signed URL also has Signature and Expires, but with Key-Pair-Id and no
            // AWSAccessKeyId: it is not S3 query auth at all (CloudFront removes those parameters
            // before forwarding, docs/aws-facts.md #11).
            self = .sigV2(SigV2Query(url))
        } else {
            self = .none
        }
    }

    public var sigV4: SigV4Query? {
        if case .sigV4(let query) = self { return query }
        return nil
    }
}

/// SigV4 query parameters (S3 API Reference, "Authenticating Requests: Using Query Parameters
/// (AWS Signature Version 4)"). Every field is optional: what is missing or malformed is a finding.
public struct SigV4Query: Sendable {
    public static let required = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
                                  "X-Amz-SignedHeaders", "X-Amz-Signature"]
    public static let parameterNames: Set<String> = Set(required + ["X-Amz-Security-Token"])
    static let slotNames = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
                            "X-Amz-Signature", "X-Amz-Security-Token"]

    static func slot(_ name: String) -> Int? {
        switch name {
        case "X-Amz-Algorithm": 0
        case "X-Amz-Credential": 1
        case "X-Amz-Date": 2
        case "X-Amz-Expires": 3
        case "X-Amz-SignedHeaders": 4
        case "X-Amz-Signature": 5
        case "X-Amz-Security-Token": 6
        default: nil
        }
    }

    public struct Credential: Sendable, Equatable {
        public var accessKeyId: String
        public var date: String
        public var region: String
        public var service: String
        public var terminator: String
        public var scope: String { "\(date)/\(region)/\(service)/\(terminator)" }
    }

    public var algorithm: String?
    public var credentialText: String?
    public var credential: Credential?
    public var amzDateText: String?
    public var amzDate: Timestamp?
    public var expiresText: String?
    /// `X-Amz-Expires` when it is a plain non-negative integer.
    public var expires: Int64?
    public var signedHeaders: [String]
    public var signature: String?
    public var securityToken: String?
    /// Required parameters that are absent.
    public var missing: [String]
    /// Human-readable problems with parameters that are present (duplicates, bad formats).
    public var malformed: [String]

    public init(_ url: PresignedURL) {
        // One pass over the query: the first value and the count of each SigV4 parameter, in
        // fixed slots (this runs once per verification; a dictionary's hashing showed in profiles).
        var values = [String?](repeating: nil, count: Self.slotNames.count)
        var counts = [Int](repeating: 0, count: Self.slotNames.count)
        var problems = [String]()
        for parameter in url.parameters {
            if let slot = Self.slot(parameter.name) {
                if values[slot] == nil { values[slot] = parameter.value }
                counts[slot] += 1
            } else if parameter.name.utf8.count > 6, parameter.name.lowercased().hasPrefix("x-amz-"),
                      Self.parameterNames.contains(where: { $0.lowercased() == parameter.name.lowercased() }) {
                // Lower-case spellings are different parameters to S3, and a common hand-made mistake.
                problems.append("'\(parameter.name)' is not spelled as S3 expects (parameter names are case-sensitive)")
            }
        }
        algorithm = values[0]
        credentialText = values[1]
        amzDateText = values[2]
        expiresText = values[3]
        signature = values[5]
        securityToken = values[6]
        let signedHeaderText = values[4]
        signedHeaders = signedHeaderText.map { $0.split(separator: ";").map { $0.lowercased() } } ?? []
        missing = Self.required.filter { values[Self.slot($0)!] == nil }
        let duplicates = Self.slotNames.indices.filter { counts[$0] > 1 }.sorted { Self.slotNames[$0] < Self.slotNames[$1] }
        problems = duplicates.map { "\(Self.slotNames[$0]) appears \(counts[$0]) times" } + problems
        if let algorithm, algorithm != "AWS4-HMAC-SHA256" {
            problems.append(algorithm == "AWS4-ECDSA-P256-SHA256"
                ? "X-Amz-Algorithm is SigV4A (AWS4-ECDSA-P256-SHA256), used for Multi-Region Access Points"
                : "X-Amz-Algorithm is '\(algorithm)', expected AWS4-HMAC-SHA256")
        }
        if let credentialText {
            let parts = credentialText.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                .map { String(credentialText[$0.startIndex..<$0.endIndex]) }
            if parts.count == 5 {
                credential = Credential(accessKeyId: parts[0], date: parts[1], region: parts[2],
                                        service: parts[3], terminator: parts[4])
                if parts[1].utf8.count != 8 || !parts[1].utf8.allSatisfy(isASCIIDigit) {
                    problems.append("X-Amz-Credential date '\(parts[1])' is not YYYYMMDD")
                }
            } else {
                problems.append("X-Amz-Credential must be ACCESS_KEY/YYYYMMDD/REGION/SERVICE/aws4_request; it has \(parts.count) parts")
            }
        }
        if let amzDateText {
            amzDate = Timestamp.parseAmzDate(amzDateText)
            if amzDate == nil { problems.append("X-Amz-Date '\(amzDateText)' is not in the form YYYYMMDDTHHMMSSZ") }
        }
        if let expiresText {
            if let value = Int64(expiresText), value >= 0, expiresText.utf8.allSatisfy(isASCIIDigit) {
                expires = value
            } else {
                problems.append("X-Amz-Expires '\(expiresText)' is not a whole number of seconds")
            }
        }
        if let signature, signature.utf8.count != 64 || !signature.utf8.allSatisfy(isASCIIHexDigit) {
            problems.append("X-Amz-Signature is not 64 hexadecimal characters (was the URL truncated?)")
        }
        if let signedHeaderText {
            if signedHeaders.isEmpty || !signedHeaders.contains("host") {
                problems.append("X-Amz-SignedHeaders '\(signedHeaderText)' does not include host, which SigV4 requires")
            }
            if signedHeaders != signedHeaders.sorted() {
                problems.append("X-Amz-SignedHeaders is not sorted")
            }
        }
        malformed = problems
    }

    /// A 64-hex-digit signature with an upper-case letter. SigV4 signatures are lower-case hex and S3
    /// compares them case-sensitively, so such a URL fails with SignatureDoesNotMatch whatever the key
    /// (aws/aws-sdk-js#3322; the e2e lab's LocalStack answers the same).
    public var signatureHasUpperCaseHex: Bool {
        guard let signature, signature.utf8.count == 64, signature.utf8.allSatisfy(isASCIIHexDigit) else { return false }
        return signature.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") }
    }

    /// When the signature stops being accepted: X-Amz-Date + X-Amz-Expires.
    public var expiry: Timestamp? {
        guard let amzDate, let expires else { return nil }
        return amzDate + expires
    }
}

/// Legacy SigV2 query authentication: `AWSAccessKeyId`, `Expires` (absolute Unix time), `Signature`.
public struct SigV2Query: Sendable {
    public var accessKeyId: String?
    public var expires: Timestamp?
    public var expiresText: String?
    public var signature: String?
    public var securityToken: String?

    public init(_ url: PresignedURL) {
        accessKeyId = url.value("AWSAccessKeyId")
        expiresText = url.value("Expires")
        expires = expiresText.flatMap { Int64($0) }.map { Timestamp(seconds: $0) }
        signature = url.value("Signature")
        securityToken = url.value("x-amz-security-token")
    }
}

func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

func isASCIIHexDigit(_ byte: UInt8) -> Bool {
    isASCIIDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
}
