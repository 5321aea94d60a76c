import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD306: the AWS-documented exception of the managed AllViewer* policies for S3 origins.
    static let signedResponseOverrideDropped = Rule(RuleDescription(
        id: "CFD306", name: "signed-response-override-dropped", severity: .error,
        summary: "The URL signs response-content-* parameters that a managed AllViewer* origin request policy does not forward to S3.",
        rationale: """
            "When you use the AllViewer, AllViewerAndCloudFrontHeaders-2022-06, AllViewerExceptHostHeader, or \
            Elemental-MediaTailor-PersonalizedManifests managed origin request policy with an Amazon S3 origin, \
            CloudFront doesn't forward the following query string parameters to the origin: \
            response-content-type, response-content-disposition, response-content-encoding … This applies only to \
            managed origin request policies" (Use managed origin request policies). A presigned URL signs every \
            query parameter, so S3 computes the signature without the dropped ones and answers 403 \
            SignatureDoesNotMatch. Only judged with a URL: only a URL says whether these parameters are signed.
            """,
        fix: "Use a custom origin request policy with QueryStringBehavior all (it forwards these parameters \"as "
            + "configured\"), or put the query strings in the cache policy's key; or stop signing response-content-* "
            + "overrides and set Content-Type/Content-Disposition as object metadata instead.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": ↓"b689b0a8-53d0-40ab-baf2-68738e2966ac""#), url: URLExamples.article + "&response-content-disposition=attachment%3B%20filename%3Dtest.txt",
                note: "CachingDisabled + AllViewerExceptHostHeader, URL asks for a download filename"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad""#, #""OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac""#), url: URLExamples.article, note: "no response-content-* parameter"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#, #""MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0"#), url: URLExamples.article + "&response-content-disposition=attachment",
                note: "legacy QueryString true forwards every parameter"),
        ]
    )) { context in
        guard let target = context.target, let simulation = context.simulation, let forwarding = simulation.forwarding,
              forwarding.dropsResponseOverridesForS3, let origin = simulation.origin,
              S3Endpoint.parse(host: origin.domainName) != nil else { return [] }
        let dropped = simulation.query.filter {
            ManagedPolicies.responseOverridesDroppedForS3.contains($0.name) && $0.forwarded == false
        }.map(\.name)
        guard !dropped.isEmpty else { return [] }
        return [Violation(
            "The URL signs \(dropped.joined(separator: ", ")), but \(forwarding.settingsDescription) is a managed AllViewer* "
                + "policy, which does not forward response-content-* parameters to an S3 origin: S3 checks the signature "
                + "without them and answers 403 SignatureDoesNotMatch.",
            at: target.behavior.location(of: .originRequestPolicyId), origin: origin.id)]
    }
}
