import ArgumentParser
import Checking
import CloudFrontSigning
import PresignedURLs
import Rules

/// `--public-key`, `--public-keys`, `--key-groups`, `--cookie`: what `url` and `check` need to
/// verify CloudFront signed URLs and cookies (CFD701–CFD707).
struct CloudFrontKeyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The PEM public key (SubjectPublicKeyInfo or PKCS#1) that CloudFront signed URLs are verified with.",
                               valueName: "file"))
    var publicKey: String?

    @Option(help: ArgumentHelp("The JSON of aws cloudfront get-public-key or list-public-keys; the key is picked by Key-Pair-Id.",
                               valueName: "file"))
    var publicKeys: String?

    @Option(help: ArgumentHelp("The JSON of aws cloudfront get-key-group or list-key-groups (repeatable): which public keys a behavior's trusted key groups hold.",
                               valueName: "file"))
    var keyGroups: [String] = []

    @Option(help: ArgumentHelp("CloudFront-* signed cookies sent with the URL: a Cookie: header, name=value pairs or a cookies.txt line (repeatable).",
                               valueName: "cookie"))
    var cookie: [String] = []

    mutating func validate() throws {
        if publicKey != nil && publicKeys != nil {
            throw ValidationError("give --public-key or --public-keys, not both")
        }
    }

    /// Loads the key files. Bad files are one line (exit 2); a private key is refused unprinted.
    func load() throws -> CloudFrontSigningOptions {
        var options = CloudFrontSigningOptions(cookies: cookie)
        if let path = publicKey ?? publicKeys {
            let bytes = try InputFiles.readBytes(path, limit: InputLimit(bytes: 1 << 20, reason: "a public key file is at most 1 MiB"))
            do {
                // Either flag reads either form; the names say what users usually have at hand.
                options.publicKeys = try CloudFrontPublicKey.load(bytes, file: InputFiles.displayName(path))
            } catch {
                throw InputFailure(error.description)
            }
        }
        for path in keyGroups {
            let bytes = try InputFiles.readBytes(path, limit: InputLimit(bytes: 16 << 20, reason: "a key group file is at most 16 MiB"))
            do { options.keyGroups += try CloudFrontKeyGroup.load(bytes, file: InputFiles.displayName(path)) } catch {
                throw InputFailure(error.description)
            }
        }
        return options
    }

    /// The options, with every URL's CloudFront signing parameters checked for input that cannot be
    /// a signature at all (truncated, not base64, a policy over 20,480 bytes): one line, exit 2.
    func validated(_ urls: [PresignedURL], now: Timestamp) throws -> CloudFrontSigningOptions {
        let options = try load()
        for url in urls {
            guard let request = CloudFrontSignedRequest.fromURL(url.original)
                ?? CloudFrontSignedRequest.fromCookies(cookie, url: url.original) else { continue }
            do { _ = try CloudFrontAnalysis.analyse(request, now: now.seconds, keys: options.publicKeys) } catch {
                throw InputFailure("url: \(error.message)")
            }
        }
        return options
    }
}
