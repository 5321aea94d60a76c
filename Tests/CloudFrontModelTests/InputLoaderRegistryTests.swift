import Testing
@testable import CloudFrontModel

/// Detection picks the loader from content alone, and the refusal names every registered shape.
@Suite struct InputLoaderRegistryTests {
    @Test(arguments: [
        ("distributions/article-broken.get-distribution-config.json", "aws cloudfront get-distribution-config"),
        ("distributions/s3-as-custom-origin.get-distribution.json", "aws cloudfront get-distribution"),
        ("distributions/list-distributions.json", "aws cloudfront list-distributions"),
        ("distributions/bare-distribution-config.json", "DistributionConfig"),
        ("policies/custom-cache-policy.get-cache-policy.json", "aws cloudfront get-cache-policy"),
        ("policies/custom-origin-request-policy.get-origin-request-policy.json", "aws cloudfront get-origin-request-policy"),
        ("policies/list-cache-policies.json", "aws cloudfront list-cache-policies"),
    ])
    func detectsEachShapeFromContent(file: String, shape: String) throws {
        let document = try Fixtures.document(file)
        let recognising = InputLoader.loaders.filter { $0.recognises(document.cursor) }.map { $0.shapeName }
        #expect(recognising == [shape])
        #expect(try InputLoader.load(document).shape == shape)
    }

    @Test func detectsListOriginRequestPolicies() throws {
        // The shape botocore's ListOriginRequestPolicies returns (OriginRequestPolicyList.Items[].OriginRequestPolicy).
        let json = """
            {"OriginRequestPolicyList": {"MaxItems": 100, "Quantity": 1, "Items": [{"Type": "custom",
              "OriginRequestPolicy": {"Id": "a1b2", "LastModifiedTime": "2024-01-01T00:00:00Z",
                "OriginRequestPolicyConfig": {"Name": "sig", "HeadersConfig": {"HeaderBehavior": "none"},
                  "CookiesConfig": {"CookieBehavior": "none"}, "QueryStringsConfig": {"QueryStringBehavior": "all"}}}}]}}
            """
        let input = try InputLoader.load(try Document.parse(json, file: "list.json"))
        #expect(input.shape == "aws cloudfront list-origin-request-policies")
        #expect(input.originRequestPolicies.map(\.name) == ["sig"])
        #expect(input.originRequestPolicies.first?.queryStrings == Selection("all"))
    }

    @Test func everyRegisteredShapeHasItsOwnName() {
        #expect(Set(InputLoader.shapeNames).count == InputLoader.loaders.count)
    }

    @Test func refusalListsEveryRegisteredShape() throws {
        let document = try Document.parse(#"{"Stacks": []}"#, file: "stack.json")
        do {
            _ = try InputLoader.load(document)
            Issue.record("an unknown document loaded")
        } catch {
            #expect(error.message.hasPrefix("not a CloudFront distribution or policy"))
            for name in InputLoader.shapeNames {
                #expect(error.message.contains(name), "\(name) missing from: \(error.message)")
            }
        }
    }

    @Test func fieldLocationsComeFromTheAPIMemberPath() throws {
        let input = try InputLoader.load(try Fixtures.document("distributions/article-broken.get-distribution-config.json"))
        let behavior = try #require(input.distributions.first?.defaultBehavior)
        #expect(behavior.location(of: .forwardedValuesQueryString).pointer
            == "/DistributionConfig/DefaultCacheBehavior/ForwardedValues/QueryString")
        #expect(input.distributions.first?.location(of: .origins).pointer == "/DistributionConfig/Origins")
        // A field the export leaves out falls back to the behavior itself.
        #expect(behavior.location(of: .cachePolicyId).pointer == "/DistributionConfig/DefaultCacheBehavior")
    }
}
