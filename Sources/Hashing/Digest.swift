internal import COpenSSL

/// SHA-256 and HMAC through OpenSSL's libcrypto: the primitives SigV4 (SHA-256, HMAC-SHA256)
/// and legacy SigV2 (HMAC-SHA1) need. One-shot calls; `HMAC()` is not deprecated in OpenSSL 3.
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
            _ = EVP_Digest(input.baseAddress, input.count, &out, &length, sha256MD ?? EVP_sha256(), nil)
        }
        return out
    }

    public static func sha256(_ text: String) -> [UInt8] {
        sha256(Array(text.utf8))
    }

    public static func hmacSHA256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        hmac(sha256MD ?? EVP_sha256(), length: 32, key: key, data: data)
    }

    public static func hmacSHA256(key: [UInt8], _ text: String) -> [UInt8] {
        hmacSHA256(key: key, data: Array(text.utf8))
    }

    public static func hmacSHA1(key: [UInt8], data: [UInt8]) -> [UInt8] {
        hmac(sha1MD ?? EVP_sha1(), length: 20, key: key, data: data)
    }

    private static func hmac(_ md: OpaquePointer?, length: Int, key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        // OpenSSL wants a non-null key pointer even for an empty key.
        let keyBytes = key.isEmpty ? [0] : key
        keyBytes.withUnsafeBufferPointer { k in
            data.withUnsafeBufferPointer { d in
                _ = HMAC(md, k.baseAddress, Int32(key.count), d.baseAddress, d.count, &out, &written)
            }
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
