import Checking
import CloudFrontSigning
import PresignedURLs
#if canImport(Glibc)
import Glibc
#endif

/// `cfurl`: CloudFront signed URLs and cookies. The input is a viewer URL, optionally followed by
/// `separator` and up to four cookie texts, one per line, each what `--cookie` takes (a `Cookie:`
/// header, a `Set-Cookie:` line, a cookies.txt line or bare `name=value; …` pairs).
extension FuzzTarget {
    static func cfurl(_ bytes: [UInt8]) {
        let parts = split(bytes)
        let text = String(decoding: parts[0], as: UTF8.self)
        let cookies = parts.count > 1
            ? String(decoding: parts[1], as: UTF8.self).split(whereSeparator: \.isNewline).prefix(4).map(String.init)
            : []

        // The signing library on its own: decoding, the policy, and verification with each
        // committed key set and with none (what `url` shows without --public-key).
        if let request = CloudFrontSignedRequest.fromURL(text) ?? CloudFrontSignedRequest.fromCookies(cookies, url: text) {
            for keys in [listedKeys, ecdsaKey, nil] {
                guard let analysis = try? CloudFrontAnalysis.analyse(request, now: cloudFrontNow.seconds, keys: keys) else { continue }
                _ = CloudFrontDecoded(analysis, now: cloudFrontNow.seconds).rows
            }
        }

        // `cfdoctor url URL --public-keys … --cookie …`, step by step as URLCommand runs it: input
        // it refuses (exit 2) stops here.
        guard URLInputMistakes.hint(for: text) == nil, let url = try? PresignedURL(text) else { return }
        let request = CloudFrontSignedRequest.fromURL(url.original)
            ?? CloudFrontSignedRequest.fromCookies(cookies, url: url.original)
        let keys = request?.signature?.hasPrefix("M") == true ? ecdsaKey : listedKeys
        if let request, (try? CloudFrontAnalysis.analyse(request, now: cloudFrontNow.seconds, keys: keys)) == nil { return }
        // `.init`: CloudFrontSigningOptions lives in Rules, which is no library product; the
        // fuzz package reaches it through URLChecker's signature rather than a new product.
        let result = URLChecker.check(url, now: cloudFrontNow, secretKeyVariable: secretVariable, secrets: secrets,
                                      cloudFront: .init(publicKeys: keys, cookies: cookies))
        render(Presentation(redacting: result, showingURLAsGiven: true))
        // Without the URL as given, the signature appears nowhere (SPEC §8), whether the URL or a
        // cookie carried it. A cookie's value that the URL text itself contains is not told apart.
        let signatures = [request?.signature].compactMap { $0 }
            .filter { $0.utf8.count >= 28 && (request?.carrier == .url || !occurs($0, in: url.original)) }
        render(Presentation(redacting: result, showingURLAsGiven: false), redacted: signatures)
    }

    /// 2026-01-01T17:00:00Z: the vectors' `now`, so their signatures verify and their policies hold.
    static let cloudFrontNow = Timestamp(seconds: 1_767_286_800)

    /// `aws cloudfront list-public-keys` of the two RSA test keys (K2TESTKEYAAAAA, K2TESTKEYBBBBB).
    static let listedKeys = testKeys("list-public-keys.json")
    /// The ECDSA P-256 test key, given alone (`--public-key`): it verifies whatever the Key-Pair-Id.
    /// The vectors' ECDSA signatures (DER, base64 `M…`) are checked with it, the rest with the list.
    static let ecdsaKey = testKeys("test-ec.public.pem")

    /// The committed TEST-ONLY public keys, read from the source tree this harness was built from.
    static func testKeys(_ name: String) -> [CloudFrontPublicKey] {
        // #filePath is …/Fuzz/Sources/CFDoctorFuzz/<this file>; the fixtures are beside Fuzz/.
        var path = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        path.removeLast(4)
        let file = path.joined(separator: "/") + "/fixtures/cloudfront-signed/keys/" + name
        guard let bytes = readFile(file), let keys = try? CloudFrontPublicKey.load(bytes, file: name) else {
            fatalError("cannot load the test public key \(file)")
        }
        return keys
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, handle)
            bytes += chunk[..<count]
            if count < chunk.count { return ferror(handle) == 0 ? bytes : nil }
        }
    }
}
