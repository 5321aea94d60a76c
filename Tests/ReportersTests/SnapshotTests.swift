import Checking
import Foundation
import PresignedURLs
import Presigning
import Reporters
import Rules
import Testing

/// Each reporter rendered directly from the library, compared with what `cfdoctor` printed for
/// the same input (Snapshots/, recorded by scripts/record-outputs.sh with colour off and time
/// pinned). They match the pre-refactor baseline except for the changes issue 9 asked for.
@Suite struct SnapshotTests {
    static let snapshots = Fixtures.repository.appendingPathComponent("Tests/ReportersTests/Snapshots")

    func expectSnapshot(_ name: String, _ presentation: Presentation, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for reporter in Reporters.all {
            let file = Self.snapshots.appendingPathComponent("\(name).\(reporter.name).txt")
            let expected = try String(contentsOf: file, encoding: .utf8)
            let rendered = reporter.init(style: .plain).render(presentation)
            #expect(rendered == expected, "\(name) as \(reporter.name)", sourceLocation: sourceLocation)
        }
    }

    func check(_ file: String, urls: [String] = [], errorBody: String? = nil, ignore: [String] = []) throws -> Presentation {
        let result = try Checker.check(CheckRequest(
            configurations: [try Fixtures.input("fixtures/distributions/" + file)],
            urls: try urls.map { try PresignedURL(try Fixtures.text("fixtures/urls/" + $0)) },
            errorBody: try errorBody.map { try Fixtures.input("fixtures/errors/" + $0) },
            settings: Settings(ignore: ignore.map { Suppression(rules: [RuleID(rawValue: $0)], declaredAt: "--ignore \($0)", source: .commandLine) }),
            now: Fixtures.now, secrets: FixedSecrets([:])))
        return Presentation(redacting: result)
    }

    @Test func checkWithAURL() throws {
        try expectSnapshot("check.article-broken.get-distribution-config.s3url",
                           try check("article-broken.get-distribution-config.json", urls: ["article-s3.url"]))
    }

    @Test func checkWithAnErrorBody() throws {
        for body in ["AccessDenied.HeadersNotSigned.x-amz-acl.xml", "SignatureDoesNotMatch.sigv4-header.canonical-request.xml"] {
            try expectSnapshot("check.article-broken.get-distribution-config.s3url.err-\(body)",
                               try check("article-broken.get-distribution-config.json", urls: ["article-s3.url"], errorBody: body))
        }
    }

    @Test func checkWithSkippedBehaviors() throws {
        try expectSnapshot("check.app-alb-and-s3.get-distribution", try check("app-alb-and-s3.get-distribution.json"))
    }

    @Test func checkOfManyDistributions() throws {
        try expectSnapshot("check.list-distributions.cfurl", try check("list-distributions.json", urls: ["article-cloudfront.url"]))
    }

    @Test func checkWithAnUnusedIgnore() throws {
        try expectSnapshot("check.ignore", try check("article-broken.get-distribution-config.json", ignore: ["CFD501"]))
    }

    /// The text snapshot was printed by the `presign` branch's binary before its report moved into
    /// the reporters; the JSON one is the shared findings shape with presign's fields.
    @Test func presignThroughADistributionWithOriginPath() throws {
        let result = try PresignPlanner.presign(PresignJob(
            target: .distribution(try Fixtures.input("fixtures/distributions/origin-path.get-distribution-config.json"),
                                  viewerPath: "/reports/q1.csv", region: nil, cdnHost: "d111111abcdef8.cloudfront.net"),
            roundingWindow: 1800, maxExposure: 3600, now: Timestamp.parse("2018-09-30T14:58:20Z")!,
            secrets: FixedSecrets(["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
                                   "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"])))
        try expectSnapshot("presign.origin-path", Presentation(redacting: result))
    }

    func url(_ file: String, now: Timestamp = Fixtures.now, redact: Bool, as reporter: any Reporter.Type) throws -> String {
        let result = URLChecker.check(try PresignedURL(try Fixtures.text("fixtures/urls/" + file)), now: now,
                                                      secrets: FixedSecrets([:]))
        let presentation = Presentation(redacting: result, showingURLAsGiven: !redact && reporter.echoesURLAsGiven)
        return reporter.init(style: .plain).render(presentation)
    }

    func snapshot(_ name: String) throws -> String {
        try String(contentsOf: Self.snapshots.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    @Test func urlReports() throws {
        for reporter in Reporters.all {
            #expect(try url("article-s3.url", redact: false, as: reporter) == snapshot("url.article-s3.url.\(reporter.name)"))
            #expect(try url("article-s3.url", redact: true, as: reporter) == snapshot("url.article-s3.url.redact.\(reporter.name)"))
            #expect(try url("article-cloudfront.url", now: Timestamp.parse("2026-01-01T00:00:00Z")!, redact: false, as: reporter)
                == snapshot("url.article-cloudfront.url.later.\(reporter.name)"))
        }
    }

    @Test func errorReports() throws {
        for body in ["AccessDenied.HeadersNotSigned.x-amz-acl.xml", "CloudFront.403-request-blocked.html",
                     "SignatureDoesNotMatch.sigv4-header.canonical-request.xml"] {
            let parsed = try InputDocuments.errorBody(try Fixtures.input("fixtures/errors/" + body))
            try expectSnapshot("error.\(body)", Presentation(redacting: ErrorExplanation(body: parsed)))
        }
    }

    @Test func rulesReports() throws {
        try expectSnapshot("rules", Presentation(rules: .catalog(Catalog.all.map(\.description))))
        try expectSnapshot("rules.CFD101", Presentation(rules: .rule(try #require(Catalog.rule("CFD101")).description)))
    }
}
