import Foundation
import Testing

/// `cfdoctor check` on CloudFormation templates and Terraform plans, as CI runs it.
struct IaCCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aTemplateWithTheArticlesBugsFailsCIWithResourceAndLocation() throws {
        let result = try CLI.run(["check", CLI.fixture("iac/cloudformation/article-presigned.yaml"), "--signature-lifetime", "15m",
                                  "--fail-on", "warning", "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]])
        let cfd101 = try #require(findings.first { $0["rule"] as? String == "CFD101" })
        #expect(cfd101["resource"] as? String == "DownloadsDistribution")
        let location = try #require(cfd101["location"] as? [String: Any])
        #expect(location["line"] as? Int == 36 && location["column"] as? Int == 25)
        #expect(location["pointer"] as? String == "/Resources/DownloadsDistribution/Properties/DistributionConfig/Origins/0/DomainName")
    }

    @Test func aPlanFindingNamesTheTerraformAddressInText() throws {
        let result = try CLI.run(["check", CLI.fixture("iac/terraform/plan-modules.plan.json"), "--signature-lifetime", "900"])
        #expect(result.status == 0, "warnings do not fail the default threshold")
        #expect(result.stdout.contains("Distribution module.cdn.aws_cloudfront_distribution.this"))
        #expect(result.stdout.contains("warning CFD101 origin-domain-missing-region"))
        #expect(result.stdout.contains("plan-modules.plan.json:1:6379 /resource_changes/2/change/after/origin/0/domain_name"))
    }

    @Test func regionIsAnOptionAndIsValidated() throws {
        let template = CLI.fixture("iac/cloudformation/s3-custom-origin.json")
        let with = try CLI.run(["check", template, "--region", "eu-west-1", "--fail-on", "warning"])
        #expect(with.status == 1, "CFD201 (capped at warning: inferred scope) once the host is known")
        #expect(with.stdout.contains("CFD201"))
        let without = try CLI.run(["check", template, "--fail-on", "warning"])
        #expect(without.status == 0)
        #expect(without.stdout.contains("pass --region"))
        let bad = try CLI.run(["check", template, "--region", "Europe"])
        #expect(bad.status == 2 && bad.stderr.contains("--region Europe: not an AWS region name"))
    }

    @Test func parameterIsKeyValue() throws {
        let template = CLI.fixture("iac/cloudformation/s3-custom-origin.json")
        let renamed = try CLI.run(["check", template, "--region", "eu-west-1", "--parameter", "Stage=staging"])
        #expect(renamed.stdout.contains("media-assets-staging.s3.eu-west-1.amazonaws.com"))
        let bad = try CLI.run(["check", template, "--parameter", "Stage"])
        #expect(bad.status == 2 && bad.stderr.contains("--parameter Stage: expected Key=Value"))
    }

    /// presign through a template: the region to sign for is the stack's, so RegionalDomainName resolves.
    @Test func presignThroughATemplateSignsForItsRegionalOrigin() throws {
        let result = try CLI.run(["presign", "--distribution", CLI.fixture("iac/cloudformation/article-fixed.json"), "--path", "/test.txt",
                                  "--region", "eu-west-1", "--cdn-domain", "d111111abcdef8.cloudfront.net", "--now", "2018-09-30T14:59:00Z"],
                                 environment: PresignCommandTests.env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("signed for   cf-signed-urls-test.s3.eu-west-1.amazonaws.com"))
        #expect(!result.stderr.contains("warning"), "the self-check agrees: \(result.stderr)")
    }

    @Test func aTemplateWithoutADistributionExitsZeroWithANote() throws {
        let result = try CLI.run(["check", CLI.fixture("iac/cloudformation/module-fragment.yaml"), "--fail-on", "info"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("no AWS::CloudFront::Distribution among the template's 1 resource(s)"))
    }

    @Test func hclSourceGetsOneLineAndExitTwo() throws {
        let result = try CLI.run(["check", CLI.fixture("iac/bad/main.tf")])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("terraform plan -out plan.out && terraform show -json plan.out > plan.json") == true)
    }

    @Test func theYAMLBombIsRefusedWithItsPlace() throws {
        let result = try CLI.run(["check", CLI.fixture("iac/bad/yaml-bomb.yaml")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("yaml-bomb.yaml:3:54: document expands to more than 500000 nodes (alias bomb?)"))
    }
}
