import Foundation
import Testing

/// Custom policy files on the command line: bad ones stop with exit 2 and one clear line.
struct PolicyInputTests {
    private let distribution = CLI.fixture("distributions/custom-policies.get-distribution-config.json")

    @Test func conflictingDefinitionsOfOnePolicyIDExit2() throws {
        let result = try CLI.run(["check", distribution,
                                  "--policies", CLI.fixture("policies/custom-cache-policy.get-cache-policy.json"),
                                  "--policies", CLI.fixture("policies/conflicting-cache-policy.get-cache-policy.json")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("7c5f3a2e-9b41-4d8e-a6f0-3e2d1c9b8a74 is defined twice with different settings"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theSamePolicyExportedTwiceIsFine() throws {
        let result = try CLI.run(["check", distribution, "--signature-lifetime", "15m",
                                  "--policies", CLI.fixture("policies/custom-cache-policy.get-cache-policy.json"),
                                  "--policies", CLI.fixture("policies/list-cache-policies.json"),
                                  "--policies", CLI.fixture("policies/custom-origin-request-policy.get-origin-request-policy.json")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("CFD303") && result.stdout.contains("CFD302"))
    }

    @Test func aPolicyBehaviourOutsideTheAPIValuesExit2WithItsPosition() throws {
        let result = try CLI.run(["check", distribution, "--policies", CLI.fixture("bad/policy-bad-behavior.get-cache-policy.json")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("policy-bad-behavior.get-cache-policy.json:22:44"))
        #expect(result.stderr.contains("QueryStringBehavior must be one of"))
    }

    @Test func aDistributionPassedAsPoliciesExit2() throws {
        let result = try CLI.run(["check", distribution,
                                  "--policies", CLI.fixture("distributions/article-fixed.get-distribution-config.json")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--policies expects"))
    }

    /// An unknown policy is not guessed, and not OK either: INCOMPLETE, with a warning that
    /// `--fail-on warning` catches (issue 8 §4).
    @Test func unknownPoliciesAreIncompleteNotGuessed() throws {
        let result = try CLI.run(["check", distribution])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("INCOMPLETE: 0 error(s), 4 warning(s), 0 info"))
        #expect(result.stdout.contains("CFD307 policy-unresolved"))
        #expect(result.stdout.contains("e1d0a9b8-3c47-4f5e-8a21-6b9c0d7e4f13 is neither an AWS managed policy"))
        let strict = try CLI.run(["check", distribution, "--fail-on", "warning"])
        #expect(strict.status == 1)
    }

    @Test func missingOriginTargetIsNotedWithItsPositionAndDoesNotCrash() throws {
        let result = try CLI.run(["check", CLI.fixture("bad/missing-origin-target.get-distribution-config.json")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("targets 'S3-cf-signed-urls-downloads'"))
        #expect(result.stdout.contains("/DistributionConfig/CacheBehaviors/Items/0/TargetOriginId"))
    }
}
