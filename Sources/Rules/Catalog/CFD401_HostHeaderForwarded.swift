import CloudFrontModel
import EdgeSimulation

extension Rule {
    /// CFD401: the viewer's Host (the CloudFront domain) reaches S3 in place of the bucket host.
    static let hostHeaderForwarded = Rule(RuleDescription(
        id: "CFD401", name: "host-header-forwarded", severity: .error,
        summary: "The viewer Host header is forwarded to the S3 origin.",
        rationale: """
            A presigned URL always signs the host ("The HTTP host header is required", S3 API Reference). \
            Normally CloudFront sets Host to the origin's domain; when the viewer's Host is forwarded — legacy \
            ForwardedValues.Headers with Host or *, an origin request policy with allViewer or \
            allViewerAndWhitelistCloudFront (managed AllViewer, AllViewerAndCloudFrontHeaders-2022-06), or a Host \
            whitelist in either policy (managed UseOriginCacheControlHeaders and -QueryStrings list Host in their \
            cache key, verified in the Developer Guide; HostHeaderOnly) — S3 receives Host: the CloudFront domain \
            and computes the signature over it: SignatureDoesNotMatch with host:dxxxx.cloudfront.net in the \
            CanonicalRequest (a real, partly quoted S3 \
            response; see Sources). S3 may also fail to find the bucket for that host. AllViewerExceptHostHeader is \
            safe: "CloudFront adds a new Host header with the origin's domain name".
            """,
        fix: "Do not forward Host to S3: use origin request policy AllViewerExceptHostHeader instead of AllViewer, a cache "
            + "policy without Host (CachingDisabled / CachingOptimized, or a custom one), and remove Host or * from legacy "
            + "ForwardedValues.Headers.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html",
            "https://github.com/webiny/webiny-js/issues/2639 (S3 SignatureDoesNotMatch with host:…cloudfront.net, real, partial)",
            "https://repost.aws/knowledge-center/configure-cloudfront-to-forward-headers",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("invoices.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true"#, #""Headers": ↓{"Quantity": 1, "Items": ["Host"]}}, "MinTTL": 0, "DefaultTTL": 300, "MaxTTL": 600"#), note: "legacy header whitelist with Host"),
            RuleExample(config: .oneOrigin("invoices.s3.eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": ↓"216adef6-5c7f-47e4-b989-5492eafa07d3""#), note: "AllViewer on an S3 origin"),
            RuleExample(config: .oneOrigin("invoices.s3.eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": ↓"4cc15a8a-d715-48a4-82b8-cc0b614638fe""#), note: "UseOriginCacheControlHeaders-QueryStrings keys on Host"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("invoices.s3.eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), note: "AllViewerExceptHostHeader"),
            RuleExample(config: .oneOrigin(id: "alb", "app-prod-alb-1234567890.eu-central-1.elb.amazonaws.com", origin: .custom(protocolPolicy: "https-only"),
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "216adef6-5c7f-47e4-b989-5492eafa07d3""#), presignedPaths: ["*"], note: "AllViewer to an ALB is fine"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding, let origin = target.primaryS3Origin,
              let source = forwarding.headerSource("Host") else { return [] }
        let location: SourceLocation
        switch target.behavior.cacheSettings {
        case .legacy: location = target.behavior.location(of: .forwardedValuesHeaders)
        default: location = target.behavior.location(of: source == .cacheKey ? .cachePolicyId : .originRequestPolicyId)
        }
        return [Violation(
            "Behavior \(target.behavior.displayName): \(forwarding.settingsDescription) forwards the viewer's Host header, so S3 "
                + "receives Host: <your CloudFront domain> instead of \(origin.domainName) and checks the presigned signature "
                + "against the wrong host: 403 SignatureDoesNotMatch.",
            at: location, origin: origin.id)]
    }
}
