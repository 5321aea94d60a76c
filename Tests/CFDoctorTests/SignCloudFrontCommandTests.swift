import Foundation
import Testing

/// `cfdoctor sign-cloudfront` run as a subprocess; its output must be botocore's, byte for byte
/// (the URLs in fixtures/cloudfront-signed/vectors.json come from botocore's CloudFrontSigner).
struct SignCloudFrontCommandTests {
    static let keys = "cloudfront-signed/keys/"
    static let resource = "https://d111111abcdef8.cloudfront.net/image.jpg"

    static func vector(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("cloudfront-signed/vectors.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let vectors = try #require(root["vectors"] as? [[String: Any]])
        return try #require(vectors.first { $0["name"] as? String == name })
    }

    func sign(_ extra: [String], key: String = "test-a.private.pkcs1.pem", url: String = resource) throws -> (status: Int32, stdout: String, stderr: String) {
        try CLI.run(["sign-cloudfront", "--url", url, "--key-pair-id", "K2TESTKEYAAAAA",
                     "--private-key-file", CLI.fixture(Self.keys + key), "--now", "2025-12-31T00:00:00Z"] + extra)
    }

    @Test func cannedURLIsBotocores() throws {
        let expected = try #require(try Self.vector("canned/plain/valid")["url"] as? String)
        let result = try sign(["--expires", "2026-01-01T18:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected + "\n")
        // A duration counts from --now: 42 hours after 2025-12-31T00:00:00Z is the same moment.
        #expect(try sign(["--expires", "42h"]).stdout == expected + "\n")
        // PKCS#8 is the same key.
        #expect(try sign(["--expires", "42h"], key: "test-a.private.pkcs8.pem").stdout == expected + "\n")
    }

    @Test func sha256URLIsTheDocumentedForm() throws {
        let expected = try #require(try Self.vector("canned/plain/sha256")["url"] as? String)
        let result = try sign(["--expires", "2026-01-01T18:00:00Z", "--hash-algorithm", "SHA256"])
        #expect(result.stdout == expected + "\n")
        #expect(expected.hasSuffix("&Hash-Algorithm=SHA256"))
    }

    @Test func customPolicyFileIsCompactedAndSignedAsBotocoreDoes() throws {
        let vector = try Self.vector("cookies/custom/valid")
        let inputs = try #require(vector["sign"] as? [String: Any])
        let compact = try #require(inputs["policy"] as? String)
        // The same statement as a person writes it: indented, with a trailing newline.
        let pretty = compact.replacingOccurrences(of: ",", with: ",\n    ").replacingOccurrences(of: ":{", with: ": {") + "\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-policy-\(getpid()).json")
        try pretty.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try sign(["--policy", file.path, "--format", "cookies"], url: try #require(inputs["url"] as? String))
        #expect(result.status == 0, "\(result.stderr)")
        let header = try #require((vector["cookies"] as? [String])?.first)
        let pairs = header.dropFirst("Cookie: ".count).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(result.stdout == pairs.map { "Set-Cookie: \($0); Path=/; Secure; HttpOnly\n" }.joined())
    }

    @Test func jsonOutputCarriesURLAndCookies() throws {
        let result = try sign(["--expires", "2026-01-01T18:00:00Z", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["url"] as? String == (try Self.vector("canned/plain/valid")["url"] as? String))
        #expect(object["expiresUTC"] as? String == "2026-01-01T18:00:00Z")
        #expect((object["cookies"] as? [String: String])?["CloudFront-Expires"] == "1767290400")
    }

    @Test func ecdsaSignedURLVerifiesWithItsPublicKey() throws {
        let signed = try sign(["--expires", "2026-01-01T18:00:00Z"], key: "test-ec.private.pem")
        #expect(signed.status == 0, "\(signed.stderr)")
        let checked = try CLI.run(["url", signed.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                                   "--public-key", CLI.fixture(Self.keys + "test-ec.public.pem"), "--now", "2026-01-01T17:00:00Z"])
        #expect(checked.status == 0 && checked.stdout.contains("✓ valid"), "\(checked.stdout)")
    }

    @Test func badInputIsOneLineAndExitTwo() throws {
        let privateKey = String(decoding: try Data(contentsOf: URL(fileURLWithPath: CLI.fixture(Self.keys + "test-a.private.pkcs1.pem"))), as: UTF8.self)
        let secretLine = String(privateKey.split(separator: "\n")[1])
        let cases: [([String], String, String)] = [
            (["--expires", "1h"], "test-a.public.pem", "not a private key"),
            (["--expires", "1h"], "test-512.private.pem", "512-bit"),
            (["--expires", "2020-01-01T00:00:00Z"], "test-a.private.pkcs1.pem", "not in the future"),
            (["--expires", "soon"], "test-a.private.pkcs1.pem", "neither a duration"),
            ([], "test-a.private.pkcs1.pem", "exactly one of"),
        ]
        for (extra, key, message) in cases {
            let result = try sign(extra, key: key)
            #expect(result.status == 2, "\(extra) \(key)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stdout.isEmpty && !result.stderr.contains(secretLine))
        }
        let signed = try #require(try Self.vector("canned/plain/valid")["url"] as? String)
        #expect(try sign(["--expires", "1h"], url: signed).stderr.contains("already has CloudFront signing parameters"))
        #expect(try sign(["--expires", "1h"], url: Self.resource + "#top").status == 2)
        #expect(try sign(["--expires", "1h"], url: "https://d111111abcdef8.cloudfront.net/my file.pdf").stderr.contains("percent-encode"))
        let access = try CLI.run(["sign-cloudfront", "--url", Self.resource, "--key-pair-id", "AKIAIOSFODNN7EXAMPLE",
                                  "--private-key-file", CLI.fixture(Self.keys + "test-a.private.pkcs1.pem"), "--expires", "1h"])
        #expect(access.status == 2 && access.stderr.contains("IAM access key ID"))
    }
}
