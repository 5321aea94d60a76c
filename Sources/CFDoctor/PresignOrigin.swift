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
        var catalog = PolicyCatalog()
        for policy in input.cachePolicies { catalog.add(policy) }
        for policy in input.originRequestPolicies { catalog.add(policy) }
        let target: SigningTarget
        do {
            target = try SigningTarget.resolve(viewerPath: viewerPath, in: distribution, catalog: catalog)
        } catch {
            throw CommandFailure("\(name): \(error)")
        }
        let host = target.host, bucket = target.bucket
        let region: String
        if let named = target.region {
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

        guard let cdnHost = cdnDomain ?? distribution.aliases.first ?? distribution.domainName else {
            throw CommandFailure("\(name) does not name the distribution's domain (get-distribution-config has none): give --cdn-domain")
        }

        var warnings = [String]()
        let ttl = target.ttl
        let behavior = target.behavior, origin = target.origin
        if ttl == nil {
            warnings.append("behavior \(behavior.displayName): its cache policy is not in \(name) and not an AWS managed one, "
                + "so the cache TTL and the exposure are unknown (add the policy file: `aws cloudfront get-cache-policy`)")
        }
        if target.endpoint.form == .global {
            warnings.append("origin \(host) is the legacy global host; signed for it as CloudFront sends it, "
                + "but prefer the regional host \(bucket).s3.\(region).amazonaws.com (CFD101)")
        }
        if target.viaOriginGroup {
            warnings.append("behavior \(behavior.displayName) targets origin group '\(behavior.targetOriginId)': signed for the "
                + "primary origin \(origin.id); after a failover the signature fails unless the members share host (CFD108)")
        }
        return PresignOrigin(file: name, distribution: distribution, behavior: behavior, origin: origin, catalog: catalog,
                             originHost: host, originPath: origin.originPath, bucket: bucket, key: target.key, region: region,
                             cdnHost: cdnHost, ttl: ttl, warnings: warnings)
    }
}
