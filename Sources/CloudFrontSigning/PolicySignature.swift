internal import COpenSSL

/// The digest CloudFront hashes the policy with before the RSA signature: SHA-1, or SHA-256
/// when the request says `Hash-Algorithm=SHA256` (docs/aws-facts.md #18).
public enum CloudFrontHashAlgorithm: String, Sendable, Equatable, CaseIterable {
    case sha1 = "SHA1"
    case sha256 = "SHA256"

    var openSSLName: String {
        switch self {
        case .sha1: "SHA1"
        case .sha256: "SHA256"
        }
    }
}

/// RSA PKCS#1 v1.5 signatures over the policy bytes, through OpenSSL's EVP_DigestSign/Verify.
enum PolicySignature {
    static func verify(_ signature: [UInt8], over message: [UInt8], key: CloudFrontPublicKey,
                       hash: CloudFrontHashAlgorithm) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context); ERR_clear_error() }
        guard EVP_DigestVerifyInit_ex(context, nil, hash.openSSLName, nil, nil, key.handle.pointer, nil) == 1 else { return false }
        return signature.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { tbs in
                EVP_DigestVerify(context, sig.baseAddress, sig.count, tbs.baseAddress, tbs.count) == 1
            }
        }
    }

    static func sign(_ message: [UInt8], key: CloudFrontPrivateKey, hash: CloudFrontHashAlgorithm) throws(CloudFrontSigningError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw CloudFrontSigningError("out of memory") }
        defer { EVP_MD_CTX_free(context); ERR_clear_error() }
        guard EVP_DigestSignInit_ex(context, nil, hash.openSSLName, nil, nil, key.handle.pointer, nil) == 1 else {
            throw CloudFrontSigningError("OpenSSL cannot sign with this key")
        }
        var length = 0
        let sized = message.withUnsafeBufferPointer { tbs in
            EVP_DigestSign(context, nil, &length, tbs.baseAddress, tbs.count)
        }
        guard sized == 1 else { throw CloudFrontSigningError("OpenSSL cannot sign with this key") }
        var out = [UInt8](repeating: 0, count: length)
        let signed = message.withUnsafeBufferPointer { tbs in
            EVP_DigestSign(context, &out, &length, tbs.baseAddress, tbs.count)
        }
        guard signed == 1 else { throw CloudFrontSigningError("OpenSSL cannot sign with this key") }
        return Array(out.prefix(length))
    }
}
