import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD402: the URL signed viewer headers besides host that CloudFront does not pass on.
    static let signedHeaderNotForwarded = Rule(RuleDescription(
        id: "CFD402", name: "signed-header-not-forwarded", severity: .error,
        summary: "X-Amz-SignedHeaders lists headers other than host that CloudFront does not forward to S3.",
        rationale: """
            S3 rebuilds the canonical headers from the names in X-Amz-SignedHeaders and the values it receives. \
            A viewer header reaches the origin only when the cache key or the origin request policy (legacy: \
            ForwardedValues.Headers) includes it ("none – No HTTP headers in viewer requests are included in \
            requests that CloudFront sends to the origin", OriginRequestPolicyHeadersConfig). A URL presigned with \
            e.g. x-amz-server-side-encryption-customer-algorithm or Range in its signed headers then reaches S3 \
            without that header and fails with 403 SignatureDoesNotMatch. Only judged with a URL.
            """,
        fix: "Forward the signed headers: add them to the origin request policy (or use AllViewerExceptHostHeader), or "
            + "presign with only host in X-Amz-SignedHeaders.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
            "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginRequestPolicyHeadersConfig.html",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true"#, #""Headers": ↓{"Quantity": 0}}, "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0"#), url: URLExamples.article.replacingOccurrences(of: "X-Amz-SignedHeaders=host", with: "X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption-customer-algorithm"),
                note: "SSE-C header signed, no header forwarded"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), url: URLExamples.article.replacingOccurrences(of: "X-Amz-SignedHeaders=host", with: "X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption-customer-algorithm"),
                note: "AllViewerExceptHostHeader forwards every viewer header but Host"),
        ]
    )) { context in
        guard let target = context.target, let forwarding = target.forwarding, forwarding.isResolved,
              let signed = context.auth.sigV4?.signedHeaders, let origin = target.primaryS3Origin else { return [] }
        let missing = signed.filter { $0.lowercased() != "host" && forwarding.forwardsHeader($0) == false }
        guard !missing.isEmpty else { return [] }
        return [Violation(
            "The URL signs the header(s) \(missing.joined(separator: ", ")), but behavior \(target.behavior.displayName) "
                + "(\(forwarding.settingsDescription)) does not forward them to S3, which then computes the signature without "
                + "them: 403 SignatureDoesNotMatch.",
            at: target.policyLocation(originRequestDecides: true, legacyField: .forwardedValuesHeaders), origin: origin.id)]
    }
}
