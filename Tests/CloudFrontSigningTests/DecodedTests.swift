import Testing
@testable import CloudFrontSigning

/// What `cfdoctor url` prints about a CloudFront signed request.
@Suite struct DecodedTests {
    private func decoded(_ name: String, now: Int64) throws -> CloudFrontDecoded {
        let vector = try #require(SigningVector.all.first { $0.name == name })
        let request = try #require(vector.request)
        let keys = try CloudFrontPublicKey.load(try Fixtures.key("list-public-keys.json"), file: "list-public-keys.json")
        return CloudFrontDecoded(try CloudFrontAnalysis.analyse(request, now: now, keys: keys), now: now)
    }

    @Test func customPolicyIsPrettyPrintedWithTimesInUTC() throws {
        let view = try decoded("custom/everything", now: 1_767_290_400 - 3600)
        #expect(view.policyType == "custom")
        #expect(view.policy == """
            {
              "Statement": [
                {
                  "Resource": "https://d111111abcdef8.cloudfront.net/private/*",
                  "Condition": {
                    "DateLessThan": {
                      "AWS:EpochTime": 1767290400
                    },
                    "IpAddress": {
                      "AWS:SourceIp": "198.51.100.0/24"
                    },
                    "DateGreaterThan": {
                      "AWS:EpochTime": 1767286740
                    }
                  }
                }
              ]
            }
            """)
        let rows = Dictionary(uniqueKeysWithValues: view.rows)
        #expect(rows["expires"] == "2026-01-01T18:00:00Z (valid for 1h more)")
        #expect(rows["not before"] == "2026-01-01T16:59:00Z")
        #expect(rows["viewer IP"] == "198.51.100.0/24")
        #expect(rows["key pair id"] == "K2TESTKEYAAAAA (key-group public key)")
        #expect(rows["signature"] == "valid (public key K2TESTKEYAAAAA)")
    }

    @Test func cannedPolicyShowsTheRebuiltStatementAndTimeSinceExpiry() throws {
        let view = try decoded("canned/plain/valid", now: 1_767_290_400 + 125)
        #expect(view.policyType == "canned")
        #expect(view.resource == "https://d111111abcdef8.cloudfront.net/image.jpg")
        #expect(Dictionary(uniqueKeysWithValues: view.rows)["expires"] == "2026-01-01T18:00:00Z (expired 2m 5s ago)")
        #expect(view.policy?.contains("\"DateLessThan\": {") == true)
    }

    @Test func accessKeyIDsAreNamedAsSuch() throws {
        let view = try decoded("canned/access-key-id-as-key-pair-id", now: 0)
        #expect(Dictionary(uniqueKeysWithValues: view.rows)["key pair id"] == "AKIAIOSFODNN7EXAMPLE (IAM access key ID (wrong))")
        #expect(view.signature.hasPrefix("not checked"))
    }
}
