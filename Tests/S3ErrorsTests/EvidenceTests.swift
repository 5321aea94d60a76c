import Testing
@testable import S3Errors

/// What each real body proves (SPEC §7 "Error bodies are evidence").
@Suite struct EvidenceTests {
    func evidence(_ name: String) throws -> Evidence {
        Evidence(try ErrorBody.parse(try Fixtures.bytes("errors/" + name)))
    }

    @Test(arguments: [
        ("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml", [Symptom.queryReachedS3, .unsignedHeaders(["x-amz-cf-id"])]),
        ("AccessDenied.HeadersNotSigned.x-amz-acl.xml", [.queryReachedS3, .unsignedHeaders(["x-amz-acl"])]),
        ("AccessDenied.RequestHasExpired.sigv4.xml",
         [.expired(expires: "2017-07-20T04:18:45Z", serverTime: "2017-07-20T04:18:55Z"), .queryReachedS3]),
        ("AccessDenied.plain.xml", [.anonymousRequest]),
        ("AuthorizationQueryParametersError.credential-wrong-region.xml",
         [.queryReachedS3, .wrongRegion(signed: "us-east-1", expected: "eu-central-1")]),
        ("AuthorizationQueryParametersError.missing-v4-params.xml", [.queryReachedS3, .missingQueryParameters]),
        ("InvalidArgument.only-one-auth-mechanism.cloudfront.xml",
         [.authMechanismConflict(argumentName: "Authorization"), .queryReachedS3]),
        ("PermanentRedirect.global-endpoint.xml", [.bucketInAnotherRegion(endpoint: "assets.jedfoster.com.s3.amazonaws.com")]),
        ("NoSuchBucket.xml", [.noSuchBucket(bucket: "pi-case")]),
        ("ExpiredToken.xml", [.expiredSessionToken, .queryReachedS3]),
        ("InvalidRequest.use-AWS4-HMAC-SHA256.xml", [.sigV2Rejected]),
        ("SignatureDoesNotMatch.sigv2-behind-cloudfront-x-amz-cf-id.xml",
         [.queryReachedS3, .sigV2SignatureMismatch(stringToSignHasCloudFrontID: true)]),
    ])
    func realS3BodiesShowTheseSymptomsThenThatS3Answered(file: String, symptoms: [Symptom]) throws {
        let found = try evidence(file)
        #expect(found.symptoms == symptoms + [.answeredByS3])
        #expect(found.reachedS3)
        #expect(!found.meaning.isEmpty)
    }

    @Test func cloudFrontsMissingKeyIsCloudFrontsOwnRefusal() throws {
        let found = try evidence("MissingKey.cloudfront.xml")
        guard case .cloudFrontRequiresItsOwnSignature(let code, _) = try #require(found.symptoms.first) else {
            Issue.record("expected CloudFront's own refusal, got \(found.symptoms)")
            return
        }
        #expect(code == "MissingKey")
        #expect(found.symptoms.count == 1)
        #expect(!found.reachedS3)
    }

    @Test(arguments: [("InvalidKey.cloudfront.xml", "InvalidKey", "Unknown Key"),
                      ("MalformedPolicy.cloudfront.xml", "MalformedPolicy", "Malformed Policy"),
                      ("AccessDenied.cloudfront.xml", "AccessDenied", "Access denied")])
    func cloudFrontsSignedURLRefusalsAreRecognised(file: String, code: String, message: String) throws {
        let found = try evidence(file)
        #expect(found.symptoms == [.cloudFrontRefusedItsSignature(code: code, message: message)])
        #expect(!found.reachedS3)
        #expect(found.meaning.hasPrefix("CloudFront refused the CloudFront signed URL or cookie itself"))
    }

    @Test func malformedSignatureAsIssue13NamesIt() throws {
        // Not captured (docs/aws-facts.md #23: NOT FOUND); the shape of CloudFront's other signed-URL errors.
        let body = "<Error><Code>MalformedSignature</Code><Message>Could not unencode Signature</Message></Error>"
        let found = Evidence(try ErrorBody.parse(Array(body.utf8)))
        #expect(found.symptoms == [.cloudFrontRefusedItsSignature(code: "MalformedSignature", message: "Could not unencode Signature")])
        // S3's own AccessDenied ("Access Denied", with RequestId) stays S3's.
        let s3 = Evidence(try ErrorBody.parse(try Fixtures.bytes("errors/AccessDenied.plain.xml")))
        #expect(s3.reachedS3)
    }

    @Test func signatureMismatchCarriesTheHostS3Signed() throws {
        let found = try evidence("SignatureDoesNotMatch.sigv4-header.canonical-request.xml")
        guard case .signatureMismatch(let host) = try #require(found.symptoms.dropFirst().first) else {
            Issue.record("expected a SigV4 signature mismatch, got \(found.symptoms)")
            return
        }
        #expect(host.map(Evidence.isS3Host) == true)
        #expect(found.facts.canonicalRequest?.hasPrefix("GET\n/\n") == true)
    }

    @Test func factsCarryWhatTheDiagnosisRestsOn() throws {
        let region = try evidence("AuthorizationQueryParametersError.credential-wrong-region.xml")
        #expect(region.facts.region == "eu-central-1")
        #expect(region.facts.signedRegion == "us-east-1")
        let expired = try evidence("AccessDenied.RequestHasExpired.sigv4.xml")
        #expect(expired.facts.expires == "2017-07-20T04:18:45Z")
        #expect(expired.facts.serverTime == "2017-07-20T04:18:55Z")
        #expect(expired.facts.xAmzExpires == "300")
        #expect(try evidence("PermanentRedirect.global-endpoint.xml").facts.endpoint == "assets.jedfoster.com.s3.amazonaws.com")
        #expect(try evidence("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml").facts.headersNotSigned == ["x-amz-cf-id"])
    }

    @Test func htmlPageAndNonErrorsSupportNothing() throws {
        let page = try evidence("CloudFront.403-request-blocked.html")
        #expect(page.symptoms.isEmpty)
        #expect(!page.reachedS3)
        #expect(page.meaning.contains("Request blocked."))
    }
}
