import ArgumentParser
import Checking
import CloudFrontSigning
import PresignedURLs

/// `cfdoctor sign-cloudfront`: make a CloudFront signed URL or signed cookies, exactly as botocore's
/// CloudFrontSigner would, with a private key read from a file (and never printed).
struct SignCloudFrontCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-cloudfront",
        abstract: "Make a CloudFront signed URL or signed cookies (canned or custom policy).",
        discussion: """
            The URL must be the one viewers request (http:// or https://, CloudFront's domain or an alternate \
            domain name), percent-encoded as it will be sent, without CloudFront's signing parameters. With \
            --expires a canned policy is used; with --policy the file's policy statement (whitespace removed) is \
            signed and sent as Policy. Signatures are RSA-SHA1 unless --hash-algorithm SHA256 (which adds \
            Hash-Algorithm=SHA256). The private key (PEM, PKCS#1 or PKCS#8; RSA 2048, or ECDSA P-256 signed as the Developer Guide's openssl command does) is never printed.

            Examples:
              cfdoctor sign-cloudfront --url https://d111111abcdef8.cloudfront.net/a.pdf \\
                  --key-pair-id K2JCJMDEHXQW5F --private-key-file private_key.pem --expires 1h
              cfdoctor sign-cloudfront --url https://d111111abcdef8.cloudfront.net/hls/index.m3u8 \\
                  --key-pair-id K2JCJMDEHXQW5F --private-key-file private_key.pem --policy policy.json --format cookies
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, cookies }

    @Option(help: ArgumentHelp("The URL to sign (the viewer URL, without signing parameters).", valueName: "url"))
    var url: String

    @Option(help: ArgumentHelp("The ID of the public key in the behavior's trusted key group (K…).", valueName: "id"))
    var keyPairId: String

    @Option(help: ArgumentHelp("The PEM file holding the private key.", valueName: "file"))
    var privateKeyFile: String

    @Option(help: ArgumentHelp("Canned policy: valid for this long from now (900, 15m, 1h30m) or until this time (RFC 3339).",
                               valueName: "duration|time"))
    var expires: String?

    @Option(help: ArgumentHelp("Custom policy: a file holding the policy statement JSON.", valueName: "file"))
    var policy: String?

    @Option(help: "The hash signed with RSA: SHA1 (CloudFront's default) or SHA256.")
    var hashAlgorithm: CloudFrontHashAlgorithm = .sha1

    @Option(help: "Output: text (the signed URL), json, cookies (Set-Cookie headers).")
    var format: Format = .text

    @OptionGroup var time: TimeOptions

    mutating func validate() throws {
        guard (expires == nil) != (policy == nil) else {
            throw ValidationError("give exactly one of --expires (canned policy) and --policy (custom policy)")
        }
    }

    func run() throws {
        try Self.checkURL(url)
        try Self.checkKeyPairID(keyPairId)
        let keyBytes = try InputFiles.readBytes(privateKeyFile, limit: InputLimit(bytes: 1 << 20, reason: "a private key file is at most 1 MiB"))
        let key: CloudFrontPrivateKey
        do { key = try CloudFrontPrivateKey.load(keyBytes, file: InputFiles.displayName(privateKeyFile)) } catch {
            throw InputFailure(error.description)
        }
        let chosen = try signingPolicy()
        let signer = CloudFrontSigner(keyPairID: keyPairId, privateKey: key, hashAlgorithm: hashAlgorithm)
        let parameters: [(String, String)]
        do { parameters = try signer.parameters(for: url, policy: chosen) } catch { throw InputFailure(error.description) }
        let signedURL = url + (url.contains("?") ? "&" : "?") + parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        switch format {
        case .text:
            print(signedURL)
        case .cookies:
            for (name, value) in parameters {
                print("Set-Cookie: CloudFront-\(name)=\(value); Path=/; Secure; HttpOnly")
            }
        case .json:
            print(json(signedURL: signedURL, parameters: parameters, policy: chosen))
        }
    }

    private func signingPolicy() throws -> CloudFrontSigner.Policy {
        if let expires {
            let now = try time.resolvedNow()
            let end: Int64
            if let seconds = DurationText.parse(expires) {
                end = now.seconds + seconds
            } else if let moment = Timestamp.parse(expires) {
                end = moment.seconds
            } else {
                throw InputFailure("--expires '\(expires)' is neither a duration (900, 15m, 1h30m) nor a time (2026-01-01T18:00:00Z)")
            }
            guard end > now.seconds else { throw InputFailure("--expires \(expires) is not in the future: the URL would be expired at once") }
            guard end <= CloudFrontPolicy.latestEpoch else {
                throw InputFailure("--expires \(expires) is after 2038-01-19T03:14:07Z, the latest time CloudFront accepts")
            }
            return .canned(expires: end)
        }
        let file = policy ?? "-"
        let bytes = CloudFrontPolicy.compacted(try InputFiles.readBytes(file, limit: InputLimit(bytes: CloudFrontPolicy.maximumBytes, reason: "a policy file is at most \(ByteCount.describe(CloudFrontPolicy.maximumBytes))")))
        let parsed = CloudFrontPolicy.parse(bytes)
        if let problem = parsed.problems.first {
            throw InputFailure("\(InputFiles.displayName(file)): \(problem.message)")
        }
        return .custom(bytes)
    }

    private func json(signedURL: String, parameters: [(String, String)], policy: CloudFrontSigner.Policy) -> String {
        let q = CloudFrontPolicy.jsonString
        var fields = ["  \"url\": \(q(signedURL))", "  \"keyPairId\": \(q(keyPairId))",
                      "  \"hashAlgorithm\": \(q(hashAlgorithm.rawValue))"]
        switch policy {
        case .canned(let expires):
            fields.append("  \"policyType\": \"canned\"")
            fields.append("  \"expires\": \(expires)")
            fields.append("  \"expiresUTC\": \(q(UTCTime.format(expires)))")
        case .custom(let bytes):
            fields.append("  \"policyType\": \"custom\"")
            fields.append("  \"policy\": \(q(String(decoding: bytes, as: UTF8.self)))")
        }
        let cookies = parameters.map { "    \(q("CloudFront-" + $0.0)): \(q($0.1))" }.joined(separator: ",\n")
        fields.append("  \"cookies\": {\n\(cookies)\n  }")
        return "{\n" + fields.joined(separator: ",\n") + "\n}"
    }

    static func checkURL(_ url: String) throws {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw InputFailure("--url must be an absolute http:// or https:// URL (the one viewers request)")
        }
        guard !url.contains("#") else { throw InputFailure("--url must not have a #fragment: browsers never send it") }
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw InputFailure("--url has spaces or non-ASCII characters: percent-encode them as the viewer will send them (%20, %C3%A9)")
        }
        if let request = CloudFrontSignedRequest.fromURL(url) {
            _ = request
            throw InputFailure("--url already has CloudFront signing parameters (\(CloudFrontSignedRequest.queryParameters.joined(separator: ", "))): give the URL without them")
        }
    }

    static func checkKeyPairID(_ id: String) throws {
        switch KeyPairIDKind(id) {
        case .accessKey:
            throw InputFailure("--key-pair-id \(id) is an IAM access key ID; use the ID of the public key in the behavior's trusted key group (K…)")
        case .unknown:
            throw InputFailure("--key-pair-id '\(id)' is not a CloudFront public key ID (K…) or key pair ID (APKA…)")
        case .keyGroupPublicKey, .legacyKeyPair:
            break
        }
    }
}

extension CloudFrontHashAlgorithm: ExpressibleByArgument {}
