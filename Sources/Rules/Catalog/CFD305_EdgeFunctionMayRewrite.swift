import CloudFrontModel

extension Rule {
    /// CFD305: request-side edge code can change what S3 receives.
    static let edgeFunctionMayRewrite = Rule(RuleDescription(
        id: "CFD305", name: "edge-function-may-rewrite", severity: .warning,
        summary: "A viewer-request or origin-request CloudFront Function or Lambda@Edge may change the path, query or headers.",
        rationale: """
            Viewer-request and origin-request functions run before CloudFront sends the request to the origin and \
            may change its URI, query string and headers. S3 computes the SigV4 canonical request over exactly what \
            it receives, without normalising the path, so a function that rewrites the path \
            (index.html, lower-casing), re-encodes the query (%2B → +), sorts or strips \
            parameters, or adds an x-amz-* header breaks the signature. cfdoctor cannot see the function's code: \
            this is a prompt to review it, not a proof.
            """,
        fix: "Make sure the function leaves the path, the query string (byte for byte) and x-amz-* headers untouched for "
            + "presigned requests — e.g. return early when the request has X-Amz-Signature — or move it to another behavior.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-choosing.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-cloudfront-trigger-events.html",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (how S3 canonicalises the path and query)",
        ],
        triggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "reports.s3.us-east-1.amazonaws.com",
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                   "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                   "FunctionAssociations": {"Quantity": 1, "Items": [↓{"FunctionARN": "arn:aws:cloudfront::123456789012:function/normalize-path",
                     "EventType": "viewer-request"}]}}}
                """),
        ],
        nonTriggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "reports.s3.us-east-1.amazonaws.com",
                  "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                   "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                   "FunctionAssociations": {"Quantity": 1, "Items": [{"FunctionARN": "arn:aws:cloudfront::123456789012:function/add-hsts",
                     "EventType": "viewer-response"}]}}}
                """, note: "a viewer-response function only changes the response"),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        return target.behavior.functions.filter(\.canRewriteRequest).map { function in
            Violation(
                "Behavior \(target.behavior.displayName) runs the \(function.eventType) \(function.runtime.rawValue) \(function.arn): "
                    + "it may change the path, query string or headers S3 receives, which the presigned signature covers.",
                at: function.location, origin: target.origins.first?.id)
        }
    }
}
