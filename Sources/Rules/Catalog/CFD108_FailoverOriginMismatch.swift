import CloudFrontModel
import PresignedURLs

extension Rule {
    /// CFD108: an origin group fails over to a different S3 host than the URL was signed for.
    static let failoverOriginMismatch = Rule(RuleDescription(
        id: "CFD108", name: "failover-origin-mismatch", severity: .warning,
        summary: "An origin group's members are different S3 hosts (bucket or region): signed URLs fail after failover.",
        rationale: """
            A SigV4 presigned URL signs the Host header ("The HTTP host header is required", S3 API \
            Reference) and its credential scope names one region. CloudFront sends each origin request \
            with Host = the origin's DomainName, so the URL can match only one member of the group. When CloudFront \
            fails over to the other member (another bucket, another region, or the same bucket under another host \
            form), S3 computes the signature over a host the URL was not signed for and answers \
            SignatureDoesNotMatch — or AuthorizationQueryParametersError for the wrong region — exactly when the \
            primary is already down.
            """,
        fix: "Make every member of the group the same S3 host, or accept that presigned URLs fail during failover; "
            + "to keep failover, presign for a CloudFront-verifiable scheme (CloudFront signed URLs with OAC) instead.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-SignedHeaders must include host)",
        ],
        triggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 2, "Items": [
                  {"Id": "use1", "DomainName": "assets-use1.s3.us-east-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}},
                  {"Id": "usw2", "DomainName": "assets-usw2.s3.us-west-2.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "OriginGroups": {"Quantity": 1, "Items": [↓{"Id": "assets", "FailoverCriteria": {"StatusCodes": {"Quantity": 1, "Items": [503]}},
                   "Members": {"Quantity": 2, "Items": [{"OriginId": "use1"}, {"OriginId": "usw2"}]}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "assets", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                   "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}
                """),
        ],
        nonTriggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 1, "Items": [
                  {"Id": "use1", "DomainName": "assets-use1.s3.us-east-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "use1", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                   "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac"}}
                """, note: "no origin group"),
        ]
    )) { context in
        guard let target = context.target, target.origins.count > 1,
              let group = target.distribution.originGroup(id: target.behavior.targetOriginId) else { return [] }
        let hosts = target.origins.map { $0.domainName.lowercased() }
        guard Set(hosts).count > 1, target.isS3 else { return [] }
        let members = target.origins.map { origin -> String in
            guard let endpoint = S3Endpoint.parse(host: origin.domainName) else { return "'\(origin.id)' \(origin.domainName) (not S3)" }
            return "'\(origin.id)' bucket \(endpoint.bucket ?? "?") in \(endpoint.region ?? "the global endpoint")"
        }
        return [Violation(
            "Origin group '\(group.id)' fails over between different S3 hosts (\(members.joined(separator: ", "))): a URL "
                + "presigned for one host fails with SignatureDoesNotMatch when CloudFront fails over to the other.",
            at: group.location, origin: target.origins.first?.id)]
    }
}
