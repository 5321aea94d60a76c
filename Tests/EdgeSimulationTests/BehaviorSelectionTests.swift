import Testing
import CloudFrontModel
import PresignedURLs
@testable import EdgeSimulation

/// The URL's path picks the behavior (first match in listed order, default last); the behavior
/// picks the origin or origin group.
struct BehaviorSelectionTests {
    private func distribution(_ file: String) throws -> Distribution {
        try #require(try InputLoader.load(try Fixtures.document(file)).distributions.first)
    }

    @Test(arguments: [
        ("/downloads/report.pdf", "/downloads/*", "brightlane-app-downloads"),
        ("/downloads", nil, "app-prod-alb"),                  // no trailing slash: /downloads/* does not match
        ("/static/app.js", "/static/*", "brightlane-app-static"),
        ("/api/v1/users", "/api/*", "app-prod-alb"),
        ("/Static/app.js", nil, "app-prod-alb"),              // case-sensitive
        ("/index.html", nil, "app-prod-alb"),
    ] as [(String, String?, String)])
    func appDistributionRoutesByPath(path: String, pattern: String?, origin: String) throws {
        let d = try distribution("distributions/app-alb-and-s3.get-distribution.json")
        let index = try #require(EdgeSimulator.behaviorIndex(for: path, in: d))
        #expect(d.behaviors[index].pathPattern == pattern)
        #expect(d.origins(for: d.behaviors[index]).first?.id == origin)
    }

    @Test func firstListedMatchWinsOverAMoreSpecificLaterOne() {
        let origin = Origin(id: "s3", domainName: "b.s3.us-east-1.amazonaws.com", kind: .s3(originAccessIdentity: nil),
                            location: .init(file: "t", line: 1, column: 1, pointer: ""))
        func behavior(_ pattern: String?) -> Behavior {
            Behavior(pathPattern: pattern, targetOriginId: "s3", cacheSettings: .missing,
                     location: .init(file: "t", line: 1, column: 1, pointer: ""))
        }
        let d = Distribution(id: "E1", domainName: nil, comment: nil, aliases: [], origins: [origin], originGroups: [],
                             behaviors: [behavior("/img/*"), behavior("/img/*.png"), behavior(nil)],
                             location: .init(file: "t", line: 1, column: 1, pointer: ""))
        #expect(EdgeSimulator.behaviorIndex(for: "/img/a.png", in: d) == 0)
        #expect(EdgeSimulator.behaviorIndex(for: "/other", in: d) == 2)
    }

    @Test func originGroupSendsToThePrimaryFirst() throws {
        let d = try distribution("distributions/origin-group-failover.get-distribution-config.json")
        let behavior = try #require(d.defaultBehavior)
        #expect(d.originGroup(id: behavior.targetOriginId) != nil)
        #expect(d.origins(for: behavior).map(\.domainName) == [
            "brightlane-assets-use1.s3.us-east-1.amazonaws.com", "brightlane-assets-usw2.s3.us-west-2.amazonaws.com"])
    }

    @Test func aTargetNamingNothingHasNoOrigins() throws {
        let d = try distribution("bad/missing-origin-target.get-distribution-config.json")
        let index = try #require(EdgeSimulator.behaviorIndex(for: "/downloads/x.zip", in: d))
        #expect(d.behaviors[index].pathPattern == "/downloads/*")
        #expect(d.origins(for: d.behaviors[index]).isEmpty)
        #expect(!d.origins(for: try #require(d.defaultBehavior)).isEmpty)
    }
}
