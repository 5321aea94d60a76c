import Testing
@testable import Presigning

private let credentials = Credentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
/// The article's example time: 2018-09-30T14:58:20Z.
private let articleNow = Timestamp.parse("2018-09-30T14:58:20Z")!

private func sign(_ request: PresignRequest, now: Timestamp = articleNow,
                  credentials: Credentials = credentials) throws(PresignError) -> PresignedGET {
    try Presigner.presignGET(request, credentials: credentials, now: now)
}

private func failure(_ request: PresignRequest, credentials: Credentials = credentials) -> PresignError? {
    do { _ = try sign(request, credentials: credentials); return nil } catch { return error }
}

struct RoundingAndValidityTests {
    @Test func articleSolution2() throws {
        // Round 30 min, expiry 1 h, TTL 30 min: signed 14:30, expires 15:30, reachable until 16:00 = 90 min.
        let signed = try sign(PresignRequest(bucket: "cf-signed-urls-test", key: "test.txt", region: "eu-west-1",
                                             expiresIn: 3600, roundingWindow: 1800,
                                             cdn: .init(host: "d2tphqjsvmbzmt.cloudfront.net"), cacheTTL: 1800))
        #expect(signed.signedAt.rfc3339 == "2018-09-30T14:30:00Z")
        #expect(signed.expiresAt.rfc3339 == "2018-09-30T15:30:00Z")
        #expect(signed.handedOutUntil.rfc3339 == "2018-09-30T15:00:00Z")
        #expect(signed.minimumValidity == 1800)
        #expect(signed.maximumValidity == 3600)
        let exposure = try #require(signed.exposure)
        #expect(exposure.seconds == 5400)
        #expect(exposure.reachableUntil.rfc3339 == "2018-09-30T16:00:00Z")
        #expect(signed.url.hasPrefix("https://d2tphqjsvmbzmt.cloudfront.net/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&"))
        #expect(signed.s3URL.hasPrefix("https://cf-signed-urls-test.s3.eu-west-1.amazonaws.com/test.txt?"))
        #expect(signed.url.contains("X-Amz-Date=20180930T143000Z&X-Amz-Expires=3600&"))
    }

    @Test func everyRequestInAWindowGetsTheSameURL() throws {
        let request = PresignRequest(bucket: "b-1", key: "k", region: "eu-west-1", expiresIn: 3600, roundingWindow: 1800)
        let start = Timestamp.parse("2018-09-30T14:30:00Z")!
        let first = try sign(request, now: start)
        let last = try sign(request, now: start + 1799)
        let next = try sign(request, now: start + 1800)
        #expect(first.url == last.url)
        #expect(first.url != next.url)
        #expect(next.signedAt == start + 1800)
    }

    @Test func withoutAWindowTheExactTimeIsSigned() throws {
        let signed = try sign(PresignRequest(bucket: "b-1", key: "k", region: "eu-west-1", expiresIn: 900))
        #expect(signed.signedAt == articleNow)
        #expect(signed.roundingWindow == 0)
        #expect(signed.minimumValidity == 900 && signed.maximumValidity == 900)
        #expect(signed.exposure == nil)
        #expect(signed.exposure(cacheTTL: 600).seconds == 1500)
    }

    @Test func roundingIsInUTCEpochSecondsForWindowsThatDoNotDivideADay() throws {
        // 7 minutes: 14:58:20 is 1538319500 s; 1538319500 - 1538319500 % 420 = 1538319300 (14:55:00, not 14:56).
        let signed = try sign(PresignRequest(bucket: "b-1", key: "k", region: "eu-west-1", expiresIn: 3600, roundingWindow: 420))
        #expect(signed.signedAt.rfc3339 == "2018-09-30T14:55:00Z")
        #expect(Presigner.floorDivide(-1, 60) == -1)
    }
}

struct HostChoiceTests {
    @Test func defaultIsRegionalVirtualHostedEvenInUSEast1() throws {
        // botocore signs us-east-1 for the global host by default; we do not (article: regional hosts).
        let signed = try sign(PresignRequest(bucket: "my-bucket", key: "k", region: "us-east-1"))
        #expect(signed.signedHost == "my-bucket.s3.us-east-1.amazonaws.com")
    }

    @Test func chinaUsesTheChinaSuffix() throws {
        #expect(try sign(PresignRequest(bucket: "my-bucket", key: "k", region: "cn-north-1")).signedHost
            == "my-bucket.s3.cn-north-1.amazonaws.com.cn")
    }

    @Test func pathStyleAndGlobalOnlyOnRequest() throws {
        let path = try sign(PresignRequest(bucket: "my.dotted.bucket", key: "a b", region: "eu-west-1", addressing: .pathStyle))
        #expect(path.s3URL.hasPrefix("https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/a%20b?"))
        let global = try sign(PresignRequest(bucket: "my-bucket", key: "k", region: "eu-west-1", addressing: .legacyGlobal))
        #expect(global.signedHost == "my-bucket.s3.amazonaws.com")
        #expect(global.s3URL.contains("%2Feu-west-1%2Fs3%2Faws4_request"))
    }

    @Test func dottedBucketNeedsPathStyleOverHTTPS() {
        #expect(failure(PresignRequest(bucket: "my.dotted.bucket", key: "k", region: "eu-west-1"))
            == .bucketNotVirtualHostable("my.dotted.bucket"))
        #expect(failure(PresignRequest(bucket: "my.dotted.bucket", key: "k", region: "eu-west-1", addressing: .legacyGlobal))
            == .bucketNotVirtualHostable("my.dotted.bucket"))
    }

    @Test func globalHostDoesNotExistInChinaOrGovCloud() {
        #expect(failure(PresignRequest(bucket: "b-1", key: "k", region: "cn-north-1", addressing: .legacyGlobal))
            == .globalHostUnavailable(region: "cn-north-1"))
    }

    @Test func exactHostMustMatchBucketRegionAndBeS3REST() {
        func reason(_ host: String, bucket: String = "b-1", region: String = "eu-west-1") -> PresignError? {
            failure(PresignRequest(bucket: bucket, key: "k", region: region, addressing: .exactHost(host)))
        }
        #expect(reason("b-1.s3-eu-west-1.amazonaws.com") == nil)
        #expect(reason("s3.eu-west-1.amazonaws.com") == nil)
        guard case .hostMismatch = reason("b-2.s3.eu-west-1.amazonaws.com") else { Issue.record("bucket"); return }
        guard case .hostMismatch = reason("b-1.s3.eu-central-1.amazonaws.com") else { Issue.record("region"); return }
        guard case .unsupportedHost = reason("b-1.s3-website-eu-west-1.amazonaws.com") else { Issue.record("website"); return }
        guard case .unsupportedHost = reason("d111.cloudfront.net") else { Issue.record("cloudfront"); return }
    }

    @Test func originPathIsSignedButNotInTheViewerURL() throws {
        let signed = try sign(PresignRequest(bucket: "tenant-exports", key: "production/r/q1.csv", region: "ap-southeast-2",
                                             cdn: .init(host: "d111111abcdef8.cloudfront.net", originPath: "/production")))
        #expect(signed.signedPath == "/production/r/q1.csv")
        #expect(signed.url.hasPrefix("https://d111111abcdef8.cloudfront.net/r/q1.csv?"))
        #expect(failure(PresignRequest(bucket: "tenant-exports", key: "staging/q1.csv", region: "ap-southeast-2",
                                       cdn: .init(host: "d111111abcdef8.cloudfront.net", originPath: "/production")))
            == .keyOutsideOriginPath(key: "staging/q1.csv", originPath: "/production"))
    }

    @Test func cdnHostMustBeAHostName() {
        for host in ["https://d111.cloudfront.net", "d111.cloudfront.net/x", "", "d111 cloudfront.net", ".d111.net"] {
            guard case .invalidCDNHost = failure(PresignRequest(bucket: "b-1", key: "k", region: "eu-west-1", cdn: .init(host: host)))
            else { Issue.record("\(host) accepted"); continue }
        }
    }
}

struct BadInputTests {
    private func request(key: String = "k", region: String = "eu-west-1", bucket: String = "b-1", expires: Int64 = 3600,
                         window: Int64? = nil, ttl: Int64? = nil) -> PresignRequest {
        PresignRequest(bucket: bucket, key: key, region: region, expiresIn: expires, roundingWindow: window, cacheTTL: ttl)
    }

    @Test func expiryBounds() throws {
        #expect(failure(request(expires: 0)) == .expiresOutOfRange(seconds: 0))
        #expect(failure(request(expires: 604_801)) == .expiresOutOfRange(seconds: 604_801))
        #expect(failure(request(expires: 1)) == nil)
        #expect(failure(request(expires: 604_800)) == nil)
    }

    @Test func windowMustBeShorterThanExpiry() {
        #expect(failure(request(expires: 3600, window: 3601)) == .windowNotShorterThanExpiry(window: 3601, expires: 3600))
        #expect(failure(request(expires: 3600, window: 3600)) == .windowNotShorterThanExpiry(window: 3600, expires: 3600))
        #expect(failure(request(window: 0)) == .invalidRoundingWindow(seconds: 0))
        #expect(failure(request(ttl: -1)) == .negativeCacheTTL(seconds: -1))
    }

    @Test func keys() {
        #expect(failure(request(key: "")) == .emptyKey)
        #expect(failure(request(key: String(repeating: "é", count: 513))) == .keyTooLong(bytes: 1026))
        #expect(failure(request(key: String(repeating: "k", count: 1024))) == nil)
        #expect(failure(request(key: "soap")) == .soapKeyNeedsPathStyle)
        #expect(failure(PresignRequest(bucket: "b-1", key: "soap", region: "eu-west-1", addressing: .pathStyle)) == nil)
        #expect(failure(request(key: "soap/x")) == nil)
    }

    @Test func regions() {
        #expect(failure(request(region: "EU-WEST-1")) == .malformedRegion("EU-WEST-1"))
        #expect(failure(request(region: "eu-west")) == .malformedRegion("eu-west"))
        #expect(failure(request(region: "")) == .malformedRegion(""))
        #expect(failure(request(region: "eu-wset-1")) == .unknownRegion("eu-wset-1"))
        #expect(failure(request(region: "us-gov-west-1")) == nil)
    }

    @Test func anUnlistedRegionOnlyWhenAllowed() throws {
        var unlisted = request(region: "eu-north-9")
        unlisted.allowsUnlistedRegion = true
        #expect(try sign(unlisted).signedHost == "b-1.s3.eu-north-9.amazonaws.com")
        var china = request(region: "cn-south-7")
        china.allowsUnlistedRegion = true
        #expect(try sign(china).signedHost == "b-1.s3.cn-south-7.amazonaws.com.cn")
        var malformed = request(region: "mars")
        malformed.allowsUnlistedRegion = true
        #expect(failure(malformed) == .malformedRegion("mars"))
    }

    @Test(arguments: ["ab", "My-Bucket", "-bucket", "bucket-", "a..b", "192.168.5.4", "xn--bucket", "bucket-s3alias",
                      "bucket--ol-s3", "under_score", String(repeating: "b", count: 64)])
    func invalidBucketNames(name: String) {
        guard case .invalidBucketName(name, _) = failure(request(bucket: name)) else { Issue.record("\(name) accepted"); return }
    }

    @Test func credentials() {
        #expect(failure(request(), credentials: Credentials(accessKeyId: "", secretAccessKey: "s")) == .missingAccessKeyId)
        #expect(failure(request(), credentials: Credentials(accessKeyId: "AKIA", secretAccessKey: "")) == .missingSecretAccessKey)
        #expect(failure(request(), credentials: Credentials(accessKeyId: "AKIA/X", secretAccessKey: "s")) == .malformedAccessKeyId)
    }

    @Test func emptySessionTokenIsNoToken() throws {
        let signed = try sign(request(), credentials: Credentials(accessKeyId: "AKIA1", secretAccessKey: "s", sessionToken: ""))
        #expect(!signed.url.contains("X-Amz-Security-Token"))
    }

    @Test func errorsAndDescriptionsNeverShowTheSecret() {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        let withToken = Credentials(accessKeyId: "ASIA1", secretAccessKey: secret, sessionToken: "TOKEN-VALUE")
        var dumped = ""
        dump(withToken, to: &dumped)
        for text in [withToken.description, withToken.debugDescription, "\(withToken)", dumped] {
            #expect(!text.contains(secret) && !text.contains("TOKEN-VALUE"), "\(text)")
            #expect(text.contains("ASIA1"))
        }
        for error in [failure(request(expires: 0), credentials: withToken), failure(request(key: ""), credentials: withToken)] {
            #expect(!(error?.description.contains(secret) ?? true))
        }
    }
}
