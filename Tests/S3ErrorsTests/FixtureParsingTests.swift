import Testing
@testable import S3Errors

/// Every real body in fixtures/errors parses to the code and fields its source shows.
@Suite struct FixtureParsingTests {
    func body(_ name: String) throws -> ErrorBody {
        try ErrorBody.parse(try Fixtures.bytes("errors/" + name))
    }

    @Test(arguments: [
        ("AccessDenied.plain.xml", "AccessDenied", "Access Denied"),
        ("AccessDenied.HeadersNotSigned.x-amz-acl.xml", "AccessDenied", "There were headers present in the request which were not signed"),
        ("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml", "AccessDenied", "There were headers present in the request which were not signed"),
        ("AccessDenied.RequestHasExpired.sigv4.xml", "AccessDenied", "Request has expired"),
        ("AccessDenied.RequestHasExpired.no-X-Amz-Expires.xml", "AccessDenied", "Request has expired"),
        ("AuthorizationHeaderMalformed.xml", "AuthorizationHeaderMalformed", "The authorization header is malformed; the region 'ap-south-1' is wrong; expecting 'us-east-1'"),
        ("AuthorizationQueryParametersError.credential-wrong-region.xml", "AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-central-1'"),
        ("AuthorizationQueryParametersError.expires-over-a-week.xml", "AuthorizationQueryParametersError", "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds"),
        ("AuthorizationQueryParametersError.missing-v4-params.xml", "AuthorizationQueryParametersError", "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."),
        ("ExpiredToken.xml", "ExpiredToken", "The provided token has expired."),
        ("InvalidAccessKeyId.xml", "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."),
        ("InvalidArgument.X-Amz-Credential-wrong-region.xml", "InvalidArgument", "the region 'us-east-1' is wrong; expecting 'us-west-1'"),
        ("InvalidArgument.only-one-auth-mechanism.cloudfront.xml", "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified"),
        ("InvalidRequest.use-AWS4-HMAC-SHA256.xml", "InvalidRequest", "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."),
        ("InvalidToken.xml", "InvalidToken", "The provided token is malformed or otherwise invalid."),
        ("NoSuchBucket.xml", "NoSuchBucket", "The specified bucket does not exist"),
        ("NoSuchKey.xml", "NoSuchKey", "The specified key does not exist."),
        ("PermanentRedirect.global-endpoint.xml", "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint."),
        ("TemporaryRedirect.xml", "TemporaryRedirect", "Please re-send this request to the specified temporary endpoint. Continue to use the original request endpoint for future requests."),
        ("SignatureDoesNotMatch.sigv2-behind-cloudfront-x-amz-cf-id.xml", "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
        ("SignatureDoesNotMatch.sigv4-header.placeholders.xml", "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
        ("SignatureDoesNotMatch.sigv4-header.canonical-request.xml", "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
    ])
    func s3BodiesParseToTheirCodeAndMessage(file: String, code: String, message: String) throws {
        let parsed = try body(file)
        #expect(parsed.kind == .s3Error)
        #expect(parsed.code == code)
        #expect(parsed.message == message)  // pretty-printed bodies come back trimmed
    }

    @Test func fieldsKeepTheirOrderAndLines() throws {
        let parsed = try body("AccessDenied.RequestHasExpired.sigv4.xml")
        #expect(parsed.fields.map(\.name) == ["Code", "Message", "X-Amz-Expires", "Expires", "ServerTime", "RequestId", "HostId"])
        #expect(parsed.value("X-Amz-Expires") == "300")
        #expect(parsed.value("HostId") == "ZgJWY5yN4ZmKd3dJ/HrS7Huw0wfJyyNi7MdNJFfzL/eh3m4PmJxf7+V2Qao7CQ3O5I765/2BuqA")
        #expect(parsed.fields.first { $0.name == "ServerTime" }?.line == 6)
    }

    @Test func headersNotSignedIsAList() throws {
        #expect(try body("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml").headersNotSigned == ["x-amz-cf-id"])
        #expect(try body("AccessDenied.HeadersNotSigned.x-amz-acl.xml").headersNotSigned == ["x-amz-acl"])
    }

    @Test func hexBytesDecodeToTheExactCanonicalRequest() throws {
        let parsed = try body("SignatureDoesNotMatch.sigv4-header.canonical-request.xml")
        let expected = "GET\n/\nlist-type=2\ncontent-length:0\ndate:20160516T041429Z\nhost:s3.us-east-1.amazonaws.com\n"
            + "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\n"
            + "content-length;date;host;x-amz-content-sha256\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(parsed.canonicalRequest == expected)
        #expect(parsed.value("CanonicalRequest") == expected)
        #expect(parsed.stringToSign == "AWS4-HMAC-SHA256\n20160516T041429Z\n20160516/us-east-1/s3/aws4_request\n"
            + "7e908e36ea6c07e542ffac21ec3e11acc3baf022d9133d9764e1521b152586f7")
    }

    @Test func placeholderHexFallsBackToTheText() throws {
        let parsed = try body("SignatureDoesNotMatch.sigv4-header.placeholders.xml")
        #expect(parsed.stringToSign == "EXAMPLE")
        #expect(HexBytes.decodeText("41 57 53 34") == "AWS4")
        #expect(HexBytes.decodeText("41 5") == nil)
        #expect(HexBytes.decodeText("ff fe") == nil)  // not UTF-8
    }

    @Test func escapedAmpersandsInTheCanonicalRequestAreDecoded() throws {
        let xml = "<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>GET\n/k\nX-Amz-Algorithm=AWS4-HMAC-SHA256&amp;"
            + "X-Amz-Date=20180930T145820Z\nhost:b.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest>"
            + "<RequestId>R</RequestId><HostId>H</HostId></Error>"
        let parsed = try ErrorBody.parse(Array(xml.utf8))
        #expect(parsed.canonicalRequest?.contains("AWS4-HMAC-SHA256&X-Amz-Date=") == true)
    }

    @Test func cloudFrontMissingKeyIsCloudFrontsOwnError() throws {
        let parsed = try body("MissingKey.cloudfront.xml")
        #expect(parsed.kind == .cloudFrontError)
        #expect(parsed.code == "MissingKey")
        #expect(parsed.message == "Missing Key-Pair-Id query parameter or cookie value")
    }

    @Test func statusLineAndHeadersInFrontAreRead() throws {
        let parsed = try body("MissingKey.cloudfront.http.txt")
        #expect(parsed.kind == .cloudFrontError)
        #expect(parsed.status == 403)
        #expect(parsed.head?.header("x-cache") == "Error from cloudfront")
        #expect(parsed.code == "MissingKey")
    }

    @Test func cloudFrontHTMLPageIsRecognisedNotParsed() throws {
        let parsed = try body("CloudFront.403-request-blocked.html")
        #expect(parsed.kind == .cloudFrontHTMLPage)
        #expect(parsed.htmlPage?.status == 403)
        #expect(parsed.htmlPage?.reason == "Request blocked.")
        #expect(parsed.htmlPage?.requestId == "yaPSSJzUvDS5TF06LGBzHqc43V_VZkPAX8zVdX0KQnW12QD4bAcBbA==")
        #expect(parsed.htmlPage?.subheading == "The request could not be satisfied.")
    }
}

@Suite struct TruncatedAndRedactedTests {
    @Test func truncatedCaptureIsAMalformedErrorWithItsPosition() throws {
        let bytes = try Fixtures.bytes("errors/SignatureDoesNotMatch.sigv4-cloudfront-host.PARTIAL.txt")
        #expect {
            _ = try ErrorBody.parse(bytes)
        } throws: { error in
            guard case .malformed(let issues) = error as? ErrorBodyFailure else { return false }
            return issues.first?.line ?? 0 >= 8
        }
    }

    @Test func signaturesAndSessionTokensNeverShow() throws {
        let xml = "<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>abc123</SignatureProvided>"
            + "<CanonicalRequest>GET\n/k\nX-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Security-Token=FwoGZXIvYXdz%2Bsecret&amp;"
            + "X-Amz-SignedHeaders=host\nhost:b.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest>"
            + "<Token-0>FwoGZXIvYXdz</Token-0><RequestId>R</RequestId><HostId>H</HostId></Error>"
        let body = try ErrorBody.parse(Array(xml.utf8))
        let shown = body.fields.map(body.displayValue).joined(separator: "\n")
        #expect(!shown.contains("abc123"))
        #expect(!shown.contains("FwoGZXIvYXdz"))
        #expect(shown.contains("X-Amz-Security-Token=REDACTED&X-Amz-SignedHeaders=host"))
    }
}
