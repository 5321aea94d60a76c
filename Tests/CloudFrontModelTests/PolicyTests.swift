import Testing
@testable import CloudFrontModel

struct PolicyTests {
    @Test func managedPoliciesAreBuiltInById() {
        let catalog = PolicyCatalog()
        #expect(catalog.cachePolicy("658327ea-f89d-4fab-a63d-7e88639e58f6")?.name == "Managed-CachingOptimized")
        #expect(catalog.cachePolicy(ManagedPolicies.cachingDisabled)?.ttl == TTLs(minimum: 0, default: 0, maximum: 0))
        #expect(catalog.originRequestPolicy("88a5eaf4-2fd4-4709-b370-b4c650ea3fcf")?.queryStrings == .nothing)
        #expect(catalog.originRequestPolicy(ManagedPolicies.allViewer)?.headers.includes("Host", caseSensitive: false) == true)
        #expect(catalog.originRequestPolicy(ManagedPolicies.allViewerExceptHostHeader)?.headers.includes("host", caseSensitive: false) == false)
    }

    @Test func readsCustomPoliciesFromCLIOutput() throws {
        let single = try InputLoader.load(try Fixtures.document("policies/custom-cache-policy.get-cache-policy.json"))
        #expect(single.cachePolicies.count == 1)
        #expect(single.cachePolicies[0].queryStrings.behavior == "all")
        let list = try InputLoader.load(try Fixtures.document("policies/list-cache-policies.json"))
        #expect(list.cachePolicies.count == 2)
        let request = try InputLoader.load(try Fixtures.document("policies/custom-origin-request-policy.get-origin-request-policy.json"))
        let policy = try #require(request.originRequestPolicies.first)
        #expect(policy.queryStrings.behavior == "whitelist")
        #expect(!policy.queryStrings.includes("X-Amz-Security-Token"))
    }
}
