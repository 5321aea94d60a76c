import Testing
import CloudFrontModel
@testable import EdgeSimulation

/// What `presign --distribution` signs for, read from real-shaped exports.
struct SigningTargetTests {
    func target(_ file: String, _ path: String) throws(SigningTarget.Problem) -> SigningTarget? {
        guard let document = try? Fixtures.document("distributions/" + file),
              let distribution = try? InputLoader.load(document).distributions.first else { return nil }
        return try SigningTarget.resolve(viewerPath: path, in: distribution, catalog: PolicyCatalog())
    }

    @Test func articleFixedSignsForTheDashHostItNames() throws {
        let t = try #require(try target("article-fixed.get-distribution-config.json", "/test.txt"))
        #expect(t.host == "cf-signed-urls-test.s3-eu-west-1.amazonaws.com")
        #expect(t.bucket == "cf-signed-urls-test" && t.key == "test.txt" && t.region == "eu-west-1")
        #expect(t.ttl == TTLs(minimum: 0, default: 300, maximum: 600))
    }

    @Test func originPathIsPartOfTheKeyS3Receives() throws {
        let t = try #require(try target("origin-path.get-distribution-config.json", "/reports/q1 final.csv"))
        #expect(t.key == "production/reports/q1 final.csv")
        #expect(t.origin.originPath == "/production")
        // CachingDisabled (managed): nothing is cached.
        #expect(t.ttl?.longest == 0)
    }

    @Test func theGlobalHostNamesNoRegion() throws {
        let t = try #require(try target("article-broken.get-distribution-config.json", "/test.txt"))
        #expect(t.host == "cf-signed-urls-test.s3.amazonaws.com")
        #expect(t.region == nil)
    }

    @Test func theBehaviorDecidesTheOrigin() throws {
        let t = try #require(try target("app-alb-and-s3.get-distribution.json", "/static/app.js"))
        #expect(t.host == "brightlane-app-static.s3.eu-central-1.amazonaws.com")
        #expect(t.behavior.pathPattern == "/static/*")
        #expect(throws: SigningTarget.Problem.self) { try target("app-alb-and-s3.get-distribution.json", "/api/users") }
    }

    @Test func nonS3RESTOriginsAreRefusedWithTheirRule() {
        #expect(throws: SigningTarget.Problem.s3HostAsCustomOrigin(originId: "media-assets-prod.s3.us-east-2.amazonaws.com",
                                                                   host: "media-assets-prod.s3.us-east-2.amazonaws.com")) {
            try target("s3-as-custom-origin.get-distribution.json", "/a.jpg")
        }
        do {
            _ = try target("website-endpoint-origin.get-distribution-config.json", "/index.html")
            Issue.record("website endpoint accepted")
        } catch {
            guard case .websiteEndpoint = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("CFD104"))
        }
    }
}
