import Testing
@testable import IaCInputs

/// `terraform show -json` documents as the JSON output format documents them
/// (developer.hashicorp.com/terraform/internals/json-format).
struct TerraformDocumentTests {
    @Test func planReadsRootAndChildModulesWithAddresses() throws {
        let plan = try #require(TerraformDocument(root: try Fixtures.document("iac/terraform/plan-modules.plan.json").cursor))
        #expect(plan.kind == .plan)
        #expect(plan.resources.map(\.address) == [
            "aws_s3_bucket.media", "module.cdn.aws_cloudfront_cache_policy.signed", "module.cdn.aws_cloudfront_distribution.this",
        ])
        let distribution = try #require(plan.resource("module.cdn.aws_cloudfront_distribution.this"))
        #expect(distribution.moduleAddress == "module.cdn")
        #expect(distribution.configuration?["address"]?.string == "aws_cloudfront_distribution.this")
        // after_unknown marks the cache policy ID, which `after` omits.
        let behavior = try #require(distribution.values["default_cache_behavior"]?.elements.first)
        #expect(behavior["cache_policy_id"]?.unknown?.reason == "known after apply")
        #expect(distribution.values["origin"]?.elements.first?["domain_name"]?.text == "brightlane-media-prod.s3.amazonaws.com")
    }

    @Test func configurationReferencesResolveThroughModuleVariables() throws {
        let plan = try #require(TerraformDocument(root: try Fixtures.document("iac/terraform/plan-modules.plan.json").cursor))
        let distribution = try #require(plan.resource("module.cdn.aws_cloudfront_distribution.this"))
        let domain = TerraformDocument.expression(distribution.configuration, block: "origin", key: "origin_id", value: "media",
                                                  attribute: "domain_name")
        #expect(plan.reference(domain, module: "module.cdn") == .attribute(address: "aws_s3_bucket.media", attribute: "bucket_domain_name"))
        let policy = TerraformDocument.expression(distribution.configuration, block: "default_cache_behavior", key: "path_pattern",
                                                  value: nil, attribute: "cache_policy_id")
        #expect(plan.reference(policy, module: "module.cdn")
                == .attribute(address: "module.cdn.aws_cloudfront_cache_policy.signed", attribute: "id"))
    }

    @Test func olderPlansRecordOnlyTheResource() throws {
        let plan = try #require(TerraformDocument(root: try Fixtures.document("iac/terraform/plan-old-references.tf012.plan.json").cursor))
        let distribution = try #require(plan.resource("aws_cloudfront_distribution.archive"))
        let domain = TerraformDocument.expression(distribution.configuration, block: "origin", key: "origin_id", value: "archive",
                                                  attribute: "domain_name")
        #expect(plan.reference(domain, module: "") == .resource(address: "aws_s3_bucket.archive"))
        #expect(plan.providerRegion(for: distribution).region == "us-west-2")
    }

    @Test func providerRegionFromAVariable() throws {
        let plan = try #require(TerraformDocument(root: try Fixtures.document("iac/terraform/plan-unknown-domains.plan.json").cursor))
        let distribution = try #require(plan.resource("aws_cloudfront_distribution.reports"))
        #expect(plan.providerRegion(for: distribution).region == "eu-central-1")
        #expect(distribution.values["origin"]?.elements.first?["domain_name"]?.unknown != nil)
    }

    @Test func deletedResourcesAreListedNotRead() throws {
        let plan = try #require(TerraformDocument(root: try Fixtures.document("iac/terraform/plan-delete.plan.json").cursor))
        #expect(plan.deleted.map(\.address) == ["aws_cloudfront_distribution.legacy"])
        #expect(plan.resources(ofType: "aws_cloudfront_distribution").isEmpty)
    }

    @Test func stateReadsValues() throws {
        let state = try #require(TerraformDocument(root: try Fixtures.document("iac/terraform/state.json").cursor))
        #expect(state.kind == .state)
        #expect(state.resources(ofType: "aws_cloudfront_distribution").map(\.address)
                == ["aws_cloudfront_distribution.site", "aws_cloudfront_distribution.uploads"])
        let uploads = try #require(state.resource("aws_cloudfront_distribution.uploads"))
        #expect(uploads.values["tags"]?["cfdoctor:ignore"]?.text == "CFD501")
        #expect(uploads.location.line == 1, "terraform show -json prints one line")
    }

    @Test func theRealTerraform103PlanIsRecognisedAndHasNoResources() throws {
        let plan = try #require(TerraformDocument(root: try Fixtures.document("iac/terraform/builtin-only.tf103.plan.json").cursor))
        #expect(plan.terraformVersion == "1.0.3")
        #expect(plan.resources.isEmpty, "data sources are not resources to check")
    }

    @Test func otherJSONIsNotAPlan() throws {
        let cli = try Fixtures.document("distributions/article-broken.get-distribution-config.json")
        #expect(TerraformDocument(root: cli.cursor) == nil)
    }

    @Test func instanceKeysAndModulesInAddresses() {
        #expect(TerraformDocument.moduleOf(#"module.cdn["eu.west"].module.inner.aws_s3_bucket.b[0]"#) == #"module.cdn["eu.west"].module.inner"#)
        #expect(TerraformDocument.stripIndex(#"module.cdn["eu"].aws_cloudfront_distribution.this[0]"#)
                == "module.cdn.aws_cloudfront_distribution.this")
    }
}
