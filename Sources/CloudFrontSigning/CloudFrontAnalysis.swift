/// What CloudFront would think of one signed request: the policy it verifies, whether the
/// signature verifies with the key, and every reason it would refuse the request.
public struct CloudFrontAnalysis: Sendable {
    public var request: CloudFrontSignedRequest
    /// The policy the signature covers: the one sent (custom) or the one CloudFront rebuilds (canned).
    public var policy: CloudFrontPolicy?
    public var hashAlgorithm: CloudFrontHashAlgorithm?
    public var signatureStatus: CloudFrontSignatureStatus
    /// The key the signature was checked with, when one was.
    public var keyID: String?
    public var findings: [CloudFrontFinding]

    /// The request would be served (as far as the signing parameters go).
    public var isValid: Bool {
        signatureStatus == .valid && !findings.contains { $0.kind != .ipCondition }
    }

    /// Analyses `request` at `now` (Unix seconds) with the public keys given, if any.
    /// Throws only for input that cannot be a signature or policy at all: not base64, a policy
    /// over 20,480 bytes, a signature whose length does not fit the key (truncated).
    public static func analyse(_ request: CloudFrontSignedRequest, now: Int64,
                               keys: [CloudFrontPublicKey]? = nil) throws(CloudFrontSigningError) -> CloudFrontAnalysis {
        var analysis = CloudFrontAnalysis(request: request, policy: nil, hashAlgorithm: nil,
                                          signatureStatus: .notChecked("no public key given"), keyID: nil, findings: [])
        try analysis.run(now: now, keys: keys)
        return analysis
    }

    private var names: (expires: String, policy: String, signature: String, keyPairID: String, hash: String) {
        request.carrier == .url
            ? ("Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm")
            : ("CloudFront-Expires", "CloudFront-Policy", "CloudFront-Signature", "CloudFront-Key-Pair-Id", "CloudFront-Hash-Algorithm")
    }

    private mutating func malformed(_ message: String) { findings.append(CloudFrontFinding(.malformed, message)) }

    private mutating func run(now: Int64, keys: [CloudFrontPublicKey]?) throws(CloudFrontSigningError) {
        let names = self.names
        for name in request.repeated { malformed("\(name) appears more than once") }
        policy = try readPolicy()
        let signature = try readSignature()
        if request.keyPairID == nil || request.keyPairID == "" {
            malformed("\(names.keyPairID) is missing: CloudFront cannot tell which public key to verify with (it answers MissingKey)")
        } else if request.keyPairIDKind == .accessKey, let id = request.keyPairID {
            findings.append(CloudFrontFinding(.keyNotTrusted, "\(names.keyPairID) \(id) is an IAM access key ID, not a CloudFront public key ID (K…) or key pair ID (APKA…)"))
        }
        switch request.hashAlgorithm {
        case nil: hashAlgorithm = .sha1
        case "SHA256": hashAlgorithm = .sha256
        case let other?:
            malformed("\(names.hash)=\(other) is not a documented value; AWS documents only SHA256 (omit it for SHA-1)")
        }
        checkTimes(now: now)
        checkResource()
        if let ip = policy?.sourceIP {
            let size = IPRange(ip).map { " (\($0.sizeDescription))" } ?? ""
            findings.append(CloudFrontFinding(.ipCondition, "only viewers whose IP address is in \(ip)\(size) are served; CloudFront sees the viewer's address, not a proxy's or a server's that fetches for it"))
        }
        try verify(signature: signature, keys: keys)
    }

    private mutating func readPolicy() throws(CloudFrontSigningError) -> CloudFrontPolicy? {
        let names = self.names
        if request.expires != nil && request.policy != nil {
            malformed("both \(names.expires) and \(names.policy) are present; a canned policy uses \(names.expires), a custom policy \(names.policy), never both")
        }
        if let encoded = request.policy {
            guard encoded.utf8.count <= CloudFrontPolicy.maximumBytes * 4 / 3 + 4 else {
                throw CloudFrontSigningError("\(names.policy) is \(encoded.utf8.count) characters; CloudFront refuses requests over 20,480 bytes")
            }
            guard let decoded = CloudFrontBase64.decode(encoded) else {
                throw CloudFrontSigningError("\(names.policy) is not base64 (CloudFront's alphabet is A–Z a–z 0–9 - ~ and _ for padding)")
            }
            if decoded.usedStandardAlphabet {
                malformed("\(names.policy) uses standard base64 characters (+ / =); CloudFront wants - ~ _ instead")
            }
            var policy = CloudFrontPolicy.parse(decoded.bytes)
            for problem in policy.problems { malformed(problem.message) }
            policy.problems = []
            return policy
        }
        guard let expires = request.expires else {
            malformed("neither \(names.expires) (canned policy) nor \(names.policy) (custom policy) is present")
            return nil
        }
        guard !expires.isEmpty, expires.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int64(expires) else {
            malformed("\(names.expires)=\(expires) is not a Unix time in seconds")
            return nil
        }
        if seconds >= CloudFrontPolicy.millisecondsThreshold {
            malformed("\(names.expires)=\(expires) is in milliseconds; CloudFront wants Unix time in seconds (\(seconds / 1000))")
        } else if seconds > CloudFrontPolicy.latestEpoch {
            malformed("\(names.expires)=\(expires) is beyond 2147483647, the latest time CloudFront accepts")
        }
        var policy = CloudFrontPolicy(bytes: CloudFrontPolicy.canned(resource: request.resourceURL, expires: expires))
        policy.resource = request.resourceURL
        policy.dateLessThan = seconds
        return policy
    }

    private mutating func readSignature() throws(CloudFrontSigningError) -> [UInt8]? {
        let name = names.signature
        guard let text = request.signature, !text.isEmpty else {
            malformed("\(name) is missing")
            return nil
        }
        guard let decoded = CloudFrontBase64.decode(text) else {
            throw CloudFrontSigningError("\(name) is not base64 (CloudFront answers MalformedSignature \"Could not unencode Signature\"); was the URL cut off or re-encoded?")
        }
        if decoded.usedStandardAlphabet {
            malformed("\(name) uses standard base64 characters (+ / =); CloudFront wants - ~ _ instead")
        }
        return decoded.bytes
    }

    private mutating func checkTimes(now: Int64) {
        guard let policy else { return }
        if let end = policy.dateLessThan, now >= end {
            findings.append(CloudFrontFinding(.expired, "expired: DateLessThan \(Self.utc(end)) passed \(Self.span(now - end)) ago"))
        }
        if let start = policy.dateGreaterThan, now <= start {
            findings.append(CloudFrontFinding(.expired, "not yet valid: DateGreaterThan \(Self.utc(start)) is \(Self.span(start - now)) away"))
        }
    }

    private mutating func checkResource() {
        guard request.isCanned == false, let policy, let resource = policy.resource else { return }
        if !WildcardResource.matches(resource, request.resourceURL) {
            var hint = ""
            if WildcardResource.matches(resource, CloudFrontSignedRequest.percentDecoded(request.resourceURL))
                || WildcardResource.matches(CloudFrontSignedRequest.percentDecoded(resource), CloudFrontSignedRequest.percentDecoded(request.resourceURL)) {
                hint = " (they differ only in percent-encoding: the policy must name the URL as the viewer sends it)"
            }
            findings.append(CloudFrontFinding(.resourceMismatch, "the policy's Resource \(resource) does not cover \(request.resourceURL)\(hint)"))
        }
    }

    private mutating func verify(signature: [UInt8]?, keys: [CloudFrontPublicKey]?) throws(CloudFrontSigningError) {
        guard let signature, let policy, let hash = hashAlgorithm else {
            signatureStatus = .notChecked("the request has no complete signature and policy")
            return
        }
        guard let keys, !keys.isEmpty else {
            signatureStatus = .notChecked("no public key given (--public-key or --public-keys)")
            return
        }
        let id = request.keyPairID ?? ""
        let key: CloudFrontPublicKey
        if let match = keys.first(where: { $0.id == id }) {
            key = match
        } else if keys.count == 1, keys[0].id == nil {
            key = keys[0]
        } else {
            let known = keys.compactMap(\.id).joined(separator: ", ")
            findings.append(CloudFrontFinding(.keyNotTrusted, "Key-Pair-Id \(id) is not among the public keys given (\(known)); CloudFront answers InvalidKey \"Unknown Key\" for an ID it does not know"))
            signatureStatus = .notChecked("no public key with ID \(id)")
            return
        }
        keyID = key.id
        // ECDSA: the DER signature `openssl sha1 -sign` writes, the Developer Guide's own recipe
        // (docs/aws-facts.md #20); its length varies, so only RSA's is checked.
        if key.algorithm == .rsa2048, signature.count < 100, signature.first == 0x30 {
            // A DER SEQUENCE of r and s: an ECDSA signature checked against an RSA key.
            signatureStatus = .invalid
            findings.append(CloudFrontFinding(.signatureInvalid, "the Signature is an ECDSA signature but public key \(key.id ?? "given") is RSA: another key signed it"))
            return
        }
        guard key.algorithm == .ecdsaP256 || signature.count == 256 else {
            throw CloudFrontSigningError("\(names.signature) is \(signature.count) bytes; an RSA 2048 signature is 256 bytes (was the URL cut off?)")
        }
        if PolicySignature.verify(signature, over: policy.bytes, key: key, hash: hash) {
            signatureStatus = .valid
            return
        }
        signatureStatus = .invalid
        findings.append(explainInvalid(signature, policy: policy, key: key, hash: hash))
    }

    /// Why a signature fails: tries what signers commonly get wrong, so the finding says which.
    private func explainInvalid(_ signature: [UInt8], policy: CloudFrontPolicy, key: CloudFrontPublicKey,
                                hash: CloudFrontHashAlgorithm) -> CloudFrontFinding {
        let other: CloudFrontHashAlgorithm = hash == .sha1 ? .sha256 : .sha1
        if PolicySignature.verify(signature, over: policy.bytes, key: key, hash: other) {
            let message = other == .sha256
                ? "the signature is RSA-SHA256 but the request has no \(names.hash)=SHA256, so CloudFront checks it as SHA-1"
                : "the request says \(names.hash)=SHA256 but the signature is RSA-SHA1"
            return CloudFrontFinding(.signatureInvalid, message)
        }
        if request.isCanned, let expires = request.expires {
            for (resource, escaping, why) in cannedVariants() {
                let bytes = Array(("{\"Statement\":[{\"Resource\":" + escaping(resource)
                    + ",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}").utf8)
                guard PolicySignature.verify(signature, over: bytes, key: key, hash: hash) else { continue }
                if resource == request.resourceURL {
                    return CloudFrontFinding(.resourceMismatch, "the signature is for a canned policy whose Resource was written \(why); CloudFront rebuilds the policy with the URL's characters as they are, so the bytes differ")
                }
                return CloudFrontFinding(.resourceMismatch, "the signature is for the canned policy of \(resource) (\(why)), but CloudFront rebuilds it from the URL it receives: \(request.resourceURL)")
            }
        }
        let what = request.isCanned
            ? "the URL (path, query string or \(names.expires)) changed after signing, or another key signed it"
            : "the \(names.policy) changed after signing, or another key signed it"
        return CloudFrontFinding(.signatureInvalid, "the signature does not verify with public key \(key.id ?? "given"): \(what)")
    }

    /// Resources a signer may have signed instead of the URL CloudFront rebuilds the canned policy from.
    private func cannedVariants() -> [(String, (String) -> String, String)] {
        let url = request.resourceURL
        let python: (String) -> String = CloudFrontPolicy.jsonString
        // Go's encoding/json escapes & < > as \u0026 \u003c \u003e; PHP's json_encode escapes / as \/.
        let go: (String) -> String = { CloudFrontPolicy.jsonString($0).replacingEvery("&", "\\u0026").replacingEvery("<", "\\u003c").replacingEvery(">", "\\u003e") }
        let php: (String) -> String = { CloudFrontPolicy.jsonString($0).replacingEvery("/", "\\/") }
        var variants: [(String, (String) -> String, String)] = [
            (url, go, "with & as \\u0026 (and < > as \\u003c \\u003e), as Go's encoding/json does"),
            (url, php, "with / as \\/, as PHP's json_encode does"),
        ]
        let decoded = CloudFrontSignedRequest.percentDecoded(url)
        if decoded != url { variants.append((decoded, python, "percent-decoded")) }
        if url.contains("%20") { variants.append((url.replacingEvery("%20", "+"), python, "spaces as +")) }
        if url.contains("+") { variants.append((url.replacingEvery("+", "%20"), python, "spaces as %20")) }
        if let query = url.firstIndex(of: "?") { variants.append((String(url[..<query]), python, "without the query string")) }
        return variants
    }

    static func utc(_ seconds: Int64) -> String { UTCTime.format(seconds) }

    static func span(_ seconds: Int64) -> String { UTCTime.span(seconds) }
}

extension String {
    func replacingEvery(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
