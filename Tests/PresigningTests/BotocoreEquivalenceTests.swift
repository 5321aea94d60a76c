import Testing
@testable import Presigning

/// Our URL equals botocore's byte for byte: host form, path encoding, parameter order and
/// encoding, rounding and signature (ground truth from outside our code).
struct BotocoreEquivalenceTests {
    @Test func corpusIsThere() {
        #expect(PresignVector.all.count == 120)
        // The brief's coverage: special keys, session tokens, overrides, every partition.
        #expect(PresignVector.all.contains { $0.credentials.sessionToken != nil })
        #expect(PresignVector.all.contains { !$0.overrides.isEmpty })
        for region in ["cn-north-1", "us-gov-west-1", "us-east-1", "eu-west-1"] {
            #expect(PresignVector.all.contains { $0.region == region })
        }
    }

    @Test func knownRegionsAreBotocoresRegions() throws {
        // The generator records botocore 1.43.11's aws, aws-cn and aws-us-gov regions.
        let ours = AWSRegion.Partition.allCases.flatMap { AWSRegion.known[$0] ?? [] }.sorted()
        #expect(ours == PresignVector.knownRegions.sorted())
        #expect(ours.count == 38)
        // ...and every one of them has a vector, signed for its regional host.
        for region in ours { #expect(PresignVector.all.contains { $0.region == region && $0.addressing == "virtual" }, "\(region)") }
    }

    @Test(arguments: PresignVector.all)
    func urlEqualsBotocore(vector: PresignVector) throws {
        let signed = try Presigner.presignGET(vector.request, credentials: vector.credentials, now: Timestamp(seconds: vector.now))
        #expect(signed.s3URL == vector.url)
        #expect(signed.signedAt.seconds == vector.signingTime)
        #expect(signed.url == (vector.cdnURL ?? vector.url))
    }

    @Test(arguments: PresignVector.all)
    func ourURLVerifiesWithTheVerifier(vector: PresignVector) throws {
        // The verification side of cfdoctor agrees with the signing side.
        let signed = try Presigner.presignGET(vector.request, credentials: vector.credentials, now: Timestamp(seconds: vector.now))
        let url = try PresignedURL(signed.s3URL)
        let query = try #require(QueryAuth(url).sigV4)
        let check = try #require(SignatureVerifier.verifySigV4(query, request: ReceivedRequest(url),
                                                               secret: vector.credentials.secretAccessKey))
        #expect(check.matches)
    }
}
