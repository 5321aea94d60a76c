import Testing
@testable import Hashing

/// Published vectors: FIPS 180-2 (SHA-256), RFC 4231 (HMAC-SHA256), RFC 2202 (HMAC-SHA1),
/// RFC 4648 (Base64), and AWS's SigV4 signing-key example.
struct DigestTests {
    @Test func sha256MatchesFIPSVectors() {
        #expect(Digest.sha256("").hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256("abc").hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hmacSHA256MatchesRFC4231() {
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), "what do ya want for nothing?")
        #expect(mac.hexString == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacSHA256HashesKeysLongerThanABlockFirst() {
        // RFC 4231 test case 6: a 131-byte key.
        let mac = Digest.hmacSHA256(key: [UInt8](repeating: 0xAA, count: 131),
                                    "Test Using Larger Than Block-Size Key - Hash Key First")
        #expect(mac.hexString == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func hmacWithEmptyKeyDoesNotCrash() {
        #expect(Digest.hmacSHA256(key: [], "").hexString == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func hmacSHA1MatchesRFC2202() {
        let mac = Digest.hmacSHA1(key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8))
        #expect(mac.hexString == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func base64MatchesRFC4648(input: String, expected: String) {
        #expect(Base64.encode(Array(input.utf8)) == expected)
    }

    @Test func awsSigningKeyExample() {
        // AWS S3 API Reference, sigv4-query-string-auth example (fixtures/sigv4-example/).
        var key = Digest.hmacSHA256(key: Array("AWS4wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".utf8), "20130524")
        for part in ["us-east-1", "s3", "aws4_request"] { key = Digest.hmacSHA256(key: key, part) }
        #expect(key.hexString == "dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378")
    }
}
