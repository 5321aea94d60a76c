import Foundation
import Testing
import CloudFrontModel
@testable import Rules

/// Every CloudFormation and Terraform fixture in fixtures/iac/ against the findings
/// fixtures/README.md promises for it, with locations and resource names.
struct IaCFixtureExpectationsTests {
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

    @Test(arguments: [
        "iac/cloudformation/article-presigned.yaml", "iac/cloudformation/article-fixed.json",
        "iac/cloudformation/static-site-oac.yaml", "iac/cloudformation/imports-and-conditions.yaml",
        "iac/cloudformation/module-fragment.yaml", "iac/cloudformation/s3-custom-origin.json",
        "iac/cloudformation/cdk-downloads-custom-policies.template.json", "iac/cloudformation/cdk-oai-exports.template.json",
        "iac/terraform/plan-modules.plan.json", "iac/terraform/plan-unknown-domains.plan.json",
        "iac/terraform/plan-old-references.tf012.plan.json", "iac/terraform/plan-delete.plan.json",
        "iac/terraform/state.json", "iac/terraform/google-only.plan.json", "iac/terraform/builtin-only.tf103.plan.json",
    ])
    func dump(_ file: String) throws {
        for region in [nil, "eu-west-1"] {
            let (report, input) = try Self.check(file, region: region)
            print("=== \(file) region=\(region ?? "-") shape=\(input.shape)")
            for d in input.distributions {
                print("  dist \(d.displayName) origins=\(d.origins.map { "\($0.id)=\($0.domainName) \($0.kind) oac=\($0.originAccessControlId ?? "-")" })")
            }
            for f in report.findings { print("  \(f.rule):\(f.severity.rawValue) \(f.location?.description ?? "-") \(f.location?.pointer ?? "") res=\(f.resource ?? "-")") }
            for n in input.notes + report.notes { print("  note: \(n)") }
            for i in input.inlineIgnores { print("  ignore: \(i)") }
        }
    }
}
