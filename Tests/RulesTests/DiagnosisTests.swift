import Foundation
import Testing
@testable import Rules
import PresignedURLs
import S3Errors

/// The rules each real error body points to (SPEC §7 "Error bodies are evidence"), most likely
/// first, through the symptom → rule mapping of Sources/Rules/Evidence.
@Suite struct DiagnosisTests {
    func diagnosis(_ name: String) throws -> Diagnosis {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("errors/" + name)))
        return Diagnosis(try ErrorBody.parse(bytes))
    }

    @Test(arguments: [
        ("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml", ["CFD201", "CFD202"]),
        ("AccessDenied.HeadersNotSigned.x-amz-acl.xml", ["CFD202"]),
        // Without the HTTP head nothing says the cache answered: expiry alone is no evidence for CFD501.
        ("AccessDenied.RequestHasExpired.sigv4.xml", ["CFD601"]),
        ("InvalidRequest.x-amz-cf-id-must-be-signed.xml", ["CFD201", "CFD202"]),
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
        ("InvalidKey.cloudfront.xml", ["CFD705"]),
        ("MalformedPolicy.cloudfront.xml", ["CFD703"]),
        ("AccessDenied.cloudfront.xml", ["CFD701", "CFD702", "CFD704", "CFD707"]),
        ("ExpiredToken.xml", ["CFD607"]),
        ("InvalidToken.xml", ["CFD607", "CFD611"]),
        ("InvalidAccessKeyId.xml", ["CFD607"]),
        ("InvalidRequest.use-AWS4-HMAC-SHA256.xml", ["CFD606"]),
        ("SignatureDoesNotMatch.sigv2-behind-cloudfront-x-amz-cf-id.xml", ["CFD201", "CFD606"]),
    ])
    func bodySupportsTheseRulesMostLikelyFirst(file: String, rules: [String]) throws {
        let found = try diagnosis(file)
        #expect(found.supportedRules.map(\.rawValue) == rules)
        #expect(found.supports.allSatisfy { !$0.reason.isEmpty })
        // Every rule a body points to exists in the catalog.
        #expect(found.supportedRules.allSatisfy { Catalog.rule(id: $0) != nil })
    }

    /// `Request has expired` confirms CFD501 only when the response came from CloudFront's cache.
    @Test(arguments: [
        ("HTTP/1.1 403 Forbidden\r\nX-Cache: Hit from cloudfront\r\n\r\n", ["CFD601", "CFD501"]),
        ("HTTP/1.1 403 Forbidden\r\nAge: 42\r\nX-Cache: RefreshHit from cloudfront\r\n\r\n", ["CFD601", "CFD501"]),
        ("HTTP/1.1 403 Forbidden\r\nX-Cache: Error from cloudfront\r\n\r\n", ["CFD601"]),
    ])
    func expiryIsACachingProblemOnlyWhenTheCacheAnswered(head: String, rules: [String]) throws {
        let body = try String(contentsOf: Fixtures.root.appendingPathComponent("errors/AccessDenied.RequestHasExpired.sigv4.xml"), encoding: .utf8)
        let found = Diagnosis(try ErrorBody.parse(Array((head + body).utf8)))
        #expect(found.supportedRules.map(\.rawValue) == rules)
    }

    /// OAC/OAI sign the origin request with Authorization, X-Amz-Date and X-Amz-Content-Sha256.
    @Test func unsignedOriginSigningHeadersPointAtCloudFrontSigning() throws {
        let xml = "<Error><Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message>"
            + "<HeadersNotSigned>x-amz-date, x-amz-content-sha256</HeadersNotSigned><RequestId>R</RequestId><HostId>H</HostId></Error>"
        let found = Diagnosis(try ErrorBody.parse(Array(xml.utf8)))
        #expect(found.supportedRules.first == "CFD203")
        #expect(!found.supportedRules.contains("CFD202"))
    }

    @Test func signatureMismatchOverAnS3HostSuspectsTheHostFirst() throws {
        let found = try diagnosis("SignatureDoesNotMatch.sigv4-header.canonical-request.xml")
        #expect(found.supportedRules.first == "CFD102")
        #expect(!found.supportedRules.contains("CFD401"))
    }

    @Test func signatureMismatchWithTheCloudFrontHostPointsAtTheForwardedHost() throws {
        let xml = "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><StringToSign>AWS4-HMAC-SHA256 x</StringToSign>"
            + "<CanonicalRequest>GET\n/index.html\nX-Amz-Algorithm=AWS4-HMAC-SHA256\nhost:dz6q8e3dn1zoo.cloudfront.net\n\nhost\nUNSIGNED-PAYLOAD"
            + "</CanonicalRequest><RequestId>R</RequestId><HostId>H</HostId></Error>"
        #expect(Diagnosis(try ErrorBody.parse(Array(xml.utf8))).supportedRules.first == "CFD401")
    }

    @Test func whatABodyRulesOut() throws {
        let missingKey = try diagnosis("MissingKey.cloudfront.xml")
        #expect(!missingKey.reachedS3)
        #expect(missingKey.ruledOutRules.contains("CFD201"))
        let cfId = try diagnosis("AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml")
        #expect(cfId.ruledOutRules.contains("CFD301"))
        #expect(cfId.ruledOutRules.contains("CFD304"))
        #expect(try diagnosis("NoSuchKey.xml").ruledOutRules.contains("CFD610"))
        // CloudFront read a CloudFront signature: the behavior restricts access, and S3 was not asked.
        let unknownKey = try diagnosis("InvalidKey.cloudfront.xml")
        #expect(!unknownKey.reachedS3)
        #expect(unknownKey.ruledOutRules.contains("CFD304") && unknownKey.ruledOutRules.contains("CFD706"))
        #expect(unknownKey.ruledOutRules.contains("CFD201"))
    }

    @Test func htmlPageSupportsNothing() throws {
        let page = try diagnosis("CloudFront.403-request-blocked.html")
        #expect(page.supports.isEmpty)
        #expect(page.rulesOut.isEmpty)
    }

    @Test func canonicalRequestCausesPointAtRules() {
        #expect(CanonicalRequestDiff.Cause.host.rules == ["CFD101", "CFD102"])
        #expect(CanonicalRequestDiff.Cause.viewerHost.rules == ["CFD401"])
        #expect(CanonicalRequestDiff.Cause.path.rules == ["CFD105"])
        #expect(CanonicalRequestDiff.Cause.query(droppedOrAdded: true, changed: true).rules == ["CFD302", "CFD611"])
        #expect(CanonicalRequestDiff.Cause.query(droppedOrAdded: false, changed: true).rules == ["CFD611"])
        #expect(CanonicalRequestDiff.Cause.query(droppedOrAdded: false, changed: false).rules == ["CFD302"])
    }
}

/// A body answers one request: what it echoes decides whether it is this URL's (issue 8 §3).
@Suite struct ForeignBodyTests {
    static let url = try! PresignedURL(URLExamples.article)

    func evidence(_ xml: String) throws -> Evidence { Evidence(try ErrorBody.parse(Array(xml.utf8))) }

    @Test func anotherKeyOrSignatureMeansAnotherRequest() throws {
        let otherKey = try evidence("<Error><Code>InvalidAccessKeyId</Code><Message>m</Message><AWSAccessKeyId>ASIAJCIMYNXQI3TLOWZA</AWSAccessKeyId></Error>")
        #expect(Report.foreignBody(otherKey, url: Self.url)?.contains("ASIAJCIMYNXQI3TLOWZA") == true)
        let otherSignature = try evidence("<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><SignatureProvided>"
            + String(repeating: "a", count: 64) + "</SignatureProvided></Error>")
        #expect(Report.foreignBody(otherSignature, url: Self.url)?.contains("SignatureProvided") == true)
    }

    /// "Only one auth mechanism allowed" names CloudFront's own Authorization header in ArgumentValue:
    /// that key is OAC's, not the URL's, so it says nothing about whose request this was.
    @Test func cloudFrontsOwnCredentialInArgumentValueIsNotTheURLs() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("errors/InvalidArgument.only-one-auth-mechanism.cloudfront.xml")))
        let body = Evidence(try ErrorBody.parse(bytes))
        #expect(Report.foreignBody(body, url: Self.url) == nil)
    }

    @Test func theURLsOwnBodyBelongsToIt() throws {
        let own = try evidence("<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message><AWSAccessKeyId>AKIAINGQCJMAROJWPJ3A</AWSAccessKeyId>"
            + "<SignatureProvided>ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b</SignatureProvided></Error>")
        #expect(Report.foreignBody(own, url: Self.url) == nil)
    }
}
