import Testing
import CloudFrontModel
import PresignedURLs
@testable import EdgeSimulation

/// EdgeSimulator.simulate on the fixtures: what S3 would receive.
struct EdgeSimulatorTests {
    static let query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T145820Z&X-Amz-Expires=900&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b&X-Amz-SignedHeaders=host"

    private func simulate(_ file: String, _ url: String) throws -> SimulatedRequest {
        let d = try #require(try InputLoader.load(try Fixtures.document(file)).distributions.first)
        return try #require(EdgeSimulator.simulate(try PresignedURL(url), through: d, catalog: PolicyCatalog()))
    }

    @Test func droppedQueryStringLeavesS3AnAnonymousRequest() throws {
        let r = try simulate("distributions/article-querystring-dropped.get-distribution-config.json",
                             "https://cf-signed-urls-test.s3-eu-west-1.amazonaws.com/test.txt?" + Self.query)
        #expect(r.forwardedParameters.isEmpty)
        #expect(r.droppedParameters.count == 6)
    }

    @Test func forwardedHostMeansS3SeesTheCloudFrontDomain() throws {
        let r = try simulate("distributions/host-header-forwarded.get-distribution-config.json",
                             "https://d111111abcdef8.cloudfront.net/invoice.pdf?" + Self.query)
        #expect(r.hostForwardedFromViewer)
        #expect(r.originHost == "d111111abcdef8.cloudfront.net")
    }

    @Test func everyOriginRequestCarriesXAmzCfId() throws {
        let s3 = try simulate("distributions/article-fixed.get-distribution-config.json",
                              "https://cf-signed-urls-test.s3-eu-west-1.amazonaws.com/test.txt?" + Self.query)
        #expect(s3.addedHeaders.contains { $0.name == "X-Amz-Cf-Id" })
        #expect(s3.originHost == "cf-signed-urls-test.s3-eu-west-1.amazonaws.com" && !s3.hostForwardedFromViewer)
        let custom = try simulate("distributions/s3-as-custom-origin.get-distribution.json",
                                  "https://media.brightlane.io/v.mp4?" + Self.query)
        let header = try #require(custom.addedHeaders.first { $0.name == "X-Amz-Cf-Id" })
        #expect(header.reason.contains("unsigned"))
    }

    @Test func originPathPrefixesTheKeyS3Receives() throws {
        let r = try simulate("distributions/origin-path.get-distribution-config.json",
                             "https://d111111abcdef8.cloudfront.net/exports/a%20b.csv?" + Self.query)
        #expect(r.originRawPath == "/production/exports/a%20b.csv")
    }

    @Test func originGroupGoesToThePrimary() throws {
        let r = try simulate("distributions/origin-group-failover.get-distribution-config.json",
                             "https://d111111abcdef8.cloudfront.net/logo.png?" + Self.query)
        #expect(r.originGroup?.id == "assets-failover")
        #expect(r.origin?.domainName == "brightlane-assets-use1.s3.us-east-1.amazonaws.com")
        #expect(r.originHost == "brightlane-assets-use1.s3.us-east-1.amazonaws.com")
    }

    @Test func allViewerOnS3DropsResponseOverridesButKeepsTheSignature() throws {
        let r = try simulate("distributions/allviewer-s3-origin.get-distribution-config.json",
                             "https://contracts.brightlane.io/c.pdf?" + Self.query + "&response-content-type=application%2Fpdf")
        #expect(r.droppedParameters == ["response-content-type"])
        #expect(r.forwardedParameters.count == 6)
        #expect(r.hostForwardedFromViewer && r.originHost == "contracts.brightlane.io")
    }

    @Test func oacAddsItsOwnAuthorization() throws {
        let r = try simulate("distributions/oac-with-presigned.get-distribution-config.json",
                             "https://d111111abcdef8.cloudfront.net/statement.pdf?" + Self.query)
        #expect(r.addedHeaders.contains { $0.name == "Authorization" })
    }
}
