import Checking
import Rules
import Testing

/// CloudFormation and Terraform inputs through the check pipeline: `--region`, notes for what is
/// unknown, inline suppressions, a template without a distribution, HCL source.
@Suite struct IaCCheckTests {
    func check(_ files: [String], region: String? = nil, settings: Settings = Settings(signatureLifetime: 900)) throws -> CheckResult {
        try Checker.check(CheckRequest(configurations: try files.map { try Fixtures.input($0) }, settings: settings,
                                       now: Fixtures.now, secrets: FixedSecrets([:]), region: region))
    }

    func check(template: String, name: String = "template.yaml") throws -> CheckResult {
        try Checker.check(CheckRequest(configurations: [NamedInput(name: name, bytes: Array(template.utf8))],
                                       settings: Settings(signatureLifetime: 900), now: Fixtures.now, secrets: FixedSecrets([:])))
    }

    /// A public website from a template or a plan is skipped like one from an AWS CLI export
    /// (issue 8 §4): the loaders carry DefaultRootObject and the error pages.
    @Test func publicWebsitesFromTemplatesAndPlansAreSkippedWithTheReason() throws {
        let template = """
            Resources:
              Site:
                Type: AWS::S3::Bucket
                Properties: {BucketName: www-example}
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultRootObject: index.html
                    CustomErrorResponses: [{ErrorCode: 404, ResponseCode: 200, ResponsePagePath: /index.html}]
                    Origins: [{Id: s3, DomainName: !GetAtt Site.DomainName, S3OriginConfig: {OriginAccessIdentity: ""}}]
                    DefaultCacheBehavior: {TargetOriginId: s3, ViewerProtocolPolicy: https-only, ForwardedValues: {QueryString: false}}
            """
        let website = try check(template: template)
        #expect(website.report.findings.isEmpty, "\(website.report.findings.map(\.rule))")
        let note = try #require(website.report.notes.first { $0.contains("as a public website") })
        #expect(note.contains("DefaultRootObject index.html") && note.contains("/index.html"))
        // Without the website signs the same bucket is in inferred scope and judged.
        let bare = try check(template: template.replacingOccurrences(of: "DefaultRootObject: index.html", with: "Comment: files")
            .replacingOccurrences(of: "CustomErrorResponses: [{ErrorCode: 404, ResponseCode: 200, ResponsePagePath: /index.html}]", with: "HttpVersion: http2"))
        #expect(bare.report.findings.map(\.rule.rawValue).contains("CFD301"))
    }

    @Test func regionTurnsRegionalDomainNamesIntoHosts() throws {
        let without = try check(["fixtures/iac/cloudformation/s3-custom-origin.json"])
        #expect(without.report.findings.isEmpty)
        #expect(without.report.notes.first?.contains("AWS::Region is the stack's region: pass --region") == true)
        let with = try check(["fixtures/iac/cloudformation/s3-custom-origin.json"], region: "eu-west-1")
        #expect(with.report.findings.map(\.rule.rawValue) == ["CFD201", "CFD502"])
        #expect(with.report.findings.first?.resource == "AssetsDistribution")
        #expect(!with.report.notes.contains { $0.contains("pass --region") })
    }

    @Test func metadataIgnoresSuppressFindingsOfTheirResourceOnly() throws {
        let template = """
            Resources:
              Media:
                Type: AWS::S3::Bucket
                Properties: {BucketName: media}
              Downloads:
                Type: AWS::CloudFront::Distribution
                Metadata:
                  cfdoctor:
                    ignore:
                      - CFD101
                      - {id: ttl-exceeds-signature-lifetime, reason: objects are immutable}
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins: [{Id: s3, DomainName: !GetAtt Media.DomainName, S3OriginConfig: {OriginAccessIdentity: ""}}]
                    DefaultCacheBehavior: {TargetOriginId: s3, ViewerProtocolPolicy: https-only, ForwardedValues: {QueryString: true}}
              Other:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins: [{Id: s3, DomainName: !GetAtt Media.DomainName, S3OriginConfig: {OriginAccessIdentity: ""}}]
                    DefaultCacheBehavior: {TargetOriginId: s3, ViewerProtocolPolicy: https-only, ForwardedValues: {QueryString: true}}
            """
        let result = try check(template: template)
        let downloads = result.report.findings.filter { $0.resource == "Downloads" }
        #expect(downloads.map(\.rule.rawValue).sorted() == ["CFD101", "CFD501"])
        #expect(downloads.allSatisfy { $0.suppressed?.source == .inline })
        let ttl = try #require(downloads.first { $0.rule == "CFD501" })
        #expect(ttl.suppressed?.reason == "objects are immutable")
        #expect(ttl.suppressed?.declaredAt == "template.yaml:11:13")
        let other = result.report.findings.filter { $0.resource == "Other" }
        #expect(other.map(\.rule.rawValue).sorted() == ["CFD101", "CFD501"])
        #expect(other.allSatisfy { $0.suppressed == nil })
    }

    /// Two stacks may each name a policy `CachePolicy`: each distribution uses its own template's.
    @Test func policiesOfTwoTemplatesDoNotCollide() throws {
        func template(ttl: Int) -> String {
            """
            Resources:
              CachePolicy:
                Type: AWS::CloudFront::CachePolicy
                Properties:
                  CachePolicyConfig:
                    Name: signed
                    MinTTL: 0
                    DefaultTTL: \(ttl)
                    MaxTTL: \(ttl)
                    ParametersInCacheKeyAndForwardedToOrigin:
                      EnableAcceptEncodingGzip: false
                      QueryStringsConfig: {QueryStringBehavior: all}
                      HeadersConfig: {HeaderBehavior: none}
                      CookiesConfig: {CookieBehavior: none}
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Origins: [{Id: s3, DomainName: media.s3.eu-west-1.amazonaws.com, S3OriginConfig: {}}]
                    DefaultCacheBehavior: {TargetOriginId: s3, CachePolicyId: !Ref CachePolicy}
            """
        }
        let result = try Checker.check(CheckRequest(
            configurations: [NamedInput(name: "short.yaml", bytes: Array(template(ttl: 600).utf8)),
                             NamedInput(name: "long.yaml", bytes: Array(template(ttl: 86400).utf8))],
            settings: Settings(signatureLifetime: 900), now: Fixtures.now, secrets: FixedSecrets([:])))
        #expect(result.report.findings.map { "\($0.rule) \($0.location?.file ?? "")" } == ["CFD501 long.yaml"])
    }

    @Test func parameterValuesDecideConditions() throws {
        let template = """
            Parameters: {LegacyHost: {Type: String, AllowedValues: ["true", "false"]}}
            Conditions: {UseLegacy: !Equals [!Ref LegacyHost, "true"]}
            Resources:
              Media: {Type: AWS::S3::Bucket, Properties: {BucketName: media}}
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Origins:
                      - Id: s3
                        DomainName: !If [UseLegacy, !GetAtt Media.DomainName, !GetAtt Media.RegionalDomainName]
                        S3OriginConfig: {}
                    DefaultCacheBehavior: {TargetOriginId: s3, ForwardedValues: {QueryString: true}, MaxTTL: 600, DefaultTTL: 600}
            """
        func run(_ parameters: [String: String]) throws -> CheckResult {
            try Checker.check(CheckRequest(configurations: [NamedInput(name: "t.yaml", bytes: Array(template.utf8))],
                                           settings: Settings(signatureLifetime: 900), now: Fixtures.now, secrets: FixedSecrets([:]),
                                           region: "eu-west-1", parameters: parameters))
        }
        let undecided = try run([:])
        #expect(undecided.report.findings.isEmpty)
        #expect(undecided.report.notes.first?.contains("condition UseLegacy depends on values known only at deploy") == true)
        #expect(try run(["LegacyHost": "true"]).report.findings.map(\.rule.rawValue) == ["CFD101"])
        #expect(try run(["LegacyHost": "false"]).report.findings.isEmpty)
    }

    @Test func aMisspeltInlineIgnoreIsAnInputError() throws {
        let template = """
            Resources:
              Cdn:
                Type: AWS::CloudFront::Distribution
                Metadata: {cfdoctor: {ignore: [CFD999]}}
                Properties:
                  DistributionConfig:
                    Origins: [{Id: s3, DomainName: b.s3.amazonaws.com, S3OriginConfig: {}}]
                    DefaultCacheBehavior: {TargetOriginId: s3, ForwardedValues: {QueryString: true}}
            """
        let error = #expect(throws: InputFailure.self) { try check(template: template) }
        #expect(error?.description.contains("template.yaml:4:36: cfdoctor ignore of Cdn: no rule CFD999") == true)
    }

    @Test func terraformTagsSuppress() throws {
        let result = try check(["fixtures/iac/terraform/state.json"])
        let ttl = try #require(result.report.findings.first { $0.rule == "CFD501" })
        #expect(ttl.suppressed?.source == .inline)
        #expect(ttl.resource == "aws_cloudfront_distribution.uploads")
        #expect(result.report.findings.first { $0.rule == "CFD301" }?.suppressed == nil)
    }

    @Test(arguments: ["fixtures/iac/cloudformation/module-fragment.yaml", "fixtures/iac/terraform/google-only.plan.json",
                      "fixtures/iac/terraform/plan-delete.plan.json"])
    func noDistributionIsANoteNotAnError(file: String) throws {
        let result = try check([file])
        #expect(result.report.findings.isEmpty && !result.failed)
        #expect(result.report.notes.count == 1)
    }

    @Test func anAWSCLIFileWithoutADistributionIsStillAnError() throws {
        #expect(throws: InputFailure.self) {
            try check(["fixtures/iac/cloudformation/module-fragment.yaml", "fixtures/policies/custom-cache-policy.get-cache-policy.json"])
        }
    }

    @Test(arguments: ["fixtures/iac/bad/main.tf", "<stdin>"])
    func terraformSourceIsRefusedWithTheCommandToRun(name: String) throws {
        let hcl = try Fixtures.input("fixtures/iac/bad/main.tf").bytes
        let error = #expect(throws: InputFailure.self) {
            try Checker.check(CheckRequest(configurations: [NamedInput(name: name, bytes: hcl)], now: Fixtures.now, secrets: FixedSecrets([:])))
        }
        #expect(error?.description == "\(name): Terraform source (HCL) is not read; check the plan instead: "
            + "terraform plan -out plan.out && terraform show -json plan.out > plan.json")
    }
}
