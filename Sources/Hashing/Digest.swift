internal import COpenSSL

/// SHA-256 and HMAC through OpenSSL's libcrypto: the primitives SigV4 (SHA-256, HMAC-SHA256)
/// and legacy SigV2 (HMAC-SHA1) need, on digests fetched once from the default provider.
public enum Digest {
    // Fetched once: in OpenSSL 3 `EVP_sha256()` and the `SHA256()` one-shot look the provider
    // implementation up on every call ("Implicit fetching", openssl-migration_guide(7)), which
    // costs about as much as hashing a short message. Read-only after initialisation.
    nonisolated(unsafe) static let sha256MD = EVP_MD_fetch(nil, "SHA256", nil)
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
        var text = text
        return text.withUTF8 { input in
            var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
            var length: UInt32 = 0
            _ = EVP_Digest(input.baseAddress, input.count, &out, &length, sha256MD, nil)
            return out
        }
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

    private static func hmac(_ md: OpaquePointer?, length: Int, key: [UInt8], data: [UInt8]) -> [UInt8] {
        let context = DigestContext(md, length: length)
        var out = [UInt8](repeating: 0, count: length)
        key.withUnsafeBytes { key in
            data.withUnsafeBytes { data in
                out.withUnsafeMutableBytes { out in context.hmac(key: key, data, into: out) }
            }
        }
        return out
    }
}

/// One OpenSSL digest context, reused for every hash of one computation. A SigV4 verification
/// hashes the canonical request and runs five HMACs: allocating an `EVP_MD_CTX` and `[UInt8]`
/// pads and results per HMAC cost more than the hashing itself (bench/VerifyBench). Not
/// copyable and not Sendable: each computation makes its own, so there is no shared state.
public struct DigestContext: ~Copyable {
    private let context: OpaquePointer?
    private let md: OpaquePointer?
    /// The digest's output length in bytes.
    public let length: Int

    /// A SHA-256 context (32-byte digests, 64-byte blocks).
    public init() { self.init(Digest.sha256MD, length: 32) }

    init(_ md: OpaquePointer?, length: Int) {
        self.md = md
        self.length = length
        context = EVP_MD_CTX_new()
    }

    deinit { EVP_MD_CTX_free(context) }

    /// The digest of `data` into the first `length` bytes of `out`.
    public func hash(_ data: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        precondition(out.count >= length)
        var written: UInt32 = 0
        _ = EVP_DigestInit_ex2(context, md, nil)
        _ = EVP_DigestUpdate(context, data.baseAddress, data.count)
        _ = EVP_DigestFinal_ex(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &written)
    }

    /// HMAC (RFC 2104) into the first `length` bytes of `out`, which may be the key's own memory
    /// (the key is read into the pad before anything is written): H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)),
    /// K padded (or first hashed) to the 64-byte block of SHA-1 and SHA-256. OpenSSL 3's one-shot
    /// `HMAC()` goes through `EVP_Q_mac`, which fetches the MAC and the digest by name on every call.
    public func hmac(key: UnsafeRawBufferPointer, _ data: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        precondition(out.count >= length)
        let blockSize = 64
        withUnsafeTemporaryAllocation(byteCount: blockSize + length, alignment: 16) { scratch in
            let pad = UnsafeMutableRawBufferPointer(rebasing: scratch[..<blockSize])
            let inner = UnsafeMutableRawBufferPointer(rebasing: scratch[blockSize...])
            pad.initializeMemory(as: UInt8.self, repeating: 0)
            if key.count > blockSize {
                hash(key, into: pad)
            } else if let base = key.baseAddress {
                pad.baseAddress!.copyMemory(from: base, byteCount: key.count)
            }
            for index in 0..<blockSize { pad[index] ^= 0x36 }
            var written: UInt32 = 0
            // Inner hash: H((K ⊕ ipad) ‖ m), fed in two updates so the message is never copied.
            _ = EVP_DigestInit_ex2(context, md, nil)
            _ = EVP_DigestUpdate(context, pad.baseAddress, blockSize)
            _ = EVP_DigestUpdate(context, data.baseAddress, data.count)
            _ = EVP_DigestFinal_ex(context, inner.baseAddress?.assumingMemoryBound(to: UInt8.self), &written)
            // Outer hash: H((K ⊕ opad) ‖ inner); 0x36 ^ 0x5C turns ipad into opad.
            for index in 0..<blockSize { pad[index] ^= 0x36 ^ 0x5C }
            _ = EVP_DigestInit_ex2(context, md, nil)
            _ = EVP_DigestUpdate(context, pad.baseAddress, blockSize)
            _ = EVP_DigestUpdate(context, inner.baseAddress, length)
            _ = EVP_DigestFinal_ex(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &written)
        }
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal, as SigV4 prints hashes and signatures.
    public var hexString: String {
        withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { out in
                Hex.write(bytes, into: UnsafeMutableRawBufferPointer(out))
                return bytes.count * 2
            }
        }
    }
}

/// Lower-case hexadecimal into a caller's buffer.
public enum Hex {
    /// Writes `2 * bytes.count` hex digits at the start of `out`.
    public static func write(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        precondition(out.count >= bytes.count * 2)
        for (index, byte) in bytes.enumerated() {
            out[2 * index] = digit(byte >> 4)
            out[2 * index + 1] = digit(byte & 0x0F)
        }
    }

    @inline(__always) static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }
}
