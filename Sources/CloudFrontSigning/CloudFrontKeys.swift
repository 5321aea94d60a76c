internal import COpenSSL
import Documents

/// An OpenSSL key, freed with its last reference. EVP_PKEY is reference-counted and safe to use
/// from several threads for verification and signing (OpenSSL 3 threads(7)); it is never mutated.
final class KeyHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }
}

/// The kinds of key CloudFront accepts: "CloudFront supports signed URLs and signed cookies with
/// RSA 2048 or ECDSA 256 key signatures" (CloudFront API Reference, PublicKey; docs/aws-facts.md #20).
public enum CloudFrontKeyAlgorithm: Sendable, Equatable, CustomStringConvertible {
    case rsa2048
    case ecdsaP256

    public var description: String {
        switch self {
        case .rsa2048: "RSA 2048"
        case .ecdsaP256: "ECDSA P-256"
        }
    }
}

/// A public key to verify CloudFront signatures with, and the key ID it was published under.
public struct CloudFrontPublicKey: Sendable {
    public var id: String?
    public var algorithm: CloudFrontKeyAlgorithm
    let handle: KeyHandle

    /// Reads a public key file: PEM (SubjectPublicKeyInfo `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY`)
    /// holding exactly one key, or the JSON of `aws cloudfront get-public-key`, `list-public-keys`
    /// or `get-public-key-config`. A private key is refused without printing any of it.
    public static func load(_ bytes: [UInt8], file: String) throws(CloudFrontSigningError) -> [CloudFrontPublicKey] {
        let text: String
        do { text = try SourceText.decode(bytes, file: file, maximumBytes: 1 << 20) } catch {
            throw CloudFrontSigningError(file: file, error.message)
        }
        let start = text.unicodeScalars.first(where: { !$0.properties.isWhitespace })
        if start == "{" { return try fromJSON(text, file: file) }
        return [try fromPEM(text, file: file, id: nil)]
    }

    static func fromPEM(_ text: String, file: String, id: String?) throws(CloudFrontSigningError) -> CloudFrontPublicKey {
        let blocks = try PEMBlock.blocks(in: text, file: file)
        if let secret = blocks.first(where: \.isPrivate) {
            throw CloudFrontSigningError(file: file, "holds a private key (\(secret.label)); give the public key instead (openssl pkey -in PRIVATE.pem -pubout), and keep the private key out of tickets and logs")
        }
        guard !blocks.isEmpty else { throw CloudFrontSigningError(file: file, "no PEM public key found (expected -----BEGIN PUBLIC KEY-----)") }
        guard blocks.count == 1 else {
            throw CloudFrontSigningError(file: file, "holds \(blocks.count) PEM blocks; give one public key, or the JSON of aws cloudfront list-public-keys to pick by Key-Pair-Id")
        }
        let block = blocks[0]
        let pointer: OpaquePointer?
        switch block.label {
        case "PUBLIC KEY":
            pointer = block.der.withUnsafeBufferPointer { buffer in
                var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
                return d2i_PUBKEY(nil, &cursor, buffer.count)
            }
        case "RSA PUBLIC KEY":
            pointer = block.der.withUnsafeBufferPointer { buffer in
                var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
                return d2i_PublicKey(EVP_PKEY_RSA, nil, &cursor, buffer.count)
            }
        case "CERTIFICATE":
            throw CloudFrontSigningError(file: file, "holds a certificate, not a public key; CloudFront key groups take the bare public key (openssl x509 -pubkey -noout -in CERT)")
        default:
            throw CloudFrontSigningError(file: file, "holds a \(block.label) PEM block, not a public key")
        }
        ERR_clear_error()
        guard let pointer else { throw CloudFrontSigningError(file: file, "the \(block.label) PEM block is not a valid key") }
        let handle = KeyHandle(pointer)
        return CloudFrontPublicKey(id: id, algorithm: try algorithm(of: handle, file: file), handle: handle)
    }

    static func fromJSON(_ text: String, file: String) throws(CloudFrontSigningError) -> [CloudFrontPublicKey] {
        let root: DocNode
        do { root = try JSONReader.parse(text, file: file) } catch {
            throw CloudFrontSigningError(file: file, "\(error.line ?? 0):\(error.column ?? 0): \(error.message)")
        }
        // (id, EncodedKey) pairs from each CLI output shape.
        var entries = [(String?, DocNode)]()
        if let key = root["PublicKey"], let encoded = key["PublicKeyConfig"]?["EncodedKey"] {
            entries.append((key["Id"]?.string, encoded))
        } else if let items = root["PublicKeyList"]?["Items"]?.elements {
            for item in items { if let encoded = item["EncodedKey"] { entries.append((item["Id"]?.string, encoded)) } }
        } else if let encoded = root["PublicKeyConfig"]?["EncodedKey"] {
            entries.append((nil, encoded))
        } else if let encoded = root["EncodedKey"] {
            entries.append((root["Id"]?.string, encoded))
        }
        guard !entries.isEmpty else {
            throw CloudFrontSigningError(file: file, "no EncodedKey found; expected the JSON of aws cloudfront get-public-key or list-public-keys")
        }
        var keys = [CloudFrontPublicKey]()
        for (id, node) in entries {
            guard let pem = node.string else {
                throw CloudFrontSigningError(file: file, "\(node.line):\(node.column): EncodedKey is \(node.kindName), not a PEM string")
            }
            let where_ = "\(file):\(node.line):\(node.column)"
            keys.append(try fromPEM(pem, file: id.map { "\(where_) (\($0))" } ?? where_, id: id))
        }
        return keys
    }

    static func algorithm(of handle: KeyHandle, file: String) throws(CloudFrontSigningError) -> CloudFrontKeyAlgorithm {
        let bits = Int(EVP_PKEY_get_bits(handle.pointer))
        if EVP_PKEY_is_a(handle.pointer, "RSA") == 1 {
            guard bits == 2048 else {
                throw CloudFrontSigningError(file: file, "the key is \(bits)-bit RSA; CloudFront accepts RSA 2048 and ECDSA P-256 keys only")
            }
            return .rsa2048
        }
        if EVP_PKEY_is_a(handle.pointer, "EC") == 1 {
            var name = [CChar](repeating: 0, count: 64)
            var length = 0
            _ = EVP_PKEY_get_group_name(handle.pointer, &name, name.count, &length)
            let group = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard group == "prime256v1" || group == "P-256" else {
                throw CloudFrontSigningError(file: file, "the key is ECDSA on \(group.isEmpty ? "an unknown curve" : group); CloudFront accepts ECDSA P-256 (and RSA 2048) only")
            }
            return .ecdsaP256
        }
        throw CloudFrontSigningError(file: file, "the key is neither RSA nor ECDSA; CloudFront accepts RSA 2048 and ECDSA P-256 keys only")
    }
}

/// A private key for `sign-cloudfront`. It is read from a file the user names and is never printed.
public struct CloudFrontPrivateKey: Sendable {
    public var algorithm: CloudFrontKeyAlgorithm
    let handle: KeyHandle

    public static func load(_ bytes: [UInt8], file: String) throws(CloudFrontSigningError) -> CloudFrontPrivateKey {
        let text: String
        do { text = try SourceText.decode(bytes, file: file, maximumBytes: 1 << 20) } catch {
            throw CloudFrontSigningError(file: file, error.message)
        }
        let blocks = try PEMBlock.blocks(in: text, file: file)
        let secrets = blocks.filter(\.isPrivate)
        guard !secrets.isEmpty else {
            let found = blocks.first.map { "a \($0.label) PEM block" } ?? "no PEM block"
            throw CloudFrontSigningError(file: file, "holds \(found), not a private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)")
        }
        guard secrets.count == 1 else { throw CloudFrontSigningError(file: file, "holds \(secrets.count) private keys; give exactly one") }
        let block = secrets[0]
        guard block.label != "ENCRYPTED PRIVATE KEY", !block.isEncrypted else {
            throw CloudFrontSigningError(file: file, "the private key is encrypted; decrypt it first (openssl pkey -in FILE -out PLAIN)")
        }
        let pointer = block.der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        ERR_clear_error()
        guard let pointer else { throw CloudFrontSigningError(file: file, "the \(block.label) PEM block is not a valid private key") }
        let handle = KeyHandle(pointer)
        return CloudFrontPrivateKey(algorithm: try CloudFrontPublicKey.algorithm(of: handle, file: file), handle: handle)
    }

    /// The matching public key, e.g. to check a signature right after making it.
    public var publicKey: CloudFrontPublicKey {
        // An EVP_PKEY holding a private key verifies as its public half.
        CloudFrontPublicKey(id: nil, algorithm: algorithm, handle: handle)
    }
}
