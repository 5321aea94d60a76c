import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD302: an allow/deny list forwards some query strings but not every signed one.
    static let signatureParamsNotForwarded = Rule(RuleDescription(
        id: "CFD302", name: "signature-params-not-forwarded", severity: .error,
        summary: "A query-string allow/deny list drops one of the presigned URL's X-Amz-* parameters.",
        rationale: """
            S3 rebuilds the canonical query string from the parameters it receives; every parameter the signer \
            saw is part of the signature. What reaches S3 is the cache key's query strings ("The headers, cookies, \
            and query strings that are included in the cache key are also included in requests that CloudFront \
            sends to the origin", CachePolicy) plus what the origin request policy adds. A whitelist of w/h/fmt, or \
            one that lists the six SigV4 names but not X-Amz-Security-Token (present in every URL signed with \
            temporary credentials: Lambda, ECS, SSO), drops a parameter: S3 answers 403 — \
            AuthorizationQueryParametersError or AccessDenied when a required X-Amz-* is missing, \
            SignatureDoesNotMatch when another signed parameter is gone. Without a URL cfdoctor checks the six \
            required names plus X-Amz-Security-Token; with a URL, the parameters it actually carries.
            """,
        fix: "Forward every query string to S3: QueryStringBehavior all in the origin request policy (e.g. managed "
            + "AllViewerExceptHostHeader) or in the cache policy; if you must use an allow-list, include X-Amz-Algorithm, "
            + "X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Signature and X-Amz-Security-Token.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicy.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-request-understand-origin-request-policy.html",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("media.s3.us-east-1.amazonaws.com",
                behavior: #""CachePolicyId": ↓"08627262-05a9-4f76-9ded-b50ca2e3a84f""#), note: "Elemental-MediaPackage keys on (and forwards) only aws.manifestfilter, start, end, m"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("media.s3.us-east-1.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), note: "CachingDisabled + AllViewerExceptHostHeader forwards every query string"),
            RuleExample(config: .oneOrigin("media.s3.us-east-1.amazonaws.com",
                behavior: #""CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6""#), note: "no query string at all is CFD301, not this rule"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding, forwarding.isResolved,
              target.isS3, !forwarding.forwardsNoQueryString else { return [] }
        let dropped: [String]
        let what: String
        if let simulation = context.simulation {
            // response-content-* dropped by a managed AllViewer* policy is CFD306's finding.
            dropped = simulation.query.filter { decision in
                decision.forwarded == false && !(forwarding.dropsResponseOverridesForS3
                    && ManagedPolicies.responseOverridesDroppedForS3.contains(decision.name)
                    && forwarding.originRequestQuery.includes(decision.name))
            }.map(\.name)
            what = "the URL's"
        } else {
            dropped = forwarding.droppedQuery(Forwarding.signatureParameters, toS3Origin: true) ?? []
            what = "the presigned-URL"
        }
        guard !dropped.isEmpty else { return [] }
        return [Violation(
            "Behavior \(target.behavior.displayName): \(forwarding.settingsDescription) forwards the query strings in the cache "
                + "key (\(Forwarding.describe(forwarding.cacheKeyQuery))) and those the origin request policy adds "
                + "(\(Forwarding.describe(forwarding.originRequestQuery))), so \(what) parameter(s) \(dropped.joined(separator: ", ")) never reach S3 and the "
                + "signature check fails with 403.",
            at: target.policyLocation(originRequestDecides: true, legacyField: .forwardedValuesQueryString),
            origin: target.primaryS3Origin?.id)]
    }
}
