/// Makes CloudFront signed URLs and cookies byte for byte as botocore's `CloudFrontSigner` does
/// (`generate_presigned_url`: `Expires` or `Policy`, then `Signature`, then `Key-Pair-Id`, joined
/// with `&` after `?`, or after `&` when the URL already has a query). SHA-256 signatures add
/// `Hash-Algorithm=SHA256` last, as in the Developer Guide's example URL (botocore signs SHA-1 only).
/// ECDSA P-256 keys sign as the Developer Guide's OpenSSL command does (a DER signature); those
/// signatures are randomised, so only RSA output is byte-for-byte botocore's.
public struct CloudFrontSigner: Sendable {
    public enum Policy: Sendable, Equatable {
        /// A canned policy ending at this Unix time.
        case canned(expires: Int64)
        /// A custom policy, signed and sent exactly as these bytes.
        case custom([UInt8])
    }

    public var keyPairID: String
    public var privateKey: CloudFrontPrivateKey
    public var hashAlgorithm: CloudFrontHashAlgorithm

    public init(keyPairID: String, privateKey: CloudFrontPrivateKey, hashAlgorithm: CloudFrontHashAlgorithm = .sha1) {
        self.keyPairID = keyPairID
        self.privateKey = privateKey
        self.hashAlgorithm = hashAlgorithm
    }

    /// The signing parameters (name, value) in botocore's order, for a request to `url`.
    public func parameters(for url: String, policy: Policy) throws(CloudFrontSigningError) -> [(String, String)] {
        let bytes: [UInt8]
        var parameters = [(String, String)]()
        switch policy {
        case .canned(let expires):
            bytes = CloudFrontPolicy.canned(resource: url, expires: String(expires))
            parameters.append(("Expires", String(expires)))
        case .custom(let custom):
            bytes = custom
            parameters.append(("Policy", CloudFrontBase64.encode(custom)))
        }
        let signature = try PolicySignature.sign(bytes, key: privateKey, hash: hashAlgorithm)
        parameters.append(("Signature", CloudFrontBase64.encode(signature)))
        parameters.append(("Key-Pair-Id", keyPairID))
        if hashAlgorithm == .sha256 { parameters.append(("Hash-Algorithm", "SHA256")) }
        return parameters
    }

    public func signedURL(_ url: String, policy: Policy) throws(CloudFrontSigningError) -> String {
        let query = try parameters(for: url, policy: policy).map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return url + (url.contains("?") ? "&" : "?") + query
    }

    /// The `CloudFront-*` cookies (name, value) for the same policy; a canned policy signs `url`.
    public func cookies(for url: String, policy: Policy) throws(CloudFrontSigningError) -> [(String, String)] {
        try parameters(for: url, policy: policy).map { ("CloudFront-" + $0.0, $0.1) }
    }
}
