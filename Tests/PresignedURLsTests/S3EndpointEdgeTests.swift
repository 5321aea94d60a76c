import Testing
@testable import PresignedURLs

/// Host spellings the byte-wise parser must treat exactly as DNS does (S3 user guide,
/// "Virtual hosting of buckets"; region names as in botocore's endpoints.json).
struct S3EndpointEdgeTests {
    @Test func aPortAndUpperCaseAreNotPartOfTheName() throws {
        let endpoint = try #require(S3Endpoint.parse(host: "Media-Assets.S3.US-EAST-2.amazonaws.com:443"))
        #expect(endpoint.host == "media-assets.s3.us-east-2.amazonaws.com")
        #expect(endpoint.bucket == "media-assets")
        #expect(endpoint.region == "us-east-2")
        let china = try #require(S3Endpoint.parse(host: "b.s3.cn-north-1.amazonaws.com.cn."))
        #expect(china.partition == .awsCN)
        #expect(china.region == "cn-north-1")
    }

    @Test func nonASCIIBucketLabelsAreLowerCasedLikeTheRest() throws {
        let endpoint = try #require(S3Endpoint.parse(host: "BÜCKET.s3.eu-west-1.amazonaws.com"))
        #expect(endpoint.bucket == "bücket")
    }

    @Test(arguments: ["us-east-1", "us-gov-west-1", "us-isob-east-1", "ap-southeast-5", "EU-WEST-3"])
    func regionNames(_ name: String) {
        #expect(S3Endpoint.isRegion(name))
    }

    @Test(arguments: ["", "us", "us-east", "us-east-", "-us-east-1", "u-east-1", "use-east-1", "us--1", "us-east1-1",
                      "us-east-1a", "us-east-x", "12-east-1", "us-ea st-1"])
    func notRegionNames(_ name: String) {
        #expect(!S3Endpoint.isRegion(name))
    }

    @Test func dottedBucketsKeepTheirDotsAndEmptyLabelsAreNoHost() throws {
        let dotted = try #require(S3Endpoint.parse(host: "my.dotted.bucket.s3.us-east-1.amazonaws.com"))
        #expect(dotted.bucket == "my.dotted.bucket")
        #expect(dotted.host == "my.dotted.bucket.s3.us-east-1.amazonaws.com")
        for host in ["a..s3.amazonaws.com", ".s3.amazonaws.com", "amazonaws.com", ".amazonaws.com", "s3..amazonaws.com", ""] {
            #expect(S3Endpoint.parse(host: host) == nil, "\(host)")
        }
    }

    @Test func aBracketedHostKeepsItsColons() {
        // '[' … ']' is an IPv6 literal (RFC 3986 section 3.2.2): its colons are no port.
        #expect(S3Endpoint.parse(host: "[::1]:443") == nil)
    }
}
