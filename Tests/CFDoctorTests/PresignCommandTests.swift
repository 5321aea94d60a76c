import Foundation
import Testing

/// `cfdoctor presign` run as a subprocess, as a backend developer or a script calls it.
struct PresignCommandTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEa+token=="
    static let env = ["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": secret]
    static let article = ["presign", "--bucket", "cf-signed-urls-test", "--key", "test.txt", "--region", "eu-west-1",
                          "--expires", "1h", "--round", "30m", "--cdn-domain", "d111111abcdef8.cloudfront.net",
                          "--cache-ttl", "30m", "--now", "2018-09-30T14:58:20Z"]
    static let fixed = CLI.fixture("distributions/article-fixed.get-distribution-config.json")

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func articleNumbers() throws {
        let result = try CLI.run(Self.article, environment: Self.env)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("https://d111111abcdef8.cloudfront.net/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&") == true)
        for expected in ["cf-signed-urls-test.s3.eu-west-1.amazonaws.com", "2018-09-30T14:30:00Z", "2018-09-30T15:30:00Z",
                         "at least 30m, at most 1h", "1h30m at worst", "2018-09-30T16:00:00Z"] {
            #expect(result.stdout.contains(expected), "missing \(expected)")
        }
        #expect(!result.stdout.contains(Self.secret) && !result.stderr.contains(Self.secret))
    }

    @Test func jsonHasTheSameFields() throws {
        let result = try CLI.run(Self.article + ["--format", "json"], environment: Self.env)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try Self.json(result.stdout)
        #expect(doc["signedAt"] as? String == "2018-09-30T14:30:00Z")
        #expect(doc["amzDate"] as? String == "20180930T143000Z")
        #expect(doc["expiresAt"] as? String == "2018-09-30T15:30:00Z")
        #expect(doc["minimumValidity"] as? Int == 1800)
        #expect(doc["maximumValidity"] as? Int == 3600)
        #expect(doc["signedHost"] as? String == "cf-signed-urls-test.s3.eu-west-1.amazonaws.com")
        let exposure = try #require(doc["exposure"] as? [String: Any])
        #expect(exposure["seconds"] as? Int == 5400)
        #expect(exposure["reachableUntil"] as? String == "2018-09-30T16:00:00Z")
        #expect((doc["url"] as? String)?.hasPrefix("https://d111111abcdef8.cloudfront.net/") == true)
        #expect((doc["s3URL"] as? String)?.hasPrefix("https://cf-signed-urls-test.s3.eu-west-1.amazonaws.com/") == true)
        #expect(doc.keys.contains("distribution") && doc["distribution"] is NSNull)
        #expect(!result.stdout.contains(Self.secret))
    }

    @Test func sessionTokenFromTheEnvironmentGoesIntoTheURL() throws {
        var env = Self.env
        env["AWS_SESSION_TOKEN"] = Self.token
        let result = try CLI.run(Self.article, environment: env)
        #expect(result.status == 0)
        #expect(result.stdout.contains("X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEa%2Btoken%3D%3D"))
    }

    @Test func withoutWindowEveryURLIsUnique() throws {
        let args = ["presign", "--bucket", "b-1", "--key", "k", "--region", "eu-west-1", "--now", "2018-09-30T14:58:20Z"]
        let result = try CLI.run(args, environment: Self.env)
        #expect(result.status == 0)
        #expect(result.stdout.contains("X-Amz-Date=20180930T145820Z"))
        #expect(result.stdout.contains("not rounded"))
        #expect(result.stdout.contains("exposure     unknown: give --cache-ttl"))
    }

    @Test func responseOverridesAreSigned() throws {
        let result = try CLI.run(["presign", "--bucket", "b-1", "--key", "r.pdf", "--region", "eu-west-1",
                                  "--response-content-disposition", "attachment; filename=\"Q1 report.pdf\"",
                                  "--response-content-type", "application/pdf", "--now", "2018-09-30T14:58:20Z"],
                                 environment: Self.env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("/r.pdf?response-content-disposition=attachment%3B%20filename%3D%22Q1%20report.pdf%22"
            + "&response-content-type=application%2Fpdf&X-Amz-Algorithm="))
    }

    @Test func hostChoices() throws {
        let base = ["presign", "--bucket", "my.dotted.bucket", "--key", "k", "--region", "us-east-1"]
        let refused = try CLI.run(base, environment: Self.env)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("contains dots") && refused.stderr.contains("path-style"))
        let path = try CLI.run(base + ["--path-style"], environment: Self.env)
        #expect(path.stdout.hasPrefix("https://s3.us-east-1.amazonaws.com/my.dotted.bucket/k?"))
        let global = try CLI.run(["presign", "--bucket", "b-1", "--key", "k", "--region", "us-east-1", "--global-endpoint"],
                                 environment: Self.env)
        #expect(global.stdout.hasPrefix("https://b-1.s3.amazonaws.com/k?"))
        let regional = try CLI.run(["presign", "--bucket", "b-1", "--key", "k", "--region", "us-east-1"], environment: Self.env)
        #expect(regional.stdout.hasPrefix("https://b-1.s3.us-east-1.amazonaws.com/k?"))
    }

    // MARK: bad input: one line, exit 2, no secret

    @Test(arguments: [
        (["--expires", "8d"], "604800"), (["--expires", "0"], "--expires"), (["--expires", "soon"], "not a duration"),
        (["--round", "2h"], "not shorter than the expiry"), (["--round", "1h"], "not shorter than the expiry"),
        (["--key", ""], "key is empty"), (["--region", "eu-wset-1"], "not a known AWS region"),
        (["--region", "Europe"], "not an AWS region name"), (["--bucket", "My_Bucket"], "not a valid bucket name"),
        (["--cdn-domain", "https://d111.cloudfront.net/"], "host name only"), (["--now", "yesterday"], "--now"),
    ])
    func badInput(change: [String], expected: String) throws {
        var args = ["presign", "--bucket", "b-1", "--key", "k", "--region", "eu-west-1"]
        for pair in stride(from: 0, to: change.count, by: 2) {
            if let index = args.firstIndex(of: change[pair]) { args[index + 1] = change[pair + 1] } else { args += [change[pair], change[pair + 1]] }
        }
        let result = try CLI.run(args, environment: Self.env)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains(Self.secret))
    }

    @Test func unknownRegionNamesTheEscapeHatch() throws {
        let args = ["presign", "--bucket", "b-1", "--key", "k", "--region", "eu-north-9"]
        let refused = try CLI.run(args, environment: Self.env)
        #expect(refused.status == 2 && refused.stderr.contains("--allow-unknown-region"))
        let allowed = try CLI.run(args + ["--allow-unknown-region"], environment: Self.env)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.hasPrefix("https://b-1.s3.eu-north-9.amazonaws.com/k?"))
    }

    @Test func missingCredentials() throws {
        let args = ["presign", "--bucket", "b-1", "--key", "k", "--region", "eu-west-1"]
        let none = try CLI.run(args)
        #expect(none.status == 2 && none.stderr.contains("AWS_ACCESS_KEY_ID is not set"))
        let noSecret = try CLI.run(args, environment: ["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE"])
        #expect(noSecret.status == 2 && noSecret.stderr.contains("AWS_SECRET_ACCESS_KEY is not set"))
        // Credentials are never arguments.
        let flag = try CLI.run(args + ["--secret-access-key", Self.secret], environment: Self.env)
        #expect(flag.status == 2)
        #expect(!flag.stderr.contains(Self.secret))
    }

    // MARK: --distribution

    @Test func distributionSignsForTheOriginHostAndItsTTL() throws {
        let result = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/test.txt", "--round", "30m",
                                  "--cdn-domain", "d111111abcdef8.cloudfront.net", "--now", "2018-09-30T14:58:20Z",
                                  "--format", "json"], environment: Self.env)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try Self.json(result.stdout)
        // article-fixed's origin is the legacy dash host: signed for exactly that.
        #expect(doc["signedHost"] as? String == "cf-signed-urls-test.s3-eu-west-1.amazonaws.com")
        let exposure = try #require(doc["exposure"] as? [String: Any])
        #expect(exposure["cacheTTL"] as? Int == 600)
        #expect(exposure["seconds"] as? Int == 4200)
        let distribution = try #require(doc["distribution"] as? [String: Any])
        #expect(distribution["behavior"] as? String == "default (*)")
        #expect(distribution["origin"] as? String == "S3-cf-signed-urls-test")
        #expect(distribution["maxTTL"] as? Int == 600 && distribution["defaultTTL"] as? Int == 300)
        #expect(doc["warnings"] as? [String] == [])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func checkFindsNoErrorAndNoCFD503OnAPresignedURL() throws {
        let signed = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/test.txt", "--round", "30m",
                                  "--cdn-domain", "d111111abcdef8.cloudfront.net", "--now", "2018-09-30T14:58:20Z",
                                  "--format", "json"], environment: Self.env)
        let url = try #require(try Self.json(signed.stdout)["url"] as? String)
        // With the secret, check also verifies the signature for what CloudFront sends to S3.
        let check = try CLI.run(["check", Self.fixed, "--url", url, "--now", "2018-09-30T14:59:00Z", "--format", "json"],
                                environment: Self.env)
        #expect(check.status == 0, "\(check.stdout)")
        let findings = try #require(try Self.json(check.stdout)["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["severity"] as? String == "error" }, "\(findings)")
        #expect(!findings.contains { $0["rule"] as? String == "CFD503" })
        #expect(!findings.contains { $0["rule"] as? String == "CFD610" })
    }

    @Test func theSameURLUnroundedTriggersCFD503() throws {
        // The control for the test above: CFD503 can fire on this distribution.
        let signed = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/test.txt",
                                  "--cdn-domain", "d111111abcdef8.cloudfront.net", "--now", "2018-09-30T14:58:20Z",
                                  "--format", "json"], environment: Self.env)
        let url = try #require(try Self.json(signed.stdout)["url"] as? String)
        let check = try CLI.run(["check", Self.fixed, "--url", url, "--now", "2018-09-30T14:59:00Z", "--format", "json"],
                                environment: Self.env)
        let findings = try #require(try Self.json(check.stdout)["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "CFD503" })
    }

    @Test func regionalURLThroughTheDashOriginIsCaught() throws {
        // Signing without --distribution for the regional host, then sending it through the
        // dash-host origin: the self-check is not there, but check finds the mismatch.
        let signed = try CLI.run(Self.article, environment: Self.env)
        let url = String(signed.stdout.prefix { $0 != "\n" })
        let check = try CLI.run(["check", Self.fixed, "--url", url, "--now", "2018-09-30T14:59:00Z", "--format", "json"],
                                environment: Self.env)
        #expect(check.status == 1)
        #expect(check.stdout.contains("CFD610") || check.stdout.contains("CFD102"))
    }

    @Test func originPathIsInTheSignatureNotTheViewerURL() throws {
        let result = try CLI.run(["presign", "--distribution", CLI.fixture("distributions/origin-path.get-distribution-config.json"),
                                  "--path", "/reports/q1 final.csv", "--cdn-domain", "d111111abcdef8.cloudfront.net",
                                  "--now", "2024-02-29T23:59:59Z", "--format", "json"], environment: Self.env)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try Self.json(result.stdout)
        #expect((doc["url"] as? String)?.hasPrefix("https://d111111abcdef8.cloudfront.net/reports/q1%20final.csv?") == true)
        #expect((doc["s3URL"] as? String)?.hasPrefix("https://tenant-exports.s3.ap-southeast-2.amazonaws.com/production/reports/q1%20final.csv?") == true)
        #expect(doc["key"] as? String == "production/reports/q1 final.csv")
    }

    @Test func maxExposureWarns() throws {
        let result = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/test.txt", "--round", "30m",
                                  "--cdn-domain", "d111111abcdef8.cloudfront.net", "--max-exposure", "1h"], environment: Self.env)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: worst-case exposure 1h10m is over --max-exposure 1h"))
        let within = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/test.txt", "--round", "30m",
                                  "--cdn-domain", "d111111abcdef8.cloudfront.net", "--max-exposure", "2h"], environment: Self.env)
        #expect(within.stderr.isEmpty, "\(within.stderr)")
    }

    @Test(arguments: [
        ("distributions/s3-as-custom-origin.get-distribution.json", "custom origin"),
        ("distributions/website-endpoint-origin.get-distribution-config.json", "website"),
    ])
    func nonS3RESTOriginsAreRefused(fixture: String, expected: String) throws {
        let result = try CLI.run(["presign", "--distribution", CLI.fixture(fixture), "--path", "/test.txt",
                                  "--cdn-domain", "d111111abcdef8.cloudfront.net"], environment: Self.env)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not an S3 REST origin") && result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func distributionConflictsAreOneLine() throws {
        let conflict = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/x", "--bucket", "b-1"], environment: Self.env)
        #expect(conflict.status == 2 && conflict.stderr.contains("--bucket cannot be used with --distribution"))
        let noPath = try CLI.run(["presign", "--distribution", Self.fixed], environment: Self.env)
        #expect(noPath.status == 2 && noPath.stderr.contains("needs --path"))
        let noDomain = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/x"], environment: Self.env)
        #expect(noDomain.status == 2 && noDomain.stderr.contains("--cdn-domain"))
        let region = try CLI.run(["presign", "--distribution", Self.fixed, "--path", "/x", "--region", "us-east-1",
                                  "--cdn-domain", "d1.cloudfront.net"], environment: Self.env)
        #expect(region.status == 2 && region.stderr.contains("contradicts"))
    }
}

/// `presign --distribution` checks its own URL through the distribution.
struct PresignSelfCheckTests {
    @Test func aURLThatCannotWorkIsPrintedButExitsOne() throws {
        let result = try CLI.run(["presign", "--distribution", CLI.fixture("distributions/article-querystring-dropped.get-distribution-config.json"),
                                  "--path", "/test.txt", "--cdn-domain", "d111111abcdef8.cloudfront.net"],
                                 environment: PresignCommandTests.env)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("https://d111111abcdef8.cloudfront.net/test.txt?"))
        #expect(result.stderr.contains("CFD301"))
        #expect(!result.stderr.contains(PresignCommandTests.secret))
    }

    @Test func jsonIsTheSharedFindingsShape() throws {
        let result = try CLI.run(["presign", "--distribution", CLI.fixture("distributions/article-querystring-dropped.get-distribution-config.json"),
                                  "--path", "/test.txt", "--cdn-domain", "d111111abcdef8.cloudfront.net", "--format", "json"],
                                 environment: PresignCommandTests.env)
        #expect(result.status == 1)
        let doc = try PresignCommandTests.json(result.stdout)
        #expect(doc["version"] as? Int == 1)
        let findings = try #require(doc["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "CFD301" && $0["severity"] as? String == "error" })
        let summary = try #require(doc["summary"] as? [String: Int])
        #expect((summary["error"] ?? 0) >= 1)
        #expect((doc["verdict"] as? String)?.hasPrefix("FAIL") == true)
        #expect((doc["url"] as? String)?.hasPrefix("https://d111111abcdef8.cloudfront.net/test.txt?") == true)
        #expect(!result.stdout.contains(PresignCommandTests.secret))
    }

    @Test func ignoreSuppressesSelfCheckFindingsAsInCheck() throws {
        let args = ["presign", "--distribution", CLI.fixture("distributions/article-querystring-dropped.get-distribution-config.json"),
                    "--path", "/test.txt", "--cdn-domain", "d111111abcdef8.cloudfront.net", "--ignore", "CFD301", "--ignore", "CFD610"]
        let result = try CLI.run(args, environment: PresignCommandTests.env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("CFD301") && !result.stderr.contains("CFD610"))
        #expect(result.stderr.contains("CFD501"))
        let unknown = try CLI.run(args + ["--ignore", "CFD999"], environment: PresignCommandTests.env)
        #expect(unknown.status == 2)
    }
}
