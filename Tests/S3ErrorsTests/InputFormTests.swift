import Testing
@testable import S3Errors

/// The forms a body arrives in: encodings, pasted HTTP heads, HTML, nothing at all.
@Suite struct InputFormTests {
    let accessDenied = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
        + "<RequestId>R</RequestId><HostId>H</HostId></Error>"

    @Test func utf16WithByteOrderMarkIsAccepted() throws {
        for littleEndian in [true, false] {
            var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in accessDenied.utf16 {
                bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            let parsed = try ErrorBody.parse(bytes)
            #expect(parsed.code == "AccessDenied")
        }
    }

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        #expect(try ErrorBody.parse([0xEF, 0xBB, 0xBF] + Array(accessDenied.utf8)).code == "AccessDenied")
    }

    @Test func invalidUTF8IsAClearError() {
        let bytes = Array("<Error>\n<Code>Acc".utf8) + [0xFF] + Array("ess</Code></Error>".utf8)
        #expect(throws: ErrorBodyFailure.invalidUTF8(line: 2, column: 10, offset: 17)) { try ErrorBody.parse(bytes) }
    }

    @Test func emptyAndBlankBodiesAreErrors() {
        #expect(throws: ErrorBodyFailure.empty) { try ErrorBody.parse([]) }
        #expect(throws: ErrorBodyFailure.empty) { try ErrorBody.parse(Array(" \r\n\t\n".utf8)) }
    }

    @Test func curlIncludeOutputWithAnInterimResponse() throws {
        let text = "HTTP/1.1 100 Continue\r\n\r\nHTTP/2 403 \r\nx-amz-request-id: R\r\ncontent-type: application/xml\r\nserver: AmazonS3\r\n\r\n"
            + accessDenied
        let parsed = try ErrorBody.parse(Array(text.utf8))
        #expect(parsed.status == 403)
        #expect(parsed.head?.version == "HTTP/2")
        #expect(parsed.head?.header("Server") == "AmazonS3")
        #expect(parsed.kind == .s3Error)
        #expect(parsed.code == "AccessDenied")
    }

    @Test func curlVerboseOutput() throws {
        let text = "*   Trying 52.95.134.70...\n> GET /key HTTP/1.1\n> Host: b.s3.amazonaws.com\n>\n< HTTP/1.1 403 Forbidden\n"
            + "< x-amz-request-id: R\n< Content-Type: application/xml\n<\n" + accessDenied
        let parsed = try ErrorBody.parse(Array(text.utf8))
        #expect(parsed.status == 403)
        #expect(parsed.code == "AccessDenied")
    }

    @Test func otherHTMLIsNotAnError() throws {
        let parsed = try ErrorBody.parse(Array("<!DOCTYPE html><html><body>Login</body></html>".utf8))
        #expect(parsed.kind == .notAnError)
        #expect(parsed.notAnErrorReason?.contains("HTML") == true)
    }

    @Test func otherXMLAndPlainTextAreNotErrors() throws {
        let list = try ErrorBody.parse(Array("<ListBucketResult><Name>b</Name></ListBucketResult>".utf8))
        #expect(list.kind == .notAnError)
        #expect(list.notAnErrorReason == "the XML root is <ListBucketResult>, not <Error>")
        #expect(try ErrorBody.parse(Array("{\"message\": \"Forbidden\"}".utf8)).kind == .notAnError)
    }

    @Test func headOnlyResponseIsNotAnError() throws {
        let parsed = try ErrorBody.parse(Array("HTTP/1.1 403 Forbidden\r\nServer: AmazonS3\r\n\r\n".utf8))
        #expect(parsed.kind == .notAnError)
        #expect(parsed.status == 403)
    }
}

@Suite struct CloudFrontRecognitionTests {
    @Test(arguments: ["Unknown Key", "Missing Key-Pair-Id query parameter or cookie value"])
    func cloudFrontSignedURLMessagesAreCloudFronts(message: String) throws {
        let parsed = try ErrorBody.parse(Array("<Error><Code>AccessDenied</Code><Message>\(message)</Message></Error>".utf8))
        #expect(parsed.kind == .cloudFrontError)
        // No Key-Pair-Id at all: the behavior wants a CloudFront signature (CFD304). An unknown one:
        // CloudFront read a CloudFront signature and refused its key (CFD705).
        let expected: Symptom = message == "Unknown Key"
            ? .cloudFrontRefusedItsSignature(code: "AccessDenied", message: message)
            : .cloudFrontRequiresItsOwnSignature(code: "AccessDenied", message: message)
        #expect(Evidence(parsed).symptoms == [expected])
    }

    @Test func s3AccessDeniedThroughCloudFrontStaysS3s() throws {
        let text = "HTTP/1.1 403 Forbidden\r\nServer: AmazonS3\r\nx-amz-request-id: R\r\nX-Cache: Error from cloudfront\r\n\r\n"
            + "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R</RequestId><HostId>H</HostId></Error>"
        #expect(try ErrorBody.parse(Array(text.utf8)).kind == .s3Error)
    }
}
