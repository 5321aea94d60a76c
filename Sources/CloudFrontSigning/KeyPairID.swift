/// What a `Key-Pair-Id` looks like. CloudFront public keys in key groups have IDs such as
/// `K2JCJMDEHXQW5F` (docs/aws-facts.md #21); legacy root-account CloudFront key pairs start with
/// `APKA`; `AKIA`/`ASIA` are IAM access key IDs, which CloudFront never accepts as a key pair ID.
public enum KeyPairIDKind: String, Sendable, Equatable {
    case keyGroupPublicKey = "key-group public key"
    case legacyKeyPair = "legacy root-account key pair"
    case accessKey = "IAM access key ID (wrong)"
    case unknown = "unrecognised"

    public init(_ id: String) {
        let upperAlnum = id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
        if !upperAlnum || id.isEmpty {
            self = .unknown
        } else if id.hasPrefix("APKA") {
            self = .legacyKeyPair
        } else if id.hasPrefix("AKIA") || id.hasPrefix("ASIA") {
            self = .accessKey
        } else if id.hasPrefix("K") && id.count >= 10 {
            self = .keyGroupPublicKey
        } else {
            self = .unknown
        }
    }
}
