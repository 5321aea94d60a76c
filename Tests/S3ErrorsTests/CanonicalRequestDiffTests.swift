import Testing
import S3Errors

@Suite struct CanonicalRequestDiffTests {
    let signed = "GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20180930T145820Z&X-Amz-Expires=900\n"
        + "host:cf-signed-urls-test.s3-eu-west-1.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD"

    func replacing(_ old: String, _ new: String) -> String { signed.replacingOccurrences(of: old, with: new) }

    @Test func identicalRequestsHaveNoDifference() throws {
        #expect(try #require(CanonicalRequestDiff(actual: signed, expected: signed)).isEmpty)
    }

    @Test func anotherS3HostPointsToTheOriginDomain() throws {
        let actual = replacing("s3-eu-west-1.amazonaws.com", "s3.amazonaws.com")
        let diff = try #require(CanonicalRequestDiff(actual: actual, expected: signed))
        #expect(diff.differences.map(\.line) == [4])
        #expect(diff.differences.first?.cause == .host)
        #expect(diff.differences.first?.actual == "host:cf-signed-urls-test.s3.amazonaws.com")
    }

    @Test func theCloudFrontHostPointsToTheForwardedHost() throws {
        let actual = replacing("cf-signed-urls-test.s3-eu-west-1.amazonaws.com", "d2tphqjsvmbzmt.cloudfront.net")
        #expect(CanonicalRequestDiff(actual: actual, expected: signed)?.differences.first?.cause == .viewerHost)
    }

    @Test func anotherPathPointsToOriginPath() throws {
        let diff = CanonicalRequestDiff(actual: replacing("/test.txt", "/prod/test.txt"), expected: signed)
        #expect(diff?.differences.map(\.line) == [2])
        #expect(diff?.differences.first?.cause == .path)
    }

    @Test func aDroppedParameterPointsToTheAllowList() throws {
        let diff = CanonicalRequestDiff(actual: replacing("&X-Amz-Expires=900", ""), expected: signed)
        #expect(diff?.differences.first?.line == 3)
        #expect(diff?.differences.first?.cause == .query(droppedOrAdded: true, changed: false))
        #expect(diff?.differences.first?.reason.contains("X-Amz-Expires") == true)
    }

    @Test func textWithoutLineBreaksCannotBeCompared() {
        #expect(CanonicalRequestDiff(actual: "GET /index.html host:d.cloudfront.net x", expected: signed) == nil)
    }
}
