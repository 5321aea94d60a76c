import CloudFrontModel
import EdgeSimulation

extension Rule {
    /// CFD307: an in-scope behavior uses a cache or origin request policy cfdoctor cannot read, so
    /// the forwarding and caching rules could not decide. Not OK, not FAIL: INCOMPLETE (issue 8 §4).
    static let policyUnresolved = Rule(RuleDescription(
        id: "CFD307", name: "policy-unresolved", severity: .warning,
        summary: "A behavior in scope uses a custom cache or origin request policy that is neither AWS managed nor in the inputs: "
            + "the forwarding and caching rules could not decide.",
        rationale: """
            Whether the X-Amz-* query parameters reach S3, whether they are in the cache key and how long \
            responses are cached are set by the behavior's cache policy and origin request policy ("The cache \
            policy … determines the values that CloudFront includes in the cache key … and forwards to the \
            origin"). For a custom policy those settings are not in the distribution export, so cfdoctor does \
            not guess: CFD301, CFD302, CFD303, CFD306, CFD401, CFD402, CFD501 and CFD504 stay silent for the \
            behavior. A silent pass there would be a false OK, so the check is reported as incomplete, at \
            warning severity so that `--fail-on warning` stops a pipeline that cannot see the policy.
            """,
        fix: "Pass the policy with --policies: `aws cloudfront get-cache-policy --id ID` (or get-origin-request-policy, "
            + "list-cache-policies --type custom) output.",
        sources: [
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""CachePolicyId": ↓"7c5f3a2e-9b41-4d8e-a6f0-3e2d1c9b8a74""#), note: "a custom cache policy not given with --policies"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("reports.s3.us-east-2.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#), note: "managed CachingDisabled: known"),
        ]
    )) { context in
        guard let target = context.target, target.isS3, let forwarding = target.forwarding, !forwarding.isResolved,
              case .policies(let cachePolicy, let requestPolicy) = target.behavior.cacheSettings else { return [] }
        return forwarding.unknownPolicies.map { id in
            let field: Behavior.Field = id == cachePolicy || requestPolicy != id ? .cachePolicyId : .originRequestPolicyId
            return Violation(
                "Behavior \(target.behavior.displayName): policy \(id) is neither an AWS managed policy nor in the inputs, so "
                    + "whether the signature reaches S3, and how long responses are cached, could not be checked.",
                at: target.behavior.location(of: field), origin: target.origins.first?.id)
        }
    }
}
