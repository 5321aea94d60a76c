import Foundation
import Testing
import CloudFrontModel
@testable import Rules

/// Every CloudFormation and Terraform fixture in fixtures/iac/ against the findings
/// fixtures/README.md promises for it: rule, severity, line:column and resource.
struct IaCFixtureExpectationsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var region: String?
        /// "CFD101:warning 36:25 DownloadsDistribution", findings at warning or above.
        var expected: [String]
        /// Text that one of the notes must contain.
        var note: String?
        var testDescription: String { (file.split(separator: "/").last.map(String.init) ?? file) + (region.map { " --region \($0)" } ?? "") }
    }

    static func check(_ file: String, region: String? = nil, options: RuleOptions = RuleOptions(signatureLifetime: 900))
        throws -> (report: Report, input: LoadedInput) {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent(file)))
        let input = try InputLoader.load(try Document.parse(bytes: bytes, file: file), options: LoadOptions(region: region))
        var catalog = PolicyCatalog()
        for policy in input.cachePolicies { try catalog.addLoaded(policy) }
        for policy in input.originRequestPolicies { try catalog.addLoaded(policy) }
        let report = Engine(catalog: catalog).run(distributions: input.distributions, urls: [], options: options, now: Fixtures.now)
        return (report, input)
    }

    static let article = "DownloadsDistribution"
    static let cases: [Case] = [
        Case(file: "iac/cloudformation/article-presigned.yaml", expected: [
            "CFD101:warning 36:25 \(article)", "CFD301:warning 46:26 \(article)", "CFD303:warning 61:17 \(article)",
            "CFD501:warning 51:23 \(article)", "CFD501:warning 65:25 \(article)",
        ]),
        Case(file: "iac/cloudformation/article-fixed.json", expected: [], note: "names the stack's region: pass --region"),
        Case(file: "iac/cloudformation/article-fixed.json", region: "eu-west-1", expected: []),
        Case(file: "iac/cloudformation/static-site-oac.yaml", region: "us-east-1", expected: [],
             note: "AWS::AccountId is known only when the stack is deployed, at iac/cloudformation/static-site-oac.yaml:16:19"),
        Case(file: "iac/cloudformation/imports-and-conditions.yaml", region: "eu-west-1", expected: [],
             note: "(Fn::ImportValue), at iac/cloudformation/imports-and-conditions.yaml:38:25; origin 'media-legacy' DomainName: "
                + "condition LegacyHost depends on values known only at deploy, at iac/cloudformation/imports-and-conditions.yaml:42:25"),
        Case(file: "iac/cloudformation/module-fragment.yaml", expected: [], note: "no AWS::CloudFront::Distribution"),
        Case(file: "iac/cloudformation/s3-custom-origin.json", expected: [], note: "AWS::Region is the stack's region"),
        Case(file: "iac/cloudformation/s3-custom-origin.json", region: "eu-west-1", expected: ["CFD201:warning 24:37 AssetsDistribution"]),
        Case(file: "iac/cloudformation/cdk-downloads-custom-policies.template.json", expected: [],
             note: "DownloadsBucketB1F4A0B2.RegionalDomainName names the stack's region"),
        Case(file: "iac/cloudformation/cdk-downloads-custom-policies.template.json", region: "eu-west-1",
             expected: ["CFD303:warning 103:25 CdnE1A2B3C4", "CFD501:warning 103:25 CdnE1A2B3C4"]),
        Case(file: "iac/cloudformation/cdk-oai-exports.template.json",
             expected: ["CFD101:warning 133:22 CdnDistribution149FA1C2", "CFD301:warning 94:33 CdnDistribution149FA1C2"],
             note: "CdnDistribution149FA1C2: bucket ExportsBucket8F3E2D1C is named by CloudFormation at deploy; its logical ID stands in"),
        Case(file: "iac/terraform/plan-modules.plan.json", expected: [
            "CFD101:warning 1:6379 module.cdn.aws_cloudfront_distribution.this",
            "CFD501:warning 1:5641 module.cdn.aws_cloudfront_distribution.this",
        ]),
        Case(file: "iac/terraform/plan-unknown-domains.plan.json",
             expected: ["CFD101:warning 1:10059 aws_cloudfront_distribution.downloads"]),
        Case(file: "iac/terraform/plan-old-references.tf012.plan.json", expected: [],
             note: "records only that it reads aws_s3_bucket.archive, not which attribute"),
        Case(file: "iac/terraform/plan-delete.plan.json", expected: [], note: "aws_cloudfront_distribution.legacy: this plan deletes the distribution"),
        Case(file: "iac/terraform/state.json", expected: [
            "CFD301:warning 1:2920 aws_cloudfront_distribution.uploads", "CFD501:warning 1:2780 aws_cloudfront_distribution.uploads",
        ]),
        Case(file: "iac/terraform/google-only.plan.json", expected: [], note: "no aws_cloudfront_distribution among the 1 resource(s) (resource types from: google)"),
        Case(file: "iac/terraform/builtin-only.tf103.plan.json", expected: [], note: "no aws_cloudfront_distribution"),
        Case(file: "iac/bad/circular-refs.yaml", expected: [],
             note: "circular reference: PrimaryBucket → ReplicaBucket → PrimaryBucket"),
        Case(file: "iac/bad/unknown-tag.yaml", expected: [], note: "unsupported intrinsic function !Vault, at iac/bad/unknown-tag.yaml:10:25"),
    ]

    @Test(arguments: cases)
    func fixtureGivesTheDocumentedFindings(_ c: Case) throws {
        let (report, input) = try Self.check(c.file, region: c.region)
        let found = report.findings.filter { $0.severity >= .warning }
            .map { "\($0.rule):\($0.severity.rawValue) \($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.resource ?? "-")" }
        #expect(found.sorted() == c.expected.sorted(), "\(report.findings.map { "\($0.rule) \($0.message)" })")
        if let note = c.note {
            #expect((input.notes + report.notes).contains { $0.contains(note) }, "\(input.notes + report.notes)")
        }
        #expect(input.isInfrastructureCode)
    }

    @Test func findingsPointIntoTheTemplateByJSONPointer() throws {
        let (report, _) = try Self.check("iac/cloudformation/article-presigned.yaml")
        let cfd101 = try #require(report.findings.first { $0.rule == "CFD101" })
        #expect(cfd101.location?.pointer == "/Resources/DownloadsDistribution/Properties/DistributionConfig/Origins/0/DomainName")
        #expect(cfd101.message.contains("cf-signed-urls-test.s3.amazonaws.com"))
    }

    @Test func aPlanFindingPointsAtTheConfigurationThatNamesTheAttribute() throws {
        let (report, _) = try Self.check("iac/terraform/plan-unknown-domains.plan.json")
        let cfd101 = try #require(report.findings.first { $0.rule == "CFD101" })
        #expect(cfd101.location?.pointer == "/configuration/root_module/resources/0/expressions/origin/0/domain_name")
        #expect(cfd101.message.contains("brightlane-downloads.s3.amazonaws.com"))
    }

    @Test func inlineIgnoresAreReadWithResourceReasonAndPlace() throws {
        let (_, template) = try Self.check("iac/cloudformation/article-presigned.yaml")
        #expect(template.inlineIgnores == [InlineIgnore(
            rules: ["CFD503"], resource: "DownloadsDistribution",
            reason: "URLs are signed per request by the download service; cache misses are accepted",
            location: SourceLocation(file: "iac/cloudformation/article-presigned.yaml", line: 25, column: 13,
                                     pointer: "/Resources/DownloadsDistribution/Metadata/cfdoctor/ignore/0"))])
        let (_, state) = try Self.check("iac/terraform/state.json")
        #expect(state.inlineIgnores.map(\.rules) == [["CFD501"]])
        #expect(state.inlineIgnores.first?.resource == "aws_cloudfront_distribution.uploads")
    }

    @Test func thousandsOfUnrelatedResourcesGiveOneNote() throws {
        let resources = (0..<5000).map { index in
            #"{"address":"aws_s3_object.o\#(index)","mode":"managed","type":"aws_s3_object","name":"o\#(index)","#
                + #""provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,"values":{"bucket":"b","key":"k\#(index)"}}"#
        }
        let text = #"{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"resources":["#
            + resources.joined(separator: ",") + "]}}}\n"
        let input = try InputLoader.load(try Document.parse(text, file: "state.json"))
        #expect(input.distributions.isEmpty)
        #expect(input.notes == ["state.json: no aws_cloudfront_distribution among the 5000 resource(s) (resource types from: aws): nothing to check."])
    }

    @Test func aTemplateWithThousandsOfBucketsAndNoDistributionGivesOneNote() throws {
        let buckets = (0..<3000).map { "  B\($0):\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Sub 'b\($0)-${AWS::Region}'}" }
        let input = try InputLoader.load(try Document.parse("Resources:\n" + buckets.joined(separator: "\n"), file: "t.yaml"))
        #expect(input.notes == ["t.yaml: no AWS::CloudFront::Distribution among the template's 3000 resource(s): nothing to check."])
    }
}
