import Checking
import Presigning
import PresignedURLs
import Rules
import Testing

/// `presign` through the library: the distribution decides the host, key and TTL, and the URL
/// is checked through it with the settings' severities and suppressions, as `check` applies them.
@Suite struct PresignPlannerTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let credentials = FixedSecrets(["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": secret])
    static let now = Timestamp.parse("2018-09-30T14:58:20Z")!

    func presign(_ fixture: String, path: String = "/test.txt", window: Int64? = 1800, maxExposure: Int64? = nil,
                 settings: Settings = Settings(), secrets: FixedSecrets = credentials) throws(PresignFailure) -> PresignResult {
        let input: NamedInput
        do { input = try Fixtures.input("fixtures/distributions/" + fixture) } catch { throw .input(InputFailure("\(error)")) }
        return try PresignPlanner.presign(PresignJob(
            target: .distribution(input, viewerPath: path, region: nil, cdnHost: "d111111abcdef8.cloudfront.net"),
            roundingWindow: window, maxExposure: maxExposure, settings: settings, now: Self.now, secrets: secrets))
    }

    @Test func signsForTheOriginHostWithTheBehaviorsLongestTTL() throws {
        let result = try presign("article-fixed.get-distribution-config.json")
        // article-fixed's origin is the legacy dash host: signed for exactly that.
        #expect(result.signed.signedHost == "cf-signed-urls-test.s3-eu-west-1.amazonaws.com")
        #expect(result.signed.url.hasPrefix("https://d111111abcdef8.cloudfront.net/test.txt?"))
        #expect(result.signed.signedAt == Timestamp.parse("2018-09-30T14:30:00Z"))
        #expect(result.signed.exposure?.seconds == 4200)
        #expect(result.report.findings.isEmpty, "\(result.report.findings.map(\.rule))")
        #expect(!result.failed)
    }

    @Test func aURLThatCannotWorkThroughTheDistributionFails() throws {
        let result = try presign("article-querystring-dropped.get-distribution-config.json", window: nil)
        #expect(result.report.findings.contains { $0.rule == "CFD301" && $0.severity == .error })
        #expect(result.failed)
        guard case .presign(let view) = Presentation(redacting: result).subject else { Issue.record("not a presign view"); return }
        #expect(view.warnings.contains { $0.hasPrefix("cfdoctor check on this URL: CFD301 query-string-not-forwarded (error): ") })
    }

    @Test func severityOverridesAndSuppressionsApplyToTheSelfCheck() throws {
        // The query string is dropped: CFD301 is the cause (an error), CFD501 the cache outliving the signature.
        let settings = Settings(ignore: [Suppression(rules: ["CFD501"], declaredAt: "--ignore CFD501", source: .commandLine)],
                                severity: ["CFD301": .warning])
        let result = try presign("article-querystring-dropped.get-distribution-config.json", window: nil, settings: settings)
        #expect(result.report.findings.first { $0.rule == "CFD301" }?.severity == .warning)
        #expect(result.report.findings.first { $0.rule == "CFD501" }?.suppressed != nil)
        #expect(!result.failed)
        guard case .presign(let view) = Presentation(redacting: result).subject else { Issue.record("not a presign view"); return }
        #expect(view.warnings.contains { $0.contains("CFD301 query-string-not-forwarded (warning)") })
        #expect(!view.warnings.contains { $0.contains("CFD501") })
    }

    @Test func exposureOverTheBudgetIsAWarning() throws {
        let over = try presign("article-fixed.get-distribution-config.json", maxExposure: 3600)
        #expect(over.overBudget == true)
        guard case .presign(let view) = Presentation(redacting: over).subject else { Issue.record("not a presign view"); return }
        #expect(view.warnings.contains { $0.hasPrefix("worst-case exposure 1h10m is over") })
        #expect(view.exposure?.overBudget == true)
        #expect(try presign("article-fixed.get-distribution-config.json", maxExposure: 7200).overBudget == false)
    }

    @Test func refusalsAreTyped() throws {
        #expect { try presign("website-endpoint-origin.get-distribution-config.json") } throws: { error in
            guard case PresignFailure.unservable(_, .websiteEndpoint) = error else { return false }
            return true
        }
        #expect { try presign("article-fixed.get-distribution-config.json", path: "/") } throws: { error in
            guard case PresignFailure.pathNamesNoObject = error else { return false }
            return true
        }
    }

    @Test func credentialsComeOnlyFromTheirVariables() throws {
        let keyIdOnly = FixedSecrets(["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE"])
        #expect { try presign("article-fixed.get-distribution-config.json", secrets: keyIdOnly) }
            throws: { error in
                guard case PresignFailure.missingCredential(variable: "AWS_SECRET_ACCESS_KEY") = error else { return false }
                return true
            }
        // The secret alone is refused, and the message never shows it.
        let secretOnly = FixedSecrets(["AWS_SECRET_ACCESS_KEY": Self.secret])
        #expect { try presign("article-fixed.get-distribution-config.json", secrets: secretOnly) }
            throws: { error in
                guard case PresignFailure.missingCredential(variable: "AWS_ACCESS_KEY_ID") = error else { return false }
                return "\(error)".contains("AWS_ACCESS_KEY_ID is not set") && !"\(error)".contains(Self.secret)
            }
    }

    @Test func aDirectObjectIsNotCheckedThroughAnything() throws {
        let result = try PresignPlanner.presign(PresignJob(
            target: .object(bucket: "cf-signed-urls-test", key: "test.txt", region: "eu-west-1", addressing: .virtualHosted,
                            cdnHost: "d111111abcdef8.cloudfront.net", cacheTTL: 1800),
            roundingWindow: 1800, now: Self.now, secrets: Self.credentials))
        #expect(result.signed.exposure?.seconds == 5400)
        #expect(result.report.findings.isEmpty && result.origin == nil && !result.failed)
    }
}
