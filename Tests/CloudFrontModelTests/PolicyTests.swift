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

struct PolicyCatalogLoadingTests {
    private func cachePolicy(_ maxTTL: Int64, file: String) -> CachePolicy {
        CachePolicy(id: "p1", name: "custom", ttl: TTLs(minimum: 0, default: 60, maximum: maxTTL), queryStrings: Selection("all"),
                    headers: .nothing, cookies: .nothing, isManaged: false,
                    location: SourceLocation(file: file, line: 3, column: 20, pointer: "/CachePolicy"))
    }

    @Test func identicalDuplicatesAreAcceptedConflictingOnesAreNot() throws {
        var catalog = PolicyCatalog()
        try catalog.addLoaded(cachePolicy(900, file: "a.json"))
        try catalog.addLoaded(cachePolicy(900, file: "b.json"))
        #expect(throws: PolicyConflict.self) { try catalog.addLoaded(cachePolicy(86_400, file: "c.json")) }
    }

    @Test func aLoadedExportMayRedefineAManagedPolicy() throws {
        var catalog = PolicyCatalog()
        let managed = try #require(catalog.cachePolicy(ManagedPolicies.cachingOptimized))
        var exported = managed
        exported.location = SourceLocation(file: "list.json", line: 5, column: 1, pointer: "")
        exported.ttl = TTLs(minimum: 1, default: 3600, maximum: 86_400)
        try catalog.addLoaded(exported)
        #expect(catalog.cachePolicy(ManagedPolicies.cachingOptimized)?.ttl.maximum == 86_400)
    }

    @Test func verifiedManagedUseOriginCacheControlHeadersKeyOnHost() {
        // Developer Guide, "Use managed cache policies" (docs/aws-facts.md #15).
        let catalog = PolicyCatalog()
        for id in ["83da9c7e-98b4-4e11-a168-04f0df8e2c65", "4cc15a8a-d715-48a4-82b8-cc0b614638fe"] {
            let policy = catalog.cachePolicy(id)
            #expect(policy?.headers.includes("host", caseSensitive: false) == true)
            #expect(policy?.ttl == TTLs(minimum: 0, default: 0, maximum: 31_536_000))
        }
        #expect(catalog.cachePolicy("4cc15a8a-d715-48a4-82b8-cc0b614638fe")?.queryStrings.behavior == "all")
        #expect(catalog.cachePolicy("83da9c7e-98b4-4e11-a168-04f0df8e2c65")?.queryStrings.behavior == "none")
    }

    @Test func anUnknownBehaviourValueIsAnInputErrorNotNone() throws {
        #expect(throws: InputError.self) {
            _ = try InputLoader.load(try Fixtures.document("bad/policy-bad-behavior.get-cache-policy.json"))
        }
    }
}

struct ManagedPolicyNameTests {
    @Test func managedPoliciesResolveByAPINameAndConsoleName() {
        let catalog = PolicyCatalog()
        #expect(catalog.cachePolicy("Managed-CachingDisabled")?.id == ManagedPolicies.cachingDisabled)
        #expect(catalog.cachePolicy("CachingOptimized")?.id == ManagedPolicies.cachingOptimized)
        #expect(catalog.originRequestPolicy("AllViewerExceptHostHeader")?.id == ManagedPolicies.allViewerExceptHostHeader)
        #expect(catalog.cachePolicy("NoSuchPolicy") == nil)
    }
}
