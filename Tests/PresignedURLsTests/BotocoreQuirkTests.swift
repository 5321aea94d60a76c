import Testing
@testable import PresignedURLs

/// Vectors botocore produced although S3 would not accept them (`botocore_quirk` in the corpus).
/// They still verify — botocore signed them — but cfdoctor must see what is wrong with them.
struct BotocoreQuirkTests {
    static var quirks: [BotocoreVector] { BotocoreVector.all.filter { $0.quirk != nil } }

    @Test func corpusHasQuirks() {
        #expect(Self.quirks.count == 4)
    }

    @Test(arguments: quirks)
    func quirkIsRecognised(vector: BotocoreVector) throws {
        let url = try PresignedURL(vector.url)
        let scope = try #require(QueryAuth(url).sigV4?.credential)
        if let endpoint = url.endpoint {
            // FIPS quirk: default addressing presigns for 'aws-global', so the host is
            // s3-fips.us-east-1 while the scope names the client region: S3 answers
            // AuthorizationQueryParametersError "the region 'X' is wrong" (s3-endpoint-forms.md §2).
            #expect(endpoint.fips)
            #expect(endpoint.servingRegion != scope.region, "\(vector.id): host and scope agree")
        } else {
            // s3.s3-external-1: not a valid host form at all.
            #expect(url.host.contains(".s3.s3-external-1."))
        }
    }
}
