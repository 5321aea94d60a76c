import PresignedURLs
import Testing
import CloudFrontModel
@testable import Rules

/// Every realistic distribution in fixtures/ against the findings fixtures/README.md promises for it.
struct FixtureExpectationsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var expected: [String]
        var policies: [String] = []
        var urls: [String] = []
        var options = RuleOptions()
        var testDescription: String { file.split(separator: "/").last.map(String.init) ?? file }
    }

    static let fifteenMinutes = RuleOptions(signatureLifetime: 900)
    static let everything = RuleOptions(signatureLifetime: 900, presignedPaths: ["*"])

    static let cases: [Case] = [
        // The article and its fix. Inferred scope caps everything at warning.
        Case(file: "distributions/article-broken.get-distribution-config.json", expected: ["CFD101:warning", "CFD501:warning"],
             options: fifteenMinutes),
        Case(file: "distributions/article-fixed.get-distribution-config.json", expected: [], options: fifteenMinutes),
        Case(file: "distributions/article-querystring-dropped.get-distribution-config.json",
             expected: ["CFD301:warning", "CFD501:warning"], options: fifteenMinutes),
        // The managed-policy combinations of the issue.
        Case(file: "distributions/caching-optimized-s3.get-distribution-config.json",
             expected: ["CFD301:warning", "CFD501:warning"], options: fifteenMinutes),
        Case(file: "distributions/list-distributions.json",
             expected: ["CFD101:warning", "CFD301:warning", "CFD501:warning", "CFD501:warning"], options: fifteenMinutes),
        Case(file: "distributions/caching-disabled-only.get-distribution-config.json", expected: ["CFD301:warning"]),
        Case(file: "distributions/s3-as-custom-origin.get-distribution.json", expected: ["CFD201:warning"]),
        Case(file: "distributions/bare-distribution-config.json", expected: ["CFD401:warning", "CFD501:warning"],
             options: fifteenMinutes),
        Case(file: "distributions/allviewer-s3-origin.get-distribution-config.json", expected: ["CFD401:warning"]),
        Case(file: "distributions/oac-with-presigned.get-distribution-config.json", expected: [], options: fifteenMinutes),
        Case(file: "distributions/oac-with-presigned.get-distribution-config.json",
             expected: ["CFD203:error", "CFD204:warning"], options: everything),
        Case(file: "distributions/oai-origin.get-distribution-config.json",
             expected: ["CFD203:error", "CFD204:warning", "CFD501:warning"], options: everything),
        // Correct setups and other-origin behaviors stay quiet.
        Case(file: "distributions/static-site-oac.get-distribution-config.json", expected: [], options: fifteenMinutes),
        Case(file: "distributions/website-endpoint-origin.get-distribution-config.json", expected: [], options: fifteenMinutes),
        Case(file: "distributions/emoji-comment.get-distribution-config.json", expected: []),
        Case(file: "distributions/app-alb-and-s3.get-distribution.json", expected: [], options: fifteenMinutes),
        Case(file: "bad/zero-quantity.get-distribution-config.json", expected: [], options: fifteenMinutes),
        Case(file: "bad/missing-origin-target.get-distribution-config.json", expected: [], options: fifteenMinutes),
        // One rule each.
        Case(file: "distributions/host-header-forwarded.get-distribution-config.json", expected: ["CFD401:warning"],
             options: fifteenMinutes),
        Case(file: "distributions/x-amz-custom-header.get-distribution-config.json", expected: ["CFD202:warning"]),
        Case(file: "distributions/trusted-key-groups.get-distribution-config.json", expected: ["CFD304:warning"]),
        Case(file: "distributions/origin-group-failover.get-distribution-config.json", expected: ["CFD108:warning"]),
        Case(file: "distributions/lambda-edge.get-distribution-config.json", expected: ["CFD305:warning", "CFD305:warning"]),
        Case(file: "distributions/legacy-cache-keys.get-distribution-config.json",
             expected: ["CFD303:warning", "CFD501:warning"], options: fifteenMinutes),
        // Custom policies: unresolved without --policies, judged with them.
        Case(file: "distributions/custom-policies.get-distribution-config.json", expected: ["CFD307:warning", "CFD307:warning", "CFD307:warning", "CFD307:warning"], options: fifteenMinutes),
        Case(file: "distributions/custom-policies.get-distribution-config.json",
             expected: ["CFD302:warning", "CFD303:warning", "CFD501:warning"],
             policies: ["policies/list-cache-policies.json", "policies/custom-origin-request-policy.get-origin-request-policy.json"],
             options: fifteenMinutes),
    ]

    @Test(arguments: cases)
    func fixtureGivesTheDocumentedFindings(_ c: Case) throws {
        let report = try Fixtures.check(c.file, policies: c.policies, urls: c.urls, options: c.options)
        #expect(report.ids() == c.expected.sorted(), "\(report.findings.map { "\($0.rule) \($0.message)" })")
    }

    @Test func staticSiteIsCleanWithOneSkippedNote() throws {
        let report = try Fixtures.check("distributions/static-site-oac.get-distribution-config.json")
        #expect(report.findings.isEmpty)
        #expect(report.notes.count == 1 && report.notes[0].contains("1 behavior(s) skipped"))
    }

    @Test func articleFixedHasNoErrorsEvenWithTheArticleURL() throws {
        let report = try Fixtures.check("distributions/article-fixed.get-distribution-config.json", urls: [Fixtures.articleURL])
        #expect(report.count(.error) == 0 && report.count(.warning) == 0)
        // 14:58:20 is on no rounding window: the article's Solution #2 is not applied yet.
        #expect(report.findings.map(\.rule) == ["CFD503"])
    }

    @Test func appWithALBJudgesOnlyTheDownloadsBehavior() throws {
        let report = try Fixtures.check("distributions/app-alb-and-s3.get-distribution.json", options: Self.fifteenMinutes)
        #expect(Set(report.findings.compactMap(\.behavior)) == ["/downloads/*"])
        #expect(report.findings.map(\.rule) == ["CFD502"])
        #expect(report.notes.contains { $0.contains("3 behavior(s) skipped") })
    }

    @Test func aPresignedURLLandingOnTheALBIsReported() throws {
        let url = "https://app.brightlane.io/report.pdf?" + Fixtures.articleURL.split(separator: "?")[1]
        let report = try Fixtures.check("distributions/app-alb-and-s3.get-distribution.json", urls: [url])
        let finding = try #require(report.findings.first { $0.rule == "CFD107" })
        #expect(finding.behavior == "default (*)" && finding.origin == "app-prod-alb")
        #expect(!report.findings.contains { $0.rule == "CFD502" && $0.behavior == "default (*)" })
    }

    @Test func allViewerOnS3DropsTheSignedDownloadName() throws {
        let url = "https://contracts.brightlane.io/c.pdf?" + Fixtures.articleURL.split(separator: "?")[1]
            + "&response-content-disposition=attachment"
        let report = try Fixtures.check("distributions/allviewer-s3-origin.get-distribution-config.json", urls: [url])
        // The borrowed article query is scoped to eu-west-1 while this bucket is in us-west-2: CFD103 too.
        #expect(report.ids() == ["CFD103:error", "CFD306:error", "CFD401:error"])
    }

    @Test func oacSayingWhatItCannotSee() throws {
        let report = try Fixtures.check("distributions/oac-with-presigned.get-distribution-config.json", options: Self.everything)
        let finding = try #require(report.findings.first { $0.rule == "CFD203" })
        #expect(finding.message.contains("SigningBehavior is \"never\""))
        let security = try #require(report.findings.first { $0.rule == "CFD204" })
        #expect(security.message.hasPrefix("Anyone can read"))
    }

    @Test func missingOriginTargetIsANoteAndTheDefaultBehaviorIsStillJudged() throws {
        let report = try Fixtures.check("bad/missing-origin-target.get-distribution-config.json",
                                        options: RuleOptions(signatureLifetime: 300))
        let note = try #require(report.notes.first { $0.contains("S3-cf-signed-urls-downloads") })
        #expect(note.contains(":93:") && note.contains("/DistributionConfig/CacheBehaviors/Items/0/TargetOriginId"))
        // The default behavior (TTL up to 600 s) is analysed: 600 > 300.
        #expect(report.findings.map(\.rule) == ["CFD501"])
    }

    @Test func unknownPoliciesAreNotedOnceEachNeverGuessed() throws {
        let report = try Fixtures.check("distributions/custom-policies.get-distribution-config.json")
        // One CFD307 per unknown policy per behavior: default (cache + origin request), /thumbnails/* (the same).
        #expect(report.findings.map(\.rule) == ["CFD307", "CFD307", "CFD307", "CFD307"])
        #expect(report.findings.allSatisfy { $0.severity == .warning })
        #expect(Set(report.findings.map(\.message)).count == 4)
        #expect(report.verdict(failing: false).hasPrefix("INCOMPLETE"))
    }

    @Test func exposureArithmeticIsPrinted() throws {
        let report = try Fixtures.check("distributions/article-fixed.get-distribution-config.json", urls: [Fixtures.articleURL],
                                        options: RuleOptions(maxExposure: 1200))
        let finding = try #require(report.findings.first { $0.rule == "CFD504" })
        #expect(finding.severity == .error)
        #expect(!finding.message.contains("rounding window") && finding.message.contains("signature lifetime 900 s")
            && finding.message.contains("longest cache TTL 600 s")
            && finding.message.contains("= 1500 s (25m) after the signing time > --max-exposure 1200 s"))
    }

    /// The article's Solution #2: "no single URL is accessible for more than 90 minutes" — rounded to
    /// the half hour, expiry 1 h, TTL 30 min. Expiry + TTL after signing; the window adds nothing.
    @Test func theArticlesNinetyMinutesAreTheWorstCase() throws {
        let config = #"{"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "cf-signed-urls-test.s3-eu-west-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]}, "DefaultCacheBehavior": {"TargetOriginId": "s3", "ForwardedValues": {"QueryString": true}, "MinTTL": 0, "DefaultTTL": 1800, "MaxTTL": 1800}}"#
        let url = "https://cf-signed-urls-test.s3-eu-west-1.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAINGQCJMAROJWPJ3A%2F20180930%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20180930T130000Z"
            + "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b"
        let within = try Fixtures.check(text: config, urls: [url], options: RuleOptions(now: Timestamp.parse("2018-09-30T13:59:00Z"), maxExposure: 5400))
        #expect(!within.findings.contains { $0.rule == "CFD504" })
        let over = try Fixtures.check(text: config, urls: [url], options: RuleOptions(now: Timestamp.parse("2018-09-30T13:59:00Z"), maxExposure: 5399))
        let finding = try #require(over.findings.first { $0.rule == "CFD504" })
        #expect(finding.message.contains("up to 1h30m after signing"))
    }

    @Test func ciModeJudgesExposureFromTheFlagsAlone() throws {
        let quiet = try Fixtures.check("distributions/article-fixed.get-distribution-config.json",
                                       options: RuleOptions(signatureLifetime: 900))
        #expect(!quiet.findings.contains { $0.rule == "CFD504" })
        let over = try Fixtures.check("distributions/article-fixed.get-distribution-config.json",
                                      options: RuleOptions(signatureLifetime: 900, maxExposure: 1200))
        #expect(over.findings.map(\.rule) == ["CFD504"])
        // URL-only rules stay silent without a URL.
        #expect(!over.findings.contains { ["CFD107", "CFD306", "CFD402", "CFD503"].contains($0.rule) })
    }

    /// The AWS CLI documentation's example distributions are ordinary public sites: no warning.
    @Test(arguments: ["create-distribution.0.json", "create-distribution.1.json", "create-distribution.2.json",
                      "create-distribution-with-tags.0.json", "get-distribution.0.json", "get-distribution-config.0.json",
                      "list-distributions.0.json", "update-distribution.0.json", "update-distribution.1.json"])
    func theAWSCLIDocumentationsExamplesRaiseNoWarning(file: String) throws {
        let report = try Fixtures.check("awscli-examples/" + file)
        #expect(report.findings.filter { $0.severity >= .warning }.isEmpty, "\(report.findings.map { "\($0.rule) \($0.message)" })")
        #expect(report.notes.contains { $0.contains("skipped") })
    }

    @Test func aPublicSinglePageAppIsSkippedAsAWebsiteWithTheReason() throws {
        let report = try Fixtures.check("distributions/spa-public-bucket.get-distribution-config.json")
        #expect(report.findings.isEmpty)
        let note = try #require(report.notes.first { $0.contains("as a public website") })
        #expect(note.contains("DefaultRootObject index.html") && note.contains("error pages mapped to HTML (/index.html)"))
        // Declared, the same distribution is judged in full.
        let declared = try Fixtures.check("distributions/spa-public-bucket.get-distribution-config.json",
                                          options: RuleOptions(presignedPaths: ["*"]))
        #expect(declared.findings.map(\.rule).contains("CFD301"))
    }

    /// Website signs do not hide a bucket that receives query strings: it may serve presigned URLs.
    @Test func aWebsiteThatForwardsTheQueryStaysInInferredScope() throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("distributions/spa-public-bucket.get-distribution-config.json"),
                              encoding: .utf8).replacingOccurrences(of: "\"QueryString\": false", with: "\"QueryString\": true")
        let report = try Fixtures.check(text: text)
        #expect(report.findings.map(\.rule) == ["CFD101"])
        #expect(report.findings.first?.scope == .inferred)
        #expect(!report.notes.contains { $0.contains("as a public website") })
    }

    /// "S3 sees an anonymous request" is false for www.example.com: only CFD107 speaks there.
    @Test func rulesAboutS3StaySilentForACustomOrigin() throws {
        let config = #"{"Origins": {"Quantity": 1, "Items": [{"Id": "web", "DomainName": "www.example.com", "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]}, "DefaultCacheBehavior": {"TargetOriginId": "web", "ForwardedValues": {"QueryString": false}, "MinTTL": 0, "DefaultTTL": 86400, "MaxTTL": 31536000}}"#
        let url = URLExamples.article.replacingOccurrences(of: "cf-signed-urls-test.s3-eu-west-1.amazonaws.com", with: "d111111abcdef8.cloudfront.net")
        let report = try Fixtures.check(text: config, urls: [url], options: RuleOptions(signatureLifetime: 900))
        #expect(report.findings.map(\.rule) == ["CFD107"])
        let declared = try Fixtures.check(text: config, options: RuleOptions(presignedPaths: ["*"]))
        #expect(declared.findings.map(\.rule) == ["CFD107"])
    }

    @Test func aPresignedPathThatMatchesNoBehaviorIsAWarningNote() throws {
        let report = try Fixtures.check("distributions/app-alb-and-s3.get-distribution.json",
                                        options: RuleOptions(presignedPaths: ["/download/*"]))
        let note = try #require(report.notes.first { $0.contains("--presigned-paths '/download/*'") })
        #expect(note.hasPrefix("Warning:") && note.contains("matches no cache behavior"))
        let used = try Fixtures.check("distributions/app-alb-and-s3.get-distribution.json", options: RuleOptions(presignedPaths: ["/static/*"]))
        #expect(!used.notes.contains { $0.contains("matches no cache behavior") })
    }
}
