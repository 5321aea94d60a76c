import Testing
@testable import PresignedURLs

struct PresignedURLTests {
    static let article = "https://cf-signed-urls-test.s3-eu-west-1.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T145820Z&X-Amz-Expires=900&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b&X-Amz-SignedHeaders=host"

    @Test func decodesTheArticleURL() throws {
        let url = try PresignedURL(Self.article)
        #expect(url.host == "cf-signed-urls-test.s3-eu-west-1.amazonaws.com")
        #expect(url.bucketAndKey.bucket == "cf-signed-urls-test")
        #expect(url.bucketAndKey.key == "test.txt")
        let query = try #require(QueryAuth(url).sigV4)
        #expect(query.missing.isEmpty && query.malformed.isEmpty)
        #expect(query.credential == .init(accessKeyId: "AKIAINGQCJMAROJWPJ3A", date: "20180930", region: "eu-west-1",
                                          service: "s3", terminator: "aws4_request"))
        #expect(query.amzDate?.rfc3339 == "2018-09-30T14:58:20Z")
        #expect(query.expiry?.rfc3339 == "2018-09-30T15:13:20Z")
        #expect(url.encodingProblems.isEmpty)
    }

    @Test func pathStyleTakesBucketFromThePath() throws {
        let url = try PresignedURL("https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/a/b%20c.txt?X-Amz-Date=x")
        #expect(url.bucketAndKey.bucket == "my.dotted.bucket")
        #expect(url.bucketAndKey.key == "a/b c.txt")
    }

    @Test(arguments: [
        ("", "empty URL"),
        ("   \n", "empty URL"),
        ("hello world", "not an http(s) URL"),
        ("ftp://b.s3.amazonaws.com/k", "unsupported scheme"),
        ("https://", "no host"),
        ("https:///key?X-Amz-Date=1", "no host"),
        ("https://b.s3.amazonaws.com:99999/k", "invalid port"),
        ("https://user@b.s3.amazonaws.com/k", "user information"),
        ("https://b.s3.amazonaws.com/my key.txt", "whitespace"),
    ])
    func unreadableInputIsAClearError(input: String, message: String) {
        #expect {
            _ = try PresignedURL(input)
        } throws: { error in
            (error as? URLInputError)?.message.contains(message) == true
        }
    }

    @Test func a100KilobyteURLIsRefusedNotParsed() {
        let long = "https://b.s3.amazonaws.com/" + String(repeating: "a", count: 100_000)
        #expect(throws: URLInputError.self) { _ = try PresignedURL(long) }
    }

    @Test func truncatedURLParsesAndReportsWhatIsMissing() throws {
        let truncated = String(Self.article.prefix(190))
        let query = try #require(QueryAuth(try PresignedURL(truncated)).sigV4)
        #expect(query.missing.contains("X-Amz-Signature"))
        #expect(query.missing.contains("X-Amz-SignedHeaders"))
    }

    @Test func invalidPercentEscapesAreProblemsNotCrashes() throws {
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com/a%zzb%2?X-Amz-Date=2018%G1&x=%")
        let parts = url.encodingProblems.map(\.part)
        #expect(parts.contains(.path))
        #expect(parts.contains(.query))
        #expect(url.encodingProblems.contains { $0.detail.contains("'%zz'") })
    }

    @Test func percentEscapesThatAreNotUTF8AreReported() throws {
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com/%FF%FE.txt")
        #expect(url.encodingProblems.contains { $0.detail.contains("UTF-8") })
    }

    @Test func literalPlusInTheQueryIsFlaggedAndReadAsASpace() throws {
        // S3 reads '+' in the query as a space (docs/aws-facts.md #7).
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com/k?X-Amz-Security-Token=ab+cd&ok=a%2Bb")
        #expect(url.value("X-Amz-Security-Token") == "ab cd")
        #expect(url.value("ok") == "a+b")
        #expect(url.encodingProblems.count == 1)
        #expect(url.encodingProblems.first?.detail.contains("X-Amz-Security-Token") == true)
    }

    @Test func plusInThePathIsAPlus() throws {
        // In the path '+' is an ordinary character; S3 signs it as %2B (botocore vector v4-key-virtual-plus).
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com/a+b.txt")
        #expect(url.bucketAndKey.key == "a+b.txt")
        #expect(SigV4Signer.canonicalURI(rawPath: String(url.rawPath)) == "/a%2Bb.txt")
    }

    @Test func duplicateAndMisspelledParametersAreMalformed() throws {
        let url = try PresignedURL(Self.article + "&X-Amz-Date=20180930T145821Z&x-amz-expires=60")
        let query = try #require(QueryAuth(url).sigV4)
        #expect(query.malformed.contains { $0.contains("X-Amz-Date appears 2 times") })
        #expect(query.malformed.contains { $0.contains("'x-amz-expires'") })
    }

    @Test func parameterWithoutEqualsIsKeptAndFlaggedWhenRequired() throws {
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date&versionId")
        #expect(url.parameters.map(\.hasEquals) == [true, false, false])
        let query = try #require(QueryAuth(url).sigV4)
        #expect(query.malformed.contains { $0.contains("X-Amz-Date ''") })
    }

    @Test func malformedValuesAreNamed() throws {
        let url = try PresignedURL("https://b.s3.eu-west-1.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA1&X-Amz-Credential=AKIA%2F2018&X-Amz-Date=2018-09-30&X-Amz-Expires=15m&X-Amz-SignedHeaders=range&X-Amz-Signature=abc")
        let problems = try #require(QueryAuth(url).sigV4).malformed.joined(separator: "\n")
        for word in ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "include host", "64 hexadecimal"] {
            #expect(problems.contains(word), "\(word)")
        }
    }

    @Test func sigV2IsRecognised() throws {
        let url = try PresignedURL("https://johnsmith.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D")
        guard case .sigV2(let query) = QueryAuth(url) else { Issue.record("not SigV2"); return }
        #expect(query.expires?.rfc3339 == "2007-03-29T03:40:20Z")
        #expect(query.signature == "NpgCjnDzrM+WFzoENXmpNDUsSn8=")
    }

    @Test func redactionHidesSignatureAndTokenOnly() throws {
        let url = try PresignedURL(Self.article + "&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2Ftoken")
        let redacted = url.redacted
        #expect(!redacted.contains("ebb4245bcd77"))
        #expect(!redacted.contains("FwoGZXIvYXdzEXAMPLE"))
        #expect(redacted.contains("X-Amz-Signature=REDACTED"))
        #expect(redacted.contains("X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930"))
    }
}

/// AWS's documented presigned GET (S3 API Reference, sigv4-query-string-auth.html, "Example: A
/// presigned URL"), every intermediate value from fixtures/reference/sigv4-presigned-get-example.json.
struct AWSDocumentedExampleTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let url = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"

    @Test func signingKeyMatches() {
        let key = SigV4Signer.signingKey(secret: Self.secret, date: "20130524", region: "us-east-1", service: "s3")
        #expect(key.hexString == "dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378")
    }

    @Test func signatureVerifies() throws {
        let check = try #require(try verify(Self.url, secret: Self.secret))
        #expect(check.stringToSign == "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04")
        #expect(check.expectedSignature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(check.matches)
    }

    @Test func wrongSecretDoesNotVerify() throws {
        let check = try #require(try verify(Self.url, secret: Self.secret + "x"))
        #expect(!check.matches)
    }

    @Test func legacySigV2ExampleVerifies() throws {
        let check = try #require(try verify(
            "https://johnsmith.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D",
            secret: Self.secret))
        #expect(check.stringToSign == "GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg")
        #expect(check.matches)
    }
}

struct TimestampTests {
    @Test(arguments: [
        ("20180930T145820Z", "2018-09-30T14:58:20Z"),
        ("2018-09-30T14:58:20Z", "2018-09-30T14:58:20Z"),
        ("2018-09-30T16:58:20.123+02:00", "2018-09-30T14:58:20Z"),
        ("2018-09-30T09:58:20-05:00", "2018-09-30T14:58:20Z"),
        ("2018-09-30", "2018-09-30T00:00:00Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ])
    func parsesBothSpellings(text: String, rfc3339: String) throws {
        #expect(try #require(Timestamp.parse(text)).rfc3339 == rfc3339)
    }

    @Test(arguments: ["", "2018-13-01", "2023-02-29", "20180930T256000Z", "2018-09-30T14:58:20", "yesterday", "20180930T145820"])
    func rejectsNonTimes(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func roundTripsAmzDate() throws {
        let t = try #require(Timestamp.parseAmzDate("20130524T000000Z"))
        #expect(t.seconds == 1_369_353_600)
        #expect(t.amzDate == "20130524T000000Z")
        #expect(t.scopeDate == "20130524")
    }
}

struct DurationTextTests {
    @Test(arguments: [("900", 900), ("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("7d", 604_800), (" 2H ", 7200)])
    func parses(text: String, seconds: Int64) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: ["", "-5", "30m1h", "1h1h", "m", "1.5h", "99999999999999999999d", "15x"])
    func rejects(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test func formatsForHumans() {
        #expect(DurationText.format(5400) == "1h30m")
        #expect(DurationText.format(0) == "0s")
        #expect(DurationText.format(-90) == "-1m30s")
        #expect(DurationText.explain(900) == "900 s (15m)")
    }
}

/// Never a crash: every prefix of a real URL, and a stray '%', '+', '&' or '=' at every position,
/// either parses (problems become findings) or is refused with a URLInputError.
struct BadInputRobustnessTests {
    static let url = PresignedURLTests.article + "&X-Amz-Security-Token=FwoGZXIvYXdz%2Fabc%3D%3D&response-content-disposition=attachment%3B%20filename%3D%22r%C3%A9sum%C3%A9.pdf%22"

    func exercise(_ text: String) {
        guard let url = try? PresignedURL(text) else { return }
        _ = url.bucketAndKey
        _ = url.redacted
        if let query = QueryAuth(url).sigV4 {
            _ = query.expiry
            _ = SignatureVerifier.verifySigV4(query, request: ReceivedRequest(url), secret: "secret")
        }
    }

    @Test func everyTruncationIsHandled() {
        let characters = Array(Self.url)
        for length in 0...characters.count { exercise(String(characters[..<length])) }
    }

    @Test(arguments: ["%", "+", "&", "=", "?", "#", "%G", "\u{00E9}", "%C3"])
    func strayCharactersAnywhereAreHandled(stray: String) {
        let characters = Array(Self.url)
        for position in 0...characters.count {
            exercise(String(characters[..<position]) + stray + String(characters[position...]))
        }
    }
}
