import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD107: the URL's path picks a behavior whose origin is not S3 (an ALB, an API), so no S3
    /// ever checks the presigned signature.
    static let behaviorTargetsNonS3Origin = Rule(RuleDescription(
        id: "CFD107", name: "behavior-targets-non-s3-origin", severity: .warning,
        summary: "The behavior a presigned URL hits routes to an origin that is not S3.",
        rationale: """
            CloudFront picks the cache behavior from the URL's path alone: "the requested path is compared with \
            path patterns in the order in which cache behaviors are listed … The first match determines which \
            cache behavior is applied", with the default behavior last. The behavior then \
            names the origin. When a presigned S3 URL's path falls through to a behavior for an ALB or another \
            custom origin, the request never reaches S3: that server does not know the X-Amz-* signature and \
            answers 404 or its own 403. Only judged with a URL, because only a URL says which path is requested.
            """,
        fix: "Add a cache behavior whose path pattern matches the presigned objects (e.g. /downloads/*) and targets the "
            + "S3 origin, above any broader pattern; or presign keys under a path an S3 behavior already serves.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern (path patterns, order, default last)",
        ],
        triggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 2, "Items": [
                  {"Id": "alb", "DomainName": "app-prod-alb-1234567890.eu-west-1.elb.amazonaws.com",
                   "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}},
                  {"Id": "s3", "DomainName": "cf-signed-urls-test.s3-eu-west-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "CacheBehaviors": {"Quantity": 1, "Items": [{"PathPattern": "/downloads/*", "TargetOriginId": "s3",
                   "ForwardedValues": {"QueryString": true}, "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}]},
                 "DefaultCacheBehavior": {"TargetOriginId": ↓"alb", "ForwardedValues": {"QueryString": true},
                   "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}}
                """, url: URLExamples.article, note: "/test.txt matches no pattern: the default behavior sends it to the ALB"),
            RuleExample(config: """
                {"Origins": {"Quantity": 2, "Items": [
                  {"Id": "alb", "DomainName": "app-prod-alb-1234567890.eu-west-1.elb.amazonaws.com",
                   "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}},
                  {"Id": "s3", "DomainName": "cf-signed-urls-test.s3-eu-west-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "CacheBehaviors": {"Quantity": 1, "Items": [{"PathPattern": "/downloads/*", "TargetOriginId": ↓"alb",
                   "ForwardedValues": {"QueryString": true}, "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "s3", "ForwardedValues": {"QueryString": true},
                   "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}}
                """, presignedPaths: ["/downloads/*"], note: "declared with --presigned-paths, routed to the ALB"),
        ],
        nonTriggering: [
            RuleExample(config: """
                {"Origins": {"Quantity": 2, "Items": [
                  {"Id": "alb", "DomainName": "app-prod-alb-1234567890.eu-west-1.elb.amazonaws.com",
                   "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}},
                  {"Id": "s3", "DomainName": "cf-signed-urls-test.s3-eu-west-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                 "CacheBehaviors": {"Quantity": 1, "Items": [{"PathPattern": "*.txt", "TargetOriginId": "s3",
                   "ForwardedValues": {"QueryString": true}, "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}]},
                 "DefaultCacheBehavior": {"TargetOriginId": "alb", "ForwardedValues": {"QueryString": true},
                   "MinTTL": 0, "DefaultTTL": 0, "MaxTTL": 0}}
                """, url: URLExamples.article, note: "*.txt sends /test.txt to S3"),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        guard let simulation = context.simulation else {
            // Declared with --presigned-paths: the pattern says which behavior serves presigned URLs.
            guard target.scope == .declared, !context.options.presignedPaths.isEmpty, let origin = target.origins.first,
                  S3Endpoint.parse(host: origin.domainName) == nil else { return [] }
            return [Violation(
                "Behavior \(target.behavior.displayName) is declared to serve presigned URLs (--presigned-paths), but routes to "
                    + "origin '\(origin.id)' at \(origin.domainName) — not S3. No S3 checks the presigned signature there.",
                at: target.behavior.location(of: .targetOriginId), origin: origin.id)]
        }
        guard let origin = simulation.origin, S3Endpoint.parse(host: origin.domainName) == nil else { return [] }
        let via = simulation.originGroup.map { " (primary of origin group '\($0.id)')" } ?? ""
        return [Violation(
            "The URL's path \(simulation.url.rawPath) matches behavior \(target.behavior.displayName), which routes to origin "
                + "'\(origin.id)'\(via) at \(origin.domainName) — not S3. No S3 checks the presigned signature; that origin "
                + "answers the request itself.",
            at: target.behavior.location(of: .targetOriginId), origin: origin.id)]
    }
}
