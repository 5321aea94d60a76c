import Foundation
import Testing

/// `cfdoctor url` and `cfdoctor check` with CloudFront signed URLs and cookies (vectors made by
/// botocore's CloudFrontSigner, fixtures/cloudfront-signed/).
struct CloudFrontURLCommandTests {
    static let keys = "cloudfront-signed/keys/"
    static let trustedKeyGroups = CLI.fixture("distributions/trusted-key-groups.get-distribution-config.json")

    static func vector(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("cloudfront-signed/vectors.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((root["vectors"] as? [[String: Any]])?.first { $0["name"] as? String == name })
    }

    static func url(_ name: String) throws -> String { try #require(try vector(name)["url"] as? String) }

    func key(_ name: String) -> String { CLI.fixture(Self.keys + name) }

    @Test func validCustomURLDecodesVerifiesAndExitsZero() throws {
        let result = try CLI.run(["url", try Self.url("custom/everything"), "--public-keys", key("list-public-keys.json"),
                                  "--now", "2026-01-01T17:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        for line in ["CloudFront signature", "type           signed URL, custom policy",
                     "expires        2026-01-01T18:00:00Z (valid for 1h more)", "not before     2026-01-01T16:59:00Z",
                     "key pair id    K2TESTKEYAAAAA (key-group public key)", "signature      ✓ valid (public key K2TESTKEYAAAAA)",
                     "\"AWS:SourceIp\": \"198.51.100.0/24\"", "info CFD707 ip-condition"] {
            #expect(result.stdout.contains(line), "missing: \(line)")
        }
        #expect(!result.stdout.contains("CFD603"), "a CloudFront signed URL is not a broken S3 one")
    }

    @Test func everyFailureIsNamed() throws {
        let cases: [(String, String, String)] = [
            ("canned/plain/tampered-path", "2026-01-01T17:00:00Z", "CFD701"),
            ("canned/plain/valid", "2026-01-01T18:00:01Z", "CFD702"),
            ("canned/expires-in-milliseconds", "2026-01-01T17:00:00Z", "CFD703"),
            ("canned/re-encoded/ampersand-as-u0026", "2026-01-01T17:00:00Z", "CFD704"),
            ("custom/star-directory-miss", "2026-01-01T17:00:00Z", "CFD704"),
        ]
        for (name, now, rule) in cases {
            let result = try CLI.run(["url", try Self.url(name), "--public-key", key("test-a.public.pem"), "--now", now,
                                      "--format", "json"])
            #expect(result.status == 1, "\(name): \(result.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let rules = (document["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            #expect(rules == [rule], "\(name)")
            #expect((document["cloudFront"] as? [String: Any])?["keyPairId"] as? String == "K2TESTKEYAAAAA")
        }
    }

    @Test func signedCookiesAreReadFromACookieHeader() throws {
        let vector = try Self.vector("cookies/custom/valid")
        let cookie = try #require((vector["cookies"] as? [String])?.first)
        let result = try CLI.run(["url", try Self.url("cookies/custom/valid"), "--cookie", cookie,
                                  "--public-key", key("test-a.public.pem"), "--now", "2026-01-01T17:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("type           signed cookies, custom policy"))
        #expect(result.stdout.contains("✓ valid"))
    }

    @Test func badKeysAndSignaturesAreOneLineExitTwo() throws {
        let privateKey = String(decoding: try Data(contentsOf: URL(fileURLWithPath: key("test-a.private.pkcs1.pem"))), as: UTF8.self)
        let cases: [(String, String, String)] = [
            ("canned/plain/valid", "test-a.private.pkcs1.pem", "holds a private key"),
            ("canned/plain/valid", "test-512.public.pem", "512-bit"),
            ("canned/plain/valid", "two-keys.public.pem", "2 PEM blocks"),
            ("canned/truncated-signature", "test-a.public.pem", "256 bytes"),
            ("canned/signature-not-base64", "test-a.public.pem", "not base64"),
        ]
        for (name, keyFile, message) in cases {
            let result = try CLI.run(["url", try Self.url(name), "--public-key", key(keyFile)])
            #expect(result.status == 2, "\(name) \(keyFile)")
            #expect(result.stderr.contains(message) && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!result.stderr.contains(String(privateKey.split(separator: "\n")[1])))
        }
        let ecdsa = try CLI.run(["url", try Self.url("ecdsa/sha256/custom/valid"), "--public-key", key("test-ec.public.pem"),
                                 "--now", "2026-01-01T17:00:00Z"])
        #expect(ecdsa.status == 0 && ecdsa.stdout.contains("✓ valid"), "\(ecdsa.stdout)")
    }

    @Test func checkJudgesTheBehaviorsTrustedKeyGroups() throws {
        func check(_ name: String) throws -> (status: Int32, rules: [String]) {
            let result = try CLI.run(["check", Self.trustedKeyGroups, "--url", try Self.url(name),
                                      "--public-keys", key("list-public-keys.json"), "--key-groups", key("get-key-group.json"),
                                      "--now", "2026-01-01T17:00:00Z", "--format", "json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
            return (result.status, (document["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        }
        // Signed with the trusted key: CFD304's "requires CloudFront-signed URLs" is satisfied.
        let trusted = try check("check/private-key-a")
        #expect(trusted.status == 0 && trusted.rules == ["CFD502"])
        let untrusted = try check("check/private-key-b")
        #expect(untrusted.status == 1 && untrusted.rules.contains("CFD705") && !untrusted.rules.contains("CFD304"))
        let unrestricted = try check("check/public-path-signed")
        #expect(unrestricted.status == 1 && unrestricted.rules.contains("CFD706"))
    }
}
