import Testing
@testable import S3Errors

/// What each real body proves (SPEC §7 "Error bodies are evidence").
@Suite struct EvidenceTests {
    func evidence(_ name: String) throws -> Evidence {
        Evidence(try ErrorBody.parse(try Fixtures.bytes("errors/" + name)))
    }

    @Test(arguments: [
        ("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml", ["CFD201", "CFD202"]),
        ("AccessDenied.HeadersNotSigned.x-amz-acl.xml", ["CFD202"]),
        ("AccessDenied.RequestHasExpired.sigv4.xml", ["CFD601", "CFD501"]),
        ("AccessDenied.plain.xml", ["CFD301", "CFD302"]),
        ("AuthorizationQueryParametersError.credential-wrong-region.xml", ["CFD103"]),
        ("AuthorizationQueryParametersError.expires-over-a-week.xml", ["CFD602"]),
        ("AuthorizationQueryParametersError.missing-v4-params.xml", ["CFD302", "CFD603"]),
        ("InvalidArgument.only-one-auth-mechanism.cloudfront.xml", ["CFD203"]),
        ("InvalidArgument.X-Amz-Credential-wrong-region.xml", ["CFD103"]),
        ("PermanentRedirect.global-endpoint.xml", ["CFD101", "CFD103"]),
        ("TemporaryRedirect.xml", ["CFD101", "CFD103"]),
        ("NoSuchBucket.xml", ["CFD401"]),
        ("NoSuchKey.xml", ["CFD105"]),
        ("MissingKey.cloudfront.xml", ["CFD304"]),
        ("ExpiredToken.xml", ["CFD607"]),
        ("InvalidToken.xml", ["CFD607", "CFD611"]),
        ("InvalidAccessKeyId.xml", ["CFD607"]),
        ("InvalidRequest.use-AWS4-HMAC-SHA256.xml", ["CFD606"]),
        ("SignatureDoesNotMatch.sigv2-behind-cloudfront-x-amz-cf-id.xml", ["CFD201", "CFD606"]),
    ])
    func bodySupportsTheseRulesMostLikelyFirst(file: String, rules: [String]) throws {
        let found = try evidence(file)
        #expect(found.supportedRules == rules)
        #expect(found.supports.allSatisfy { !$0.reason.isEmpty })
        #expect(!found.meaning.isEmpty)
    }

    @Test func signatureMismatchOverAnS3HostSuspectsTheHostFirst() throws {
        let found = try evidence("SignatureDoesNotMatch.sigv4-header.canonical-request.xml")
        #expect(found.supportedRules.first == "CFD102")
        #expect(found.facts.canonicalRequest?.hasPrefix("GET\n/\n") == true)
        #expect(!found.supportedRules.contains("CFD401"))
    }

    @Test func signatureMismatchWithTheCloudFrontHostPointsAtTheForwardedHost() throws {
        let xml = "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><StringToSign>AWS4-HMAC-SHA256 x</StringToSign>"
            + "<CanonicalRequest>GET\n/index.html\nX-Amz-Algorithm=AWS4-HMAC-SHA256\nhost:dz6q8e3dn1zoo.cloudfront.net\n\nhost\nUNSIGNED-PAYLOAD"
            + "</CanonicalRequest><RequestId>R</RequestId><HostId>H</HostId></Error>"
        let found = Evidence(try ErrorBody.parse(Array(xml.utf8)))
        #expect(found.supportedRules.first == "CFD401")
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

    @Test func whatABodyRulesOut() throws {
        let missingKey = try evidence("MissingKey.cloudfront.xml")
        #expect(!missingKey.reachedS3)
        #expect(missingKey.ruledOutRules.contains("CFD201"))
        let cfId = try evidence("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml")
        #expect(cfId.ruledOutRules.contains("CFD301"))
        #expect(cfId.ruledOutRules.contains("CFD304"))
        #expect(try evidence("NoSuchKey.xml").ruledOutRules.contains("CFD610"))
    }

    @Test func htmlPageAndNonErrorsSupportNothing() throws {
        let page = try evidence("CloudFront.403-request-blocked.html")
        #expect(page.supports.isEmpty)
        #expect(!page.reachedS3)
        #expect(page.meaning.contains("Request blocked."))
    }
}
