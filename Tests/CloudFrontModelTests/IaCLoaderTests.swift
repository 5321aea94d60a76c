import Testing
@testable import CloudFrontModel

/// CloudFormation and Terraform inputs map to the same model as the AWS CLI exports.
struct IaCLoaderTests {
    static let template = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Media:
            Type: AWS::S3::Bucket
            Properties: {BucketName: media-eu}
          Backup:
            Type: AWS::S3::Bucket
            Properties: {BucketName: media-us}
          Identity:
            Type: AWS::CloudFront::CloudFrontOriginAccessIdentity
            Properties: {CloudFrontOriginAccessIdentityConfig: {Comment: media}}
          Signed:
            Type: AWS::CloudFront::KeyGroup
            Properties: {KeyGroupConfig: {Name: signers, Items: [K1]}}
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Aliases: [media.example.com]
                Origins:
                  - Id: primary
                    DomainName: !GetAtt Media.RegionalDomainName
                    OriginPath: /v2
                    OriginCustomHeaders:
                      - {HeaderName: X-Origin-Verify, HeaderValue: secret}
                    S3OriginConfig:
                      OriginAccessIdentity: !Sub origin-access-identity/cloudfront/${Identity}
                  - Id: backup
                    DomainName: !Sub ${Backup}.s3.us-east-1.amazonaws.com
                    S3OriginConfig: {OriginAccessIdentity: ""}
                OriginGroups:
                  Quantity: 1
                  Items:
                    - Id: failover
                      FailoverCriteria: {StatusCodes: {Quantity: 1, Items: [503]}}
                      Members: {Quantity: 2, Items: [{OriginId: primary}, {OriginId: backup}]}
                DefaultCacheBehavior:
                  TargetOriginId: failover
                  ViewerProtocolPolicy: https-only
                  CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
                  TrustedKeyGroups: [!Ref Signed]
                  FunctionAssociations:
                    - {EventType: viewer-request, FunctionARN: arn:aws:cloudfront::123456789012:function/rewrite}
        """

    @Test func cloudFormationMapsEveryPartOfTheDistribution() throws {
        let input = try InputLoader.load(try Document.parse(Self.template, file: "t.yaml"), options: LoadOptions(region: "eu-west-1"))
        #expect(input.shape == "CloudFormation template")
        let distribution = try #require(input.distributions.first)
        #expect(distribution.resource == "Cdn" && distribution.displayName == "Cdn")
        #expect(distribution.aliases == ["media.example.com"])
        let primary = try #require(distribution.origin(id: "primary"))
        #expect(primary.domainName == "media-eu.s3.eu-west-1.amazonaws.com")
        #expect(primary.originPath == "/v2")
        #expect(primary.customHeaders.map(\.name) == ["X-Origin-Verify"])
        #expect(primary.location(of: .customHeaders).line == 26, "the OriginCustomHeaders list")
        #expect(primary.kind == .s3(originAccessIdentity: "origin-access-identity/cloudfront/Identity"))
        #expect(distribution.origin(id: "backup")?.domainName == "media-us.s3.us-east-1.amazonaws.com")
        #expect(distribution.originGroups.first?.memberOriginIds == ["primary", "backup"])
        let behavior = try #require(distribution.defaultBehavior)
        #expect(behavior.trustedSigners.keyGroupsEnabled)
        #expect(behavior.functions.map(\.eventType) == ["viewer-request"])
        #expect(behavior.location(of: .cachePolicyId).pointer == "/Resources/Cdn/Properties/DistributionConfig/DefaultCacheBehavior/CachePolicyId")
    }

    @Test func cdkCustomPoliciesJoinTheCatalogUnderTheirLogicalIDs() throws {
        let input = try InputLoader.load(try Fixtures.document("iac/cloudformation/cdk-downloads-custom-policies.template.json"))
        #expect(input.shape == "CDK synth output (CloudFormation)")
        #expect(input.cachePolicies.map(\.id) == ["DownloadsCachePolicy4E2B0C55"])
        #expect(input.cachePolicies.first?.ttl == TTLs(minimum: 0, default: 3600, maximum: 86_400))
        #expect(input.originRequestPolicies.first?.queryStrings == Selection("all"))
        let behavior = try #require(input.distributions.first?.behaviors.first)
        guard case .policies(let cache, let request) = behavior.cacheSettings else {
            Issue.record("expected policies")
            return
        }
        #expect(cache == "DownloadsCachePolicy4E2B0C55" && request == "DownloadsOriginRequestPolicy9C3D7E21")
        #expect(input.distributions.first?.origins.first?.originAccessControlId == "CdnOrigin1S3OriginAccessControl6A1F2B3C")
    }

    @Test func terraformMapsBlocksToTheSameModel() throws {
        let input = try InputLoader.load(try Fixtures.document("iac/terraform/state.json"))
        #expect(input.shape == "terraform show -json (state)")
        let uploads = try #require(input.distributions.first { $0.resource == "aws_cloudfront_distribution.uploads" })
        #expect(uploads.id == "EXITT7XA2KNZ1Z" && uploads.domainName == "d3kq1zyx9abcde.cloudfront.net")
        let origin = try #require(uploads.origins.first)
        #expect(origin.domainName == "brightlane-user-uploads.s3.us-west-2.amazonaws.com")
        #expect(origin.kind == .s3(originAccessIdentity: nil))
        guard case .legacy(let forwarded, let ttl) = try #require(uploads.defaultBehavior).cacheSettings else {
            Issue.record("expected forwarded_values")
            return
        }
        #expect(!forwarded.queryString && ttl == TTLs(minimum: 0, default: 86_400, maximum: 31_536_000))
        let site = try #require(input.distributions.first { $0.resource == "aws_cloudfront_distribution.site" })
        #expect(site.origins.first?.originAccessControlId == "E2ABCDEF123456")
    }

    @Test func terraformPlanPolicyIDsUnknownUntilApplyLinkToThePlannedPolicy() throws {
        let input = try InputLoader.load(try Fixtures.document("iac/terraform/plan-modules.plan.json"))
        #expect(input.cachePolicies.map(\.id) == ["module.cdn.aws_cloudfront_cache_policy.signed"])
        guard case .policies(let cache, _) = try #require(input.distributions.first?.defaultBehavior).cacheSettings else {
            Issue.record("expected policies")
            return
        }
        #expect(cache == "module.cdn.aws_cloudfront_cache_policy.signed")
    }

    @Test(arguments: [
        ("iac/cloudformation/article-presigned.yaml", "CloudFormation template (JSON/YAML, CDK synth output)"),
        ("iac/terraform/state.json", "Terraform plan or state JSON (terraform show -json)"),
    ])
    func eachIaCShapeIsRecognisedByExactlyOneLoader(file: String, shape: String) throws {
        let document = try Fixtures.document(file)
        #expect(InputLoader.loaders.filter { $0.recognises(document.cursor) }.map { $0.shapeName } == [shape])
    }
}
