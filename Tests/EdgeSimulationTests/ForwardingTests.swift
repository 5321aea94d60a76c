import Testing
import CloudFrontModel
@testable import EdgeSimulation

/// What reaches S3 and what is in the cache key, for the managed combinations people actually use.
struct ForwardingTests {
    static let cachingOptimized = ManagedPolicies.cachingOptimized
    static let cachingDisabled = ManagedPolicies.cachingDisabled
    static let useOriginCacheControlQueryStrings = "4cc15a8a-d715-48a4-82b8-cc0b614638fe"
    static let corsS3 = "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf"
    static let location = SourceLocation(file: "t", line: 1, column: 1, pointer: "")

    private func forwarding(_ cache: String, _ request: String? = nil) throws -> Forwarding {
        let behavior = Behavior(pathPattern: nil, targetOriginId: "s3",
                                cacheSettings: .policies(cachePolicyId: cache, originRequestPolicyId: request), location: Self.location)
        return try #require(Forwarding.resolve(behavior, catalog: PolicyCatalog()))
    }

    private func legacy(_ values: ForwardedValues, ttl: TTLs = TTLs()) throws -> Forwarding {
        let behavior = Behavior(pathPattern: nil, targetOriginId: "s3", cacheSettings: .legacy(values, ttl: ttl), location: Self.location)
        return try #require(Forwarding.resolve(behavior, catalog: PolicyCatalog()))
    }

    @Test func cachingOptimizedAloneForwardsNoQueryAndCachesADay() throws {
        let f = try forwarding(Self.cachingOptimized)
        #expect(f.forwardsNoQueryString)
        #expect(f.forwardsQuery("X-Amz-Signature", toS3Origin: true) == false)
        #expect(f.cachesResponses && f.ttl == TTLs(minimum: 1, default: 86_400, maximum: 31_536_000))
    }

    @Test func cachingOptimizedWithCORSS3OriginStillForwardsNoQuery() throws {
        let f = try forwarding(Self.cachingOptimized, Self.corsS3)
        #expect(f.forwardsNoQueryString)
        #expect(f.forwardsHeader("Origin") == true && f.forwardsHeader("Host") == false)
    }

    @Test func cachingDisabledAloneForwardsNoQueryString() throws {
        let f = try forwarding(Self.cachingDisabled)
        #expect(f.forwardsNoQueryString && !f.cachesResponses)
        #expect(f.droppedQuery(Forwarding.signatureParameters, toS3Origin: true) == Forwarding.signatureParameters)
    }

    @Test func cachingDisabledWithAllViewerExceptHostHeaderForwardsEverythingButHost() throws {
        let f = try forwarding(Self.cachingDisabled, ManagedPolicies.allViewerExceptHostHeader)
        #expect(f.droppedQuery(Forwarding.signatureParameters, toS3Origin: true) == [])
        // Forwarded but not in the key: the origin request policy adds, it never keys.
        #expect(f.queryInCacheKey("X-Amz-Signature") == false)
        #expect(f.forwardsHeader("host") == false && f.forwardsHeader("Range") == true)
        // The documented S3 exception for managed AllViewer* policies.
        #expect(f.forwardsQuery("response-content-disposition", toS3Origin: true) == false)
        #expect(f.forwardsQuery("response-content-disposition", toS3Origin: false) == true)
    }

    @Test func useOriginCacheControlHeadersQueryStringsKeysOnHostAndEveryQueryString() throws {
        let f = try forwarding(Self.useOriginCacheControlQueryStrings)
        #expect(f.queryInCacheKey("X-Amz-Signature") == true)
        #expect(f.headerSource("Host") == .cacheKey)
        #expect(f.ttl == TTLs(minimum: 0, default: 0, maximum: 31_536_000) && f.cachesResponses)
    }

    @Test func allViewerForwardsTheViewerHost() throws {
        let f = try forwarding(Self.cachingDisabled, ManagedPolicies.allViewer)
        #expect(f.headerSource("Host") == .originRequest)
        #expect(f.forwardsQuery("response-content-type", toS3Origin: true) == false)
    }

    @Test func aCustomOriginRequestPolicyForwardsResponseOverridesAsConfigured() throws {
        var catalog = PolicyCatalog()
        catalog.add(OriginRequestPolicy(id: "custom-all", name: "all", queryStrings: Selection("all"), headers: .nothing,
                                        cookies: .nothing, isManaged: false))
        let behavior = Behavior(pathPattern: nil, targetOriginId: "s3",
                                cacheSettings: .policies(cachePolicyId: Self.cachingDisabled, originRequestPolicyId: "custom-all"),
                                location: Self.location)
        let f = try #require(Forwarding.resolve(behavior, catalog: catalog))
        #expect(f.forwardsQuery("response-content-type", toS3Origin: true) == true)
    }

    @Test func unknownPoliciesAnswerNilNotFalse() throws {
        let f = try forwarding("11111111-2222-3333-4444-555555555555")
        #expect(!f.isResolved && f.unknownPolicies == ["11111111-2222-3333-4444-555555555555"])
        #expect(f.forwardsQuery("X-Amz-Signature", toS3Origin: true) == nil)
        #expect(f.droppedQuery(["X-Amz-Date"], toS3Origin: true) == nil)
        #expect(f.forwardsHeader("Range") == nil)
    }

    @Test func legacyQueryStringTrueForwardsAllAndQueryStringCacheKeysOnlyNarrowTheKey() throws {
        let f = try legacy(ForwardedValues(queryString: true, queryStringCacheKeys: ["version"]))
        #expect(f.forwardsQuery("X-Amz-Signature", toS3Origin: true) == true)
        #expect(f.queryInCacheKey("X-Amz-Signature") == false && f.queryInCacheKey("version") == true)
        let off = try legacy(ForwardedValues(queryString: false, queryStringCacheKeys: ["version"]))
        #expect(off.forwardsNoQueryString)
    }

    @Test(arguments: [(["Host"], true), (["*"], true), (["host"], true), (["Origin"], false), ([], false)] as [([String], Bool)])
    func legacyHeaderListsForwardHostWhenTheyNameItOrStar(headers: [String], forwardsHost: Bool) throws {
        let f = try legacy(ForwardedValues(queryString: true, headers: headers))
        #expect(f.forwardsHeader("Host") == forwardsHost)
    }

    @Test func minTTLAboveZeroMeansCachingEvenWithZeroDefaultAndMax() throws {
        let f = try legacy(ForwardedValues(queryString: true), ttl: TTLs(minimum: 60, default: 0, maximum: 0))
        #expect(f.cachesResponses && f.ttl.longest == 60)
    }
}

struct ForwardingByNameTests {
    @Test func aManagedPolicyNamedByNameKeepsItsS3Exception() throws {
        let behavior = Behavior(pathPattern: nil, targetOriginId: "s3",
                                cacheSettings: .policies(cachePolicyId: "Managed-CachingDisabled",
                                                         originRequestPolicyId: "Managed-AllViewerExceptHostHeader"),
                                location: SourceLocation(file: "t", line: 1, column: 1, pointer: ""))
        let f = try #require(Forwarding.resolve(behavior, catalog: PolicyCatalog()))
        #expect(f.isResolved && !f.cachesResponses)
        #expect(f.forwardsQuery("response-content-type", toS3Origin: true) == false)
        #expect(f.forwardsQuery("X-Amz-Signature", toS3Origin: true) == true)
    }
}
