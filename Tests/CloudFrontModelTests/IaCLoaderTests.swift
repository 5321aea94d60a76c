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
        let file = "iac/cloudformation/cdk-downloads-custom-policies.template.json"
        #expect(input.cachePolicies.map(\.id) == ["DownloadsCachePolicy4E2B0C55 (\(file))"])
        #expect(input.cachePolicies.first?.ttl == TTLs(minimum: 0, default: 3600, maximum: 86_400))
        #expect(input.originRequestPolicies.first?.queryStrings == Selection("all"))
        let behavior = try #require(input.distributions.first?.behaviors.first)
        guard case .policies(let cache, let request) = behavior.cacheSettings else {
            Issue.record("expected policies")
            return
        }
        #expect(cache == "DownloadsCachePolicy4E2B0C55 (\(file))" && request == "DownloadsOriginRequestPolicy9C3D7E21 (\(file))")
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
        let scoped = "module.cdn.aws_cloudfront_cache_policy.signed (iac/terraform/plan-modules.plan.json)"
        #expect(input.cachePolicies.map(\.id) == [scoped])
        guard case .policies(let cache, _) = try #require(input.distributions.first?.defaultBehavior).cacheSettings else {
            Issue.record("expected policies")
            return
        }
        #expect(cache == scoped)
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

/// Terraform blocks not in the fixtures: ordered behaviors, origin groups, custom origins and
/// headers, key groups, functions, an origin request policy and its link by ID.
struct TerraformBlockTests {
    static let state = #"""
        {"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":[
         {"address":"aws_cloudfront_origin_request_policy.sig","mode":"managed","type":"aws_cloudfront_origin_request_policy","name":"sig",
          "values":{"id":"2f8e6d4c-1a3b-4c5d-9e7f-0a1b2c3d4e5f","name":"s3-sigv4","cookies_config":[{"cookie_behavior":"none","cookies":[]}],
           "headers_config":[{"header_behavior":"none","headers":[]}],
           "query_strings_config":[{"query_string_behavior":"whitelist","query_strings":[{"items":["X-Amz-Signature","X-Amz-Date"]}]}]}},
         {"address":"module.web.aws_cloudfront_distribution.this[\"eu\"]","mode":"managed","type":"aws_cloudfront_distribution","name":"this",
          "index":"eu","values":{"id":"E1ABCDEFGHIJKL","domain_name":"d1.cloudfront.net","aliases":["www.example.com"],
           "origin":[
            {"origin_id":"alb","domain_name":"app.eu-west-1.elb.amazonaws.com","origin_path":"","origin_access_control_id":"",
             "custom_header":[{"name":"X-Origin-Verify","value":"s"}],
             "custom_origin_config":[{"origin_protocol_policy":"https-only","http_port":80,"https_port":443}],"s3_origin_config":[]},
            {"origin_id":"files","domain_name":"files.s3.eu-west-1.amazonaws.com","origin_path":"/v1","origin_access_control_id":"",
             "custom_header":[],"custom_origin_config":[],"s3_origin_config":[{"origin_access_identity":"origin-access-identity/cloudfront/E2OAI"}]}],
           "origin_group":[{"origin_id":"group","failover_criteria":[{"status_codes":[503]}],"member":[{"origin_id":"files"},{"origin_id":"alb"}]}],
           "default_cache_behavior":[{"target_origin_id":"alb","cache_policy_id":"4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
             "origin_request_policy_id":"216adef6-5c7f-47e4-b989-5492eafa07d3","forwarded_values":[],"trusted_key_groups":[],"trusted_signers":[],
             "function_association":[],"lambda_function_association":[{"event_type":"origin-request","lambda_arn":"arn:aws:lambda:us-east-1:1:function:f:1","include_body":false}],
             "min_ttl":0,"default_ttl":0,"max_ttl":0}],
           "ordered_cache_behavior":[{"path_pattern":"/files/*","target_origin_id":"group","cache_policy_id":"4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
             "origin_request_policy_id":"2f8e6d4c-1a3b-4c5d-9e7f-0a1b2c3d4e5f","forwarded_values":[],"trusted_key_groups":["KG1"],"trusted_signers":[],
             "function_association":[{"event_type":"viewer-request","function_arn":"arn:aws:cloudfront::1:function/f"}],"lambda_function_association":[],
             "min_ttl":0,"default_ttl":0,"max_ttl":0}]}}]}}}
        """#

    @Test func everyBlockMapsToTheModel() throws {
        let input = try InputLoader.load(try Document.parse(Self.state, file: "state.json"))
        #expect(input.originRequestPolicies.map(\.id) == ["2f8e6d4c-1a3b-4c5d-9e7f-0a1b2c3d4e5f"])
        #expect(input.originRequestPolicies.first?.queryStrings == Selection("whitelist", ["X-Amz-Signature", "X-Amz-Date"]))
        let distribution = try #require(input.distributions.first)
        #expect(distribution.resource == #"module.web.aws_cloudfront_distribution.this["eu"]"#)
        #expect(distribution.id == "E1ABCDEFGHIJKL" && distribution.aliases == ["www.example.com"])
        let alb = try #require(distribution.origin(id: "alb"))
        #expect(alb.kind == .custom(protocolPolicy: "https-only"))
        #expect(alb.customHeaders.map(\.name) == ["X-Origin-Verify"])
        let files = try #require(distribution.origin(id: "files"))
        #expect(files.kind == .s3(originAccessIdentity: "origin-access-identity/cloudfront/E2OAI"))
        #expect(files.originPath == "/v1")
        #expect(distribution.originGroups.first?.memberOriginIds == ["files", "alb"])
        #expect(distribution.behaviors.map(\.pathPattern) == ["/files/*", nil], "ordered behaviors first, default last")
        let ordered = distribution.behaviors[0]
        #expect(ordered.trustedSigners.keyGroupsEnabled && !ordered.trustedSigners.signersEnabled)
        #expect(ordered.functions.map(\.eventType) == ["viewer-request"])
        guard case .policies(_, let request) = ordered.cacheSettings else {
            Issue.record("expected policies")
            return
        }
        #expect(request == "2f8e6d4c-1a3b-4c5d-9e7f-0a1b2c3d4e5f")
        #expect(distribution.behaviors[1].functions.map(\.runtime) == [.lambdaAtEdge])
        #expect(ordered.location(of: .trustedKeyGroups).pointer
                == "/values/root_module/resources/1/values/ordered_cache_behavior/0/trusted_key_groups")
    }

    @Test func anEmptyStateIsTerraformWithNothingToCheck() throws {
        let input = try InputLoader.load(try Document.parse(#"{"format_version":"1.0"}"#, file: "empty.json"))
        #expect(input.isInfrastructureCode && input.distributions.isEmpty)
        #expect(input.notes.first?.contains("no aws_cloudfront_distribution among the 0 resource(s)") == true)
    }

    @Test func aDistributionWhoseConditionIsFalseIsNotCreated() throws {
        let template = """
            Parameters: {Stage: {Type: String, Default: dev}, Flag: {Type: String}}
            Conditions: {IsProd: !Equals [!Ref Stage, prod], Flagged: !Equals [!Ref Flag, "on"]}
            Resources:
              ProdCdn:
                Type: AWS::CloudFront::Distribution
                Condition: IsProd
                Properties: {DistributionConfig: {Origins: [], DefaultCacheBehavior: {TargetOriginId: x}}}
              FlaggedCdn:
                Type: AWS::CloudFront::Distribution
                Condition: Flagged
                Properties: {DistributionConfig: {Origins: [], DefaultCacheBehavior: {TargetOriginId: x}}}
            """
        let input = try InputLoader.load(try Document.parse(template, file: "t.yaml"))
        #expect(input.distributions.map(\.resource) == ["FlaggedCdn"])
        #expect(input.notes.contains { $0.hasPrefix("ProdCdn: not created: its Condition IsProd is false") })
        #expect(input.notes.contains { $0.hasPrefix("FlaggedCdn: not known") && $0.contains("Condition Flagged") })
    }
}

/// A distribution whose origins are not known at all is not checked (a note), rather than read as
/// one whose behaviors target no origin.
struct UnknownOriginsTests {
    @Test func cloudFormationOriginsFromAnUndecidedCondition() throws {
        let template = """
            Parameters: {Mode: {Type: String}}
            Conditions: {Split: !Equals [!Ref Mode, split]}
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Origins: !If [Split, [{Id: a, DomainName: a.s3.amazonaws.com, S3OriginConfig: {}}], []]
                    DefaultCacheBehavior: {TargetOriginId: a, ForwardedValues: {QueryString: true}}
            """
        let input = try InputLoader.load(try Document.parse(template, file: "t.yaml"))
        #expect(input.distributions.isEmpty)
        #expect(input.notes == ["Cdn: not known from the file, so the rules that need these stay silent: Origins: condition Split "
            + "depends on values known only at deploy, at t.yaml:8:18 (the distribution is not checked)."])
    }

    @Test func terraformOriginsKnownAfterApply() throws {
        let plan = #"""
            {"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{"resources":[
             {"address":"aws_cloudfront_distribution.d","mode":"managed","type":"aws_cloudfront_distribution","name":"d","values":{"enabled":true}}]}},
             "resource_changes":[{"address":"aws_cloudfront_distribution.d","mode":"managed","type":"aws_cloudfront_distribution","name":"d",
              "change":{"actions":["create"],"before":null,"after":{"enabled":true},"after_unknown":{"origin":true,"default_cache_behavior":true}}}]}
            """#
        let input = try InputLoader.load(try Document.parse(plan, file: "plan.json"))
        #expect(input.distributions.isEmpty)
        #expect(input.notes.first?.hasPrefix("aws_cloudfront_distribution.d: its origins or default behavior are known only after apply") == true)
    }
}

/// A bucket named only at apply (a data source read later, `bucket_prefix`): the attribute the
/// configuration reads still says global or regional; the resource name stands in for the bucket.
struct TerraformStandInTests {
    static let plan = #"""
        {"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{"resources":[
         {"address":"aws_cloudfront_distribution.d","mode":"managed","type":"aws_cloudfront_distribution","name":"d","values":{"origin":[{"origin_id":"m","s3_origin_config":[{"origin_access_identity":""}]}],
          "default_cache_behavior":[{"target_origin_id":"m","cache_policy_id":"","forwarded_values":[{"query_string":true,"query_string_cache_keys":[],"headers":[]}],"min_ttl":0,"default_ttl":0,"max_ttl":0}]}}]}},
         "resource_changes":[{"address":"aws_cloudfront_distribution.d","mode":"managed","type":"aws_cloudfront_distribution","name":"d",
          "change":{"actions":["create"],"before":null,"after":{"origin":[{"origin_id":"m","s3_origin_config":[{"origin_access_identity":""}]}],
          "default_cache_behavior":[{"target_origin_id":"m","cache_policy_id":"","forwarded_values":[{"query_string":true,"query_string_cache_keys":[],"headers":[]}],"min_ttl":0,"default_ttl":0,"max_ttl":0}]},
          "after_unknown":{"origin":[{"domain_name":true}]}}}],
         "configuration":{"root_module":{"resources":[{"address":"aws_cloudfront_distribution.d","mode":"managed","type":"aws_cloudfront_distribution","name":"d","provider_config_key":"aws",
          "expressions":{"origin":[{"domain_name":{"references":["data.aws_s3_bucket.media_files.bucket_domain_name","data.aws_s3_bucket.media_files"]},"origin_id":{"constant_value":"m"}}]}}]}}}
        """#

    @Test func aDataSourceBucketDomainNameIsTheGlobalHost() throws {
        let input = try InputLoader.load(try Document.parse(Self.plan, file: "plan.json"))
        #expect(input.distributions.first?.origins.first?.domainName == "media-files.s3.amazonaws.com")
        #expect(input.notes == ["aws_cloudfront_distribution.d: the name of bucket data.aws_s3_bucket.media_files is known after "
            + "apply; 'media-files' stands in for it in origin 'm' domain_name (at plan.json:5:67), so the host's form "
            + "(global or regional) is judged, not the bucket name."])
    }
}

struct UnknownTTLTests {
    /// A TTL that the template does not decide is not replaced by the legacy default (86400 s),
    /// which would make CFD501 fire on a guess.
    @Test func anImportedTTLLeavesTheBehaviorUnjudged() throws {
        let template = """
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Origins: [{Id: s3, DomainName: media.s3.amazonaws.com, S3OriginConfig: {}}]
                    DefaultCacheBehavior:
                      TargetOriginId: s3
                      ForwardedValues: {QueryString: true}
                      DefaultTTL: !ImportValue shared-ttl
            """
        let input = try InputLoader.load(try Document.parse(template, file: "t.yaml"))
        guard case .missing = try #require(input.distributions.first?.defaultBehavior).cacheSettings else {
            Issue.record("expected the settings to stay unknown")
            return
        }
        #expect(input.notes.first?.contains("behavior default DefaultTTL: imported from another stack's export 'shared-ttl'") == true)
    }
}
