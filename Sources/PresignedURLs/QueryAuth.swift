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
        // By length first, so a name is compared with at most two candidates (ASCII `==` is a
        // byte comparison). No slot name holds the ASCII letters that a non-ASCII character is
        // canonically equivalent to (K, ';', '`'), so a name of another UTF-8 length never equals one.
        switch name.utf8.count {
        case 10: name == "X-Amz-Date" ? 2 : nil
        case 13: name == "X-Amz-Expires" ? 3 : nil
        case 15: name == "X-Amz-Algorithm" ? 0 : name == "X-Amz-Signature" ? 5 : nil
        case 16: name == "X-Amz-Credential" ? 1 : nil
        case 19: name == "X-Amz-SignedHeaders" ? 4 : nil
        case 20: name == "X-Amz-Security-Token" ? 6 : nil
        default: nil
        }
    }

    /// A lower- or mixed-case spelling of a SigV4 parameter name, e.g. `x-amz-expires`.
    static func isMisspelledParameterName(_ name: String) -> Bool {
        guard name.utf8.count > 6 else { return false }
        if isASCII(name) {
            // ASCII: lower-casing is byte-wise, and only names of a slot name's length can match.
            guard name.utf8.prefix(6).map({ $0 | 0x20 }).elementsEqual("x-amz-".utf8) else { return false }
            return parameterNames.contains { candidate in
                candidate.utf8.count == name.utf8.count
                    && zip(candidate.utf8, name.utf8).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
            }
        }
        return name.lowercased().hasPrefix("x-amz-") && parameterNames.contains { $0.lowercased() == name.lowercased() }
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
        // One pass over the query: the first occurrence and the count of each SigV4 parameter, in
        // fixed slots on the stack (this runs once per verification; a dictionary's hashing, and
        // then arrays, showed in profiles).
        var first = SIMD8<Int32>(repeating: -1)
        var counts = SIMD8<Int32>(repeating: 0)
        var problems = [String]()
        for (index, parameter) in url.parameters.enumerated() {
            if let slot = Self.slot(parameter.name) {
                if first[slot] < 0 { first[slot] = Int32(index) }
                counts[slot] += 1
            } else if Self.isMisspelledParameterName(parameter.name) {
                // Lower-case spellings are different parameters to S3, and a common hand-made mistake.
                problems.append("'\(parameter.name)' is not spelled as S3 expects (parameter names are case-sensitive)")
            }
        }
        func value(_ slot: Int) -> String? { first[slot] < 0 ? nil : url.parameters[Int(first[slot])].value }
        algorithm = value(0)
        credentialText = value(1)
        amzDateText = value(2)
        expiresText = value(3)
        signature = value(5)
        securityToken = value(6)
        let signedHeaderText = value(4)
        signedHeaders = signedHeaderText.map(Self.signedHeaderNames) ?? []
        missing = (0..<Self.required.count).contains { first[$0] < 0 } ? Self.required.filter { first[Self.slot($0)!] < 0 } : []
        if (0..<Self.slotNames.count).contains(where: { counts[$0] > 1 }) {
            let duplicates = Self.slotNames.indices.filter { counts[$0] > 1 }.sorted { Self.slotNames[$0] < Self.slotNames[$1] }
            problems = duplicates.map { "\(Self.slotNames[$0]) appears \(counts[$0]) times" } + problems
        }
        if let algorithm, algorithm != "AWS4-HMAC-SHA256" {
            problems.append(algorithm == "AWS4-ECDSA-P256-SHA256"
                ? "X-Amz-Algorithm is SigV4A (AWS4-ECDSA-P256-SHA256), used for Multi-Region Access Points"
                : "X-Amz-Algorithm is '\(algorithm)', expected AWS4-HMAC-SHA256")
        }
        if let credentialText {
            let parts = Self.credentialParts(credentialText)
            if parts.count == 5 {
                credential = Credential(accessKeyId: parts[0], date: parts[1], region: parts[2],
                                        service: parts[3], terminator: parts[4])
                if parts[1].utf8.count != 8 || !allBytes(of: parts[1], satisfy: isASCIIDigit) {
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
            if let value = Int64(expiresText), value >= 0, allBytes(of: expiresText, satisfy: isASCIIDigit) {
                expires = value
            } else {
                problems.append("X-Amz-Expires '\(expiresText)' is not a whole number of seconds")
            }
        }
        if let signature, signature.utf8.count != 64 || !allBytes(of: signature, satisfy: isASCIIHexDigit) {
            problems.append("X-Amz-Signature is not 64 hexadecimal characters (was the URL truncated?)")
        }
        if let signedHeaderText {
            if signedHeaders.isEmpty || !signedHeaders.contains("host") {
                problems.append("X-Amz-SignedHeaders '\(signedHeaderText)' does not include host, which SigV4 requires")
            }
            let names = signedHeaders
            if !names.indices.dropFirst().allSatisfy({ names[$0 - 1] <= names[$0] }) {
                problems.append("X-Amz-SignedHeaders is not sorted")
            }
        }
        malformed = problems
    }

    /// `host;range` → ["host", "range"], lower-cased, empty names dropped.
    static func signedHeaderNames(_ text: String) -> [String] {
        guard isASCII(text) else { return text.split(separator: ";").map { $0.lowercased() } }
        // ASCII: Characters are bytes (the one two-byte Character, CR LF, holds no ';'), and
        // lower-casing is byte-wise.
        var names = [String]()
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ";") {
                if end > start {
                    names.append(String(unsafeUninitializedCapacity: end - start) { out in
                        for offset in start..<end { out[offset - start] = asciiLowercased(bytes[offset]) }
                        return end - start
                    })
                }
                start = end + 1
            }
        }
        return names
    }

    /// `X-Amz-Credential` split at every '/', empty parts kept.
    static func credentialParts(_ text: String) -> [String] {
        var parts = [String]()
        parts.reserveCapacity(5)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
            }
        }
        return parts
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

func allBytes(of text: String, satisfy predicate: (UInt8) -> Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(predicate) } ?? text.utf8.allSatisfy(predicate)
}

func isASCII(_ text: String) -> Bool { allBytes(of: text) { $0 < 0x80 } }

func asciiLowercased(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }

func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

func isASCIIHexDigit(_ byte: UInt8) -> Bool {
    isASCIIDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
}
