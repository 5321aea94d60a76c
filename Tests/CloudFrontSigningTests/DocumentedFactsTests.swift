import Hashing
import Testing
@testable import CloudFrontSigning

/// The examples the CloudFront Developer Guide gives (docs/aws-facts.md #18–#22), checked as written.
@Suite struct DocumentedFactsTests {
    @Test func theCannedPolicyIsTheDocumentedStatementWithoutWhitespace() {
        // "Example policy statement for a signed URL that uses a canned policy", whitespace removed.
        let documented = """
            {
               "Statement":[
                  {
                     "Resource":"http://d111111abcdef8.cloudfront.net/horizon.jpg?size=large&license=yes",
                     "Condition":{
                        "DateLessThan":{
                           "AWS:EpochTime":1357034400
                        }
                     }
                  }
               ]
            }
            """.filter { !$0.isWhitespace }
        let built = CloudFrontPolicy.canned(resource: "http://d111111abcdef8.cloudfront.net/horizon.jpg?size=large&license=yes",
                                            expires: "1357034400")
        #expect(String(decoding: built, as: UTF8.self) == documented)
    }

    @Test func epochTimesReadAsTheGuideSays() {
        // "January 1, 2013 10:00 am UTC converts to 1357034400"; 2147483647 is "January 19th, 2038 at 03:14:07 UTC".
        #expect(UTCTime.format(1_357_034_400) == "2013-01-01T10:00:00Z")
        #expect(UTCTime.format(2_147_483_647) == "2038-01-19T03:14:07Z")
        #expect(UTCTime.format(0) == "1970-01-01T00:00:00Z")
        #expect(UTCTime.span(90_061) == "1d 1h")
        #expect(UTCTime.span(59) == "59s")
    }

    @Test func theDocumentedCharacterReplacement() throws {
        // + → -, = → _, / → ~ : bytes chosen so standard base64 contains all three.
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF, 0xFE]
        #expect(Base64.encode(bytes) == "+/+//g==")
        #expect(CloudFrontBase64.encode(bytes) == "-~-~~g__")
        let back = try #require(CloudFrontBase64.decode("-~-~~g__"))
        #expect(back.bytes == bytes && !back.usedStandardAlphabet)
        let standard = try #require(CloudFrontBase64.decode("+/+//g=="))
        #expect(standard.bytes == bytes && standard.usedStandardAlphabet)
        #expect(CloudFrontBase64.decode("abc!") == nil)
        #expect(CloudFrontBase64.decode("abcde") == nil)
        #expect(CloudFrontBase64.decode("ab__cd") == nil)
    }

    @Test func wildcardsMatchAsDocumented() {
        let pattern = "http://d111111abcdef8.cloudfront.net/*game_download.zip*"
        for url in ["http://d111111abcdef8.cloudfront.net/game_download.zip",
                    "http://d111111abcdef8.cloudfront.net/example_game_download.zip?license=yes",
                    "http://d111111abcdef8.cloudfront.net/test_game_download.zip?license=temp"] {
            #expect(WildcardResource.matches(pattern, url), "\(url)")
        }
        #expect(!WildcardResource.matches(pattern, "http://d111111abcdef8.cloudfront.net/game.zip"))
        #expect(WildcardResource.matches("https://d.example/img?.jpg", "https://d.example/img1.jpg"))
        #expect(!WildcardResource.matches("https://d.example/img?.jpg", "https://d.example/img.jpg"))
        #expect(WildcardResource.matches("*", ""))
        #expect(!WildcardResource.matches("https://d.example/A", "https://d.example/a"))
        #expect(WildcardResource.matches("https://d.example/*/*.ts", "https://d.example/a/b/c.ts"))
    }

    @Test func keyPairIDsAreClassified() {
        #expect(KeyPairIDKind("K2JCJMDEHXQW5F") == .keyGroupPublicKey)
        #expect(KeyPairIDKind("K36X4X2EO997HM") == .keyGroupPublicKey)
        #expect(KeyPairIDKind("APKA9ONS7QCOWEXAMPLE") == .legacyKeyPair)
        #expect(KeyPairIDKind("AKIAIOSFODNN7EXAMPLE") == .accessKey)
        #expect(KeyPairIDKind("ASIAIOSFODNN7EXAMPLE") == .accessKey)
        #expect(KeyPairIDKind("undefined") == .unknown)
        #expect(KeyPairIDKind("") == .unknown)
    }

    @Test func sourceIPRanges() throws {
        let range = try #require(IPRange("192.0.2.0/24"))
        let inside = try #require(IPRange("192.0.2.77"))
        let outside = try #require(IPRange("192.0.3.1"))
        #expect(range.contains(inside))
        #expect(!range.contains(outside))
        #expect(range.sizeDescription == "256 addresses")
        #expect(IPRange("203.0.113.7")?.sizeDescription == "exactly one address")
        let v6 = try #require(IPRange("2001:db8::/32"))
        let host = try #require(IPRange("2001:db8:1::1"))
        #expect(v6.isIPv6 && v6.contains(host))
        for bad in ["300.1.2.3", "1.2.3", "1.2.3.4/33", "::1::2", "2001:db8::/129", "a.b.c.d", "1.2.3.4/x"] {
            #expect(IPRange(bad) == nil, "\(bad)")
        }
    }

    @Test func cookieTextsInEveryForm() throws {
        let url = "https://d111111abcdef8.cloudfront.net/a.m3u8"
        let forms: [[String]] = [
            ["Cookie: CloudFront-Policy=cA__; CloudFront-Signature=c2ln; CloudFront-Key-Pair-Id=K2TESTKEYAAAAA"],
            ["CloudFront-Policy=\"cA__\"; CloudFront-Signature=c2ln", "CloudFront-Key-Pair-Id=K2TESTKEYAAAAA"],
            ["Set-Cookie: CloudFront-Policy=cA__; Path=/; Secure", "Set-Cookie: CloudFront-Signature=c2ln; HttpOnly",
             "Set-Cookie: CloudFront-Key-Pair-Id=K2TESTKEYAAAAA; Domain=d111111abcdef8.cloudfront.net"],
            ["# Netscape HTTP Cookie File",
             "d111111abcdef8.cloudfront.net\tFALSE\t/\tTRUE\t0\tCloudFront-Policy\tcA__",
             "#HttpOnly_d111111abcdef8.cloudfront.net\tFALSE\t/\tTRUE\t0\tCloudFront-Signature\tc2ln",
             "d111111abcdef8.cloudfront.net\tFALSE\t/\tTRUE\t0\tCloudFront-Key-Pair-Id\tK2TESTKEYAAAAA"],
        ]
        for form in forms {
            let request = try #require(CloudFrontSignedRequest.fromCookies(form, url: url), "\(form)")
            #expect(request.policy == "cA__" && request.signature == "c2ln" && request.keyPairID == "K2TESTKEYAAAAA", "\(form)")
            #expect(request.carrier == .cookies && request.resourceURL == url)
        }
        #expect(CloudFrontSignedRequest.fromCookies(["Cookie: session=1"], url: url) == nil)
    }

    @Test func signingParametersAreTakenOutOfTheResourceWherever_theyAre() throws {
        // "In certain rare circumstances, you might need to put your query string parameters after Key-Pair-Id."
        let request = try #require(CloudFrontSignedRequest.fromURL(
            "https://d111111abcdef8.cloudfront.net/image.jpg?color=red&Expires=1357034400&Signature=AAAA&Key-Pair-Id=K2JCJMDEHXQW5F&size=medium"))
        #expect(request.resourceURL == "https://d111111abcdef8.cloudfront.net/image.jpg?color=red&size=medium")
        #expect(request.isCanned && request.expires == "1357034400")
        #expect(CloudFrontSignedRequest.fromURL("https://d111111abcdef8.cloudfront.net/image.jpg?color=red") == nil)
    }
}
