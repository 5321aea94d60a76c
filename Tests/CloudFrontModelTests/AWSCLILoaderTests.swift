import Testing
@testable import CloudFrontModel

struct AWSCLILoaderTests {
    private func load(_ file: String) throws -> LoadedInput {
        try InputLoader.load(try Fixtures.document(file))
    }

    @Test func readsTheArticleExportWithPositions() throws {
        let input = try load("distributions/article-broken.get-distribution-config.json")
        #expect(input.shape == "aws cloudfront get-distribution-config")
        let distribution = try #require(input.distributions.first)
        let origin = try #require(distribution.origins.first)
        #expect(origin.domainName == "cf-signed-urls-test.s3.amazonaws.com")
        #expect(origin.kind == .s3(originAccessIdentity: nil))
        #expect(origin.originAccessControlId == nil)
        let domain = origin.location(of: .domainName)
        #expect(domain.pointer == "/DistributionConfig/Origins/Items/0/DomainName")
        #expect(domain.line > 1 && domain.column > 1)
        let behavior = try #require(distribution.defaultBehavior)
        guard case .legacy(let forwarded, let ttl) = behavior.cacheSettings else {
            Issue.record("expected legacy ForwardedValues")
            return
        }
        #expect(forwarded.queryString)
        #expect(ttl == TTLs(minimum: 0, default: 86_400, maximum: 31_536_000))
    }

    @Test func readsGetDistributionWithIdAndDomain() throws {
        let distribution = try #require(try load("distributions/s3-as-custom-origin.get-distribution.json").distributions.first)
        #expect(distribution.id?.hasPrefix("E") == true)
        #expect(distribution.domainName?.hasSuffix(".cloudfront.net") == true)
        #expect(distribution.origins.first?.isCustom == true)
    }

    @Test func readsEveryDistributionOfAList() throws {
        let input = try load("distributions/list-distributions.json")
        #expect(input.shape == "aws cloudfront list-distributions")
        #expect(input.distributions.count == 4)
        #expect(Set(input.distributions.compactMap(\.id)).count == 4)
    }

    @Test func ordersBehaviorsAsCloudFrontMatchesThemWithDefaultLast() throws {
        let distribution = try #require(try load("distributions/app-alb-and-s3.get-distribution.json").distributions.first)
        #expect(distribution.behaviors.last?.pathPattern == nil)
        #expect(distribution.behaviors.dropLast().allSatisfy { $0.pathPattern != nil })
        #expect(distribution.behaviors.count >= 4)
    }

    @Test func readsABareDistributionConfig() throws {
        let input = try load("distributions/bare-distribution-config.json")
        #expect(input.shape == "DistributionConfig")
        guard case .policies(let cache, _) = input.distributions.first?.defaultBehavior?.cacheSettings else {
            Issue.record("expected a cache policy")
            return
        }
        #expect(cache == "4cc15a8a-d715-48a4-82b8-cc0b614638fe")
    }

    @Test func utf16WithBOMAndCRLFLoadsLikeTheUTF8Original() throws {
        let original = try #require(try load("distributions/article-broken.get-distribution-config.json").distributions.first)
        let utf16 = try #require(try load("distributions/utf16-bom-crlf.get-distribution-config.json").distributions.first)
        #expect(utf16.origins.map(\.domainName) == original.origins.map(\.domainName))
        #expect(utf16.origins.first?.location(of: .domainName).line == original.origins.first?.location(of: .domainName).line)
    }

    @Test func readsSurrogatePairEscapesAndLongValues() throws {
        let distribution = try #require(try load("distributions/emoji-comment.get-distribution-config.json").distributions.first)
        #expect(distribution.comment?.contains("🚀") == true)
    }

    @Test func zeroQuantityListsWithoutItemsAreEmpty() throws {
        let distribution = try #require(try load("bad/zero-quantity.get-distribution-config.json").distributions.first)
        #expect(distribution.behaviors.count == 1)
        #expect(distribution.originGroups.isEmpty)
    }

    @Test func readsOriginAccessControlIdentityGroupsAndFunctions() throws {
        let oac = try load("distributions/static-site-oac.get-distribution-config.json").distributions[0]
        #expect(oac.origins[0].originAccessControlId != nil && oac.origins[0].cloudFrontCanRead)
        let oai = try load("distributions/oai-origin.get-distribution-config.json").distributions[0]
        #expect(oai.origins[0].originAccessIdentity?.hasPrefix("origin-access-identity/cloudfront/") == true)
        let group = try load("distributions/origin-group-failover.get-distribution-config.json").distributions[0]
        #expect(group.originGroups.first?.memberOriginIds.count == 2)
        #expect(group.origins(for: group.defaultBehavior!).count == 2)
        let edge = try load("distributions/lambda-edge.get-distribution-config.json").distributions[0]
        #expect(edge.behaviors.flatMap(\.functions).map(\.runtime).contains(.lambdaAtEdge))
    }

    @Test(arguments: ["bad/not-a-distribution.json"])
    func refusesJSONThatIsNoDistribution(file: String) throws {
        #expect(throws: InputError.self) { try load(file) }
    }

    @Test(arguments: [("bad/malformed.json", 8), ("bad/truncated.json", 36), ("bad/empty.json", nil),
                      ("bad/invalid-utf8.json", nil), ("bad/deeply-nested.json", nil)] as [(String, Int?)])
    func badFilesGiveAClearError(file: String, line: Int?) throws {
        #expect {
            _ = try load(file)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == file && (line == nil || error.line == line) && !error.message.isEmpty
        }
    }
}
