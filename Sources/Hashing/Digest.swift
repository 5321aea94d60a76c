internal import COpenSSL

/// SHA-256 and HMAC through OpenSSL's libcrypto: the primitives SigV4 (SHA-256, HMAC-SHA256)
/// and legacy SigV2 (HMAC-SHA1) need, on digests fetched once from the default provider.
public enum Digest {
    // Fetched once: in OpenSSL 3 `EVP_sha256()` and the `SHA256()` one-shot look the provider
    // implementation up on every call ("Implicit fetching", openssl-migration_guide(7)), which
    // costs about as much as hashing a short message. Read-only after initialisation.
    nonisolated(unsafe) private static let sha256MD = EVP_MD_fetch(nil, "SHA256", nil)
    nonisolated(unsafe) private static let sha1MD = EVP_MD_fetch(nil, "SHA1", nil)

    public static func sha256(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        data.withUnsafeBufferPointer { input in
            _ = EVP_Digest(input.baseAddress, input.count, &out, &length, sha256MD, nil)
        }
        return out
    }

    public static func sha256(_ text: String) -> [UInt8] {
        sha256(Array(text.utf8))
    }

    public static func hmacSHA256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        hmac(sha256MD, length: 32, key: key, data: data)
    }

    public static func hmacSHA256(key: [UInt8], _ text: String) -> [UInt8] {
        hmacSHA256(key: key, data: Array(text.utf8))
    }

    public static func hmacSHA1(key: [UInt8], data: [UInt8]) -> [UInt8] {
        hmac(sha1MD, length: 20, key: key, data: data)
    }

    /// HMAC (RFC 2104) over OpenSSL's digest with a pre-fetched algorithm:
    /// H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), K padded (or first hashed) to the 64-byte block of
    /// SHA-1 and SHA-256. OpenSSL 3's one-shot `HMAC()` goes through `EVP_Q_mac`, which fetches
    /// the MAC and the digest by name on every call; SigV4 needs five HMACs per verification.
    private static func hmac(_ md: OpaquePointer?, length: Int, key: [UInt8], data: [UInt8]) -> [UInt8] {
        let blockSize = 64
        var pad = key.count > blockSize ? digest(md, length: length, key) : key
        pad.append(contentsOf: repeatElement(0, count: blockSize - pad.count))
        for index in pad.indices { pad[index] ^= 0x36 }
        var inner = [UInt8](repeating: 0, count: length)
        var out = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        // Inner hash: H((K ⊕ ipad) ‖ m), fed in two updates so the message is never copied.
        _ = EVP_DigestInit_ex2(context, md, nil)
        _ = EVP_DigestUpdate(context, pad, blockSize)
        data.withUnsafeBufferPointer { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        _ = EVP_DigestFinal_ex(context, &inner, &written)
        // Outer hash: H((K ⊕ opad) ‖ inner); 0x36 ^ 0x5C turns ipad into opad.
        for index in pad.indices { pad[index] ^= 0x36 ^ 0x5C }
        _ = EVP_DigestInit_ex2(context, md, nil)
        _ = EVP_DigestUpdate(context, pad, blockSize)
        _ = EVP_DigestUpdate(context, inner, length)
        _ = EVP_DigestFinal_ex(context, &out, &written)
        return out
    }

    private static func digest(_ md: OpaquePointer?, length: Int, _ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        data.withUnsafeBufferPointer { input in
            _ = EVP_Digest(input.baseAddress, input.count, &out, &written, md, nil)
        }
        return out
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal, as SigV4 prints hashes and signatures.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var chars = [UInt8]()
        chars.reserveCapacity(count * 2)
        for byte in self {
            chars.append(digits[Int(byte >> 4)])
            chars.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: chars, as: UTF8.self)
    }
}
