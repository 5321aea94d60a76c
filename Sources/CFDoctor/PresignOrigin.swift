import CloudFrontModel
import EdgeSimulation
import Presigning

/// What `presign --distribution` signs for: the behavior CloudFront picks for the viewer path,
/// its S3 origin's exact host, the key S3 receives (OriginPath included) and the behavior's TTLs.
struct PresignOrigin {
    var file: String
    var distribution: Distribution
    var behavior: Behavior
    var origin: Origin
    var catalog: PolicyCatalog
    /// The origin's DomainName, lower-cased: the Host S3 receives.
    var originHost: String
    var originPath: String
    var bucket: String
    /// The key S3 receives: OriginPath + viewer path, without the leading slash (virtual-hosted).
    var key: String
    var region: String
    var cdnHost: String
    /// nil when a policy is unknown (not in the file, not managed).
    var ttl: TTLs?
    var warnings: [String]

    static func resolve(file: String, viewerPath rawViewerPath: String, region requestedRegion: String?,
                        cdnDomain: String?) throws -> PresignOrigin {
        let input = try InputFiles.load(file)
        let name = InputFiles.displayName(file)
        guard input.distributions.count == 1, let distribution = input.distributions.first else {
            throw CommandFailure(input.distributions.isEmpty
                ? "\(name): no distribution in this file (\(input.shape))"
                : "\(name): \(input.distributions.count) distributions; export one with `aws cloudfront get-distribution-config --id …`")
        }
        let viewerPath = rawViewerPath.hasPrefix("/") ? rawViewerPath : "/" + rawViewerPath
        guard viewerPath.count > 1 else { throw CommandFailure("--path '\(rawViewerPath)' names no object") }
        let encodedViewerPath = PercentEncoding.encode(viewerPath, keepSlash: true)
        guard let index = EdgeSimulator.behaviorIndex(for: encodedViewerPath, in: distribution) else {
            throw CommandFailure("\(name): no cache behavior matches \(viewerPath) (and no default behavior)")
        }
        let behavior = distribution.behaviors[index]
        guard let origin = distribution.origins(for: behavior).first else {
            throw CommandFailure("\(name): behavior \(behavior.displayName) targets '\(behavior.targetOriginId)', which names no origin")
        }
        let host = origin.domainName.lowercased()
        let endpoint = S3Endpoint.parse(host: host)
        let refusal = "origin '\(origin.id)' (\(origin.domainName)) is not an S3 REST origin, so S3 presigned URLs cannot work through it"
        switch origin.kind {
        case .s3:
            break
        case .custom:
            if endpoint?.form == .website {
                throw CommandFailure("\(refusal): S3 website endpoints serve no authenticated requests (CFD104)")
            }
            if endpoint != nil {
                throw CommandFailure("\(refusal): it is configured as a custom origin, so CloudFront adds X-Amz-Cf-Id and S3 "
                    + "rejects the signature (CFD201); configure it with S3OriginConfig")
            }
            throw CommandFailure("\(refusal): it is a custom origin (CFD107)")
        case .vpc, .unknown:
            throw CommandFailure("\(refusal) (no S3OriginConfig)")
        }
        guard let endpoint else { throw CommandFailure("\(refusal): the host is not an S3 host name") }
        if endpoint.form == .website { throw CommandFailure("\(refusal): S3 website endpoints serve no authenticated requests (CFD104)") }

        let region: String
        if let named = endpoint.region {
            if let requestedRegion, requestedRegion != named {
                throw CommandFailure("--region \(requestedRegion) contradicts the origin host \(host), which names \(named) (CFD103)")
            }
            region = named
        } else if let requestedRegion {
            region = requestedRegion
        } else {
            throw CommandFailure("origin \(host) names no region (legacy global host): give --region, the bucket's region, "
                + "and consider the regional origin host (CFD101)")
        }

        // CloudFront requests OriginPath + viewer path from the origin.
        let s3Path = origin.originPath + viewerPath
        let bucket: String
        let key: String
        if endpoint.addressing == .virtualHosted, let hostBucket = endpoint.bucket {
            bucket = hostBucket
            key = String(s3Path.dropFirst())
        } else {
            let parts = s3Path.dropFirst().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CommandFailure("path-style origin \(host): \(s3Path) names no bucket and key")
            }
            bucket = String(parts[0])
            key = String(parts[1])
        }
        guard let cdnHost = cdnDomain ?? distribution.aliases.first ?? distribution.domainName else {
            throw CommandFailure("\(name) does not name the distribution's domain (get-distribution-config has none): give --cdn-domain")
        }

        var catalog = PolicyCatalog()
        for policy in input.cachePolicies { catalog.add(policy) }
        for policy in input.originRequestPolicies { catalog.add(policy) }
        let forwarding = Forwarding.resolve(behavior, catalog: catalog)
        var warnings = [String]()
        let ttl = forwarding?.isResolved == true ? forwarding?.ttl : nil
        if ttl == nil {
            warnings.append("behavior \(behavior.displayName): its cache policy is not in \(name) and not an AWS managed one, "
                + "so the cache TTL and the exposure are unknown (add the policy file: `aws cloudfront get-cache-policy`)")
        }
        if endpoint.form == .global {
            warnings.append("origin \(host) is the legacy global host; signed for it as CloudFront sends it, "
                + "but prefer the regional host \(bucket).s3.\(region).amazonaws.com (CFD101)")
        }
        if distribution.originGroup(id: behavior.targetOriginId) != nil {
            warnings.append("behavior \(behavior.displayName) targets origin group '\(behavior.targetOriginId)': signed for the "
                + "primary origin \(origin.id); after a failover the signature fails unless the members share host (CFD108)")
        }
        return PresignOrigin(file: name, distribution: distribution, behavior: behavior, origin: origin, catalog: catalog,
                             originHost: endpoint.host, originPath: origin.originPath, bucket: bucket, key: key, region: region,
                             cdnHost: cdnHost, ttl: ttl, warnings: warnings)
    }
}
