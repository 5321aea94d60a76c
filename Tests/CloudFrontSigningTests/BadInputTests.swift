import Testing
@testable import CloudFrontSigning

/// Input cfdoctor cannot verify gets one clear error, never a crash, and never echoes a key.
@Suite struct BadInputTests {
    private func analyse(_ url: String, key: String = "test-a.public.pem") throws -> CloudFrontAnalysis {
        let keys = try CloudFrontPublicKey.load(try Fixtures.key(key), file: key)
        let request = try #require(CloudFrontSignedRequest.fromURL(url))
        return try CloudFrontAnalysis.analyse(request, now: 0, keys: keys)
    }

    @Test func aOneMegabytePolicyIsRefused() throws {
        let policy = "{\"Statement\":[{\"Resource\":\"" + String(repeating: "x", count: 1 << 20) + "\"}]}"
        let url = "https://d111111abcdef8.cloudfront.net/a.txt?Policy=" + CloudFrontBase64.encode(Array(policy.utf8))
            + "&Signature=AAAA&Key-Pair-Id=K2TESTKEYAAAAA"
        #expect {
            _ = try analyse(url)
        } throws: { error in
            (error as? CloudFrontSigningError)?.message.contains("20,480 bytes") == true
        }
    }

    @Test func aPrivateKeyGivenAsPublicKeyIsRefusedWithoutPrintingIt() throws {
        for name in ["test-a.private.pkcs1.pem", "test-a.private.pkcs8.pem", "test-ec.private.pem"] {
            let bytes = try Fixtures.key(name)
            do {
                _ = try CloudFrontPublicKey.load(bytes, file: name)
                Issue.record("\(name) was accepted as a public key")
            } catch {
                #expect(error.message.contains("private key"))
                let body = String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst().first ?? ""
                #expect(!error.description.contains(body))
            }
        }
    }

    @Test func aPrivateKeyInsideCLIJSONIsRefusedToo() throws {
        let pem = String(decoding: try Fixtures.key("test-a.private.pkcs1.pem"), as: UTF8.self)
        var escaped = ""
        for character in pem { escaped += character == "\n" ? "\\n" : String(character) }
        let json = "{\"PublicKey\":{\"Id\":\"K2TESTKEYAAAAA\",\"PublicKeyConfig\":{\"EncodedKey\":\"\(escaped)\"}}}"
        #expect(throws: CloudFrontSigningError.self) { _ = try CloudFrontPublicKey.load(Array(json.utf8), file: "k.json") }
    }

    @Test func brokenPEMFilesGiveOneLine() throws {
        let good = String(decoding: try Fixtures.key("test-a.public.pem"), as: UTF8.self)
        let cases: [(String, String)] = [
            (String(good.prefix(200)), "no END line"),
            (good.replacingEvery("M", "!"), "not valid base64"),
            ("", "no PEM public key"),
            ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "certificate"),
            ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "not a valid key"),
            ("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nAAAA\n-----END RSA PRIVATE KEY-----\n", "private key"),
            ("{\"ETag\": \"E1\"}", "no EncodedKey"),
            ("{\"PublicKey\": ", "k.pem"),
        ]
        for (text, expected) in cases {
            do {
                _ = try CloudFrontPublicKey.load(Array(text.utf8), file: "k.pem")
                Issue.record("accepted: \(expected)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func theSigningKeyIsCheckedToo() throws {
        #expect(throws: CloudFrontSigningError.self) {
            _ = try CloudFrontPrivateKey.load(try Fixtures.key("test-a.public.pem"), file: "pub")
        }
        let small = try Fixtures.key("test-512.private.pem")
        #expect { _ = try CloudFrontPrivateKey.load(small, file: "small") } throws: { error in
            (error as? CloudFrontSigningError)?.message.contains("512-bit") == true
        }
    }

    @Test func ecdsaKeysSignWhatTheirPublicKeyVerifies() throws {
        // ECDSA signatures are randomised: no byte comparison, but the vectors made with the
        // Developer Guide's openssl command verify (VectorTests), and so must ours.
        let ec = try CloudFrontPrivateKey.load(try Fixtures.key("test-ec.private.pem"), file: "ec")
        for hash in CloudFrontHashAlgorithm.allCases {
            let signer = CloudFrontSigner(keyPairID: "K2TESTKEYAAAAA", privateKey: ec, hashAlgorithm: hash)
            let url = try signer.signedURL("https://d111111abcdef8.cloudfront.net/e.mp4", policy: .canned(expires: 1_767_290_400))
            let keys = try CloudFrontPublicKey.load(try Fixtures.key("test-ec.public.pem"), file: "ec.pub")
            let request = try #require(CloudFrontSignedRequest.fromURL(url))
            #expect(try CloudFrontAnalysis.analyse(request, now: 0, keys: keys).signatureStatus == .valid)
            let other = try CloudFrontPublicKey.load(try Fixtures.key("test-a.public.pem"), file: "a.pub")
            #expect(try CloudFrontAnalysis.analyse(request, now: 0, keys: other).signatureStatus == .invalid)
        }
    }

    @Test func pkcs8AndPKCS1PrivateKeysSignTheSame() throws {
        let pkcs1 = try CloudFrontPrivateKey.load(try Fixtures.key("test-a.private.pkcs1.pem"), file: "1")
        let pkcs8 = try CloudFrontPrivateKey.load(try Fixtures.key("test-a.private.pkcs8.pem"), file: "8")
        let url = "https://d111111abcdef8.cloudfront.net/a.txt"
        let a = try CloudFrontSigner(keyPairID: "K2TESTKEYAAAAA", privateKey: pkcs1).signedURL(url, policy: .canned(expires: 1767290400))
        let b = try CloudFrontSigner(keyPairID: "K2TESTKEYAAAAA", privateKey: pkcs8).signedURL(url, policy: .canned(expires: 1767290400))
        #expect(a == b)
        // And what we sign verifies with the published public key.
        let analysis = try analyse(a)
        #expect(analysis.signatureStatus == .valid)
    }

    @Test func garbageURLsNeverCrash() throws {
        let inputs = ["", "?", "&&&", "https://x/?Signature", "https://x/?Key-Pair-Id=&Signature=&Expires=",
                      "https://x/?Expires=99999999999999999999999&Signature=AAAA&Key-Pair-Id=K1",
                      "https://x/?Policy=_&Signature=A&Key-Pair-Id=K1", "https://x/#?Signature=A",
                      "https://x/?Signature=%ZZ&Key-Pair-Id=K1&Expires=1"]
        for input in inputs {
            guard let request = CloudFrontSignedRequest.fromURL(input) else { continue }
            let keys = try CloudFrontPublicKey.load(try Fixtures.key("test-a.public.pem"), file: "k")
            do {
                let analysis = try CloudFrontAnalysis.analyse(request, now: 0, keys: keys)
                #expect(!analysis.isValid, "\(input)")
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }
}
