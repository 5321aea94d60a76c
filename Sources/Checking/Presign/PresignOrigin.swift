import CloudFrontModel
import EdgeSimulation

/// What `presign` signs for through a distribution: the behavior CloudFront picks for the viewer
/// path, its S3 origin's exact host, the key S3 receives (OriginPath included) and the behavior's
/// TTLs, with what the signer should know about them (unknown policy, legacy host, origin group).
public struct PresignOrigin: Sendable {
    /// The input's name, as messages give it.
    public var file: String
    public var distribution: Distribution
    public var behavior: Behavior
    public var origin: Origin
    /// The origin's DomainName, lower-cased: the Host S3 receives.
    public var originHost: String
    public var originPath: String
    public var bucket: String
    /// The key S3 receives: OriginPath + viewer path, without the leading slash (virtual-hosted).
    public var key: String
    public var region: String
    /// Where viewers send the URL.
    public var cdnHost: String
    /// nil when a policy is unknown (not in the file, not managed).
    public var ttl: TTLs?
    public var warnings: [String]

    /// The origin for `rawViewerPath` through the one distribution in `loaded`.
    static func resolve(_ loaded: LoadedInput, file: String, viewerPath rawViewerPath: String, region requestedRegion: String?,
                        cdnHost requestedCDNHost: String?) throws(PresignFailure) -> PresignOrigin {
        guard loaded.distributions.count == 1, let distribution = loaded.distributions.first else {
            throw .distributionCount(file: file, count: loaded.distributions.count, shape: loaded.shape)
        }
        let viewerPath = rawViewerPath.hasPrefix("/") ? rawViewerPath : "/" + rawViewerPath
        guard viewerPath.count > 1 else { throw .pathNamesNoObject(rawViewerPath) }
        var catalog = PolicyCatalog()
        do throws(PolicyConflict) {
            for policy in loaded.cachePolicies { try catalog.addLoaded(policy) }
            for policy in loaded.originRequestPolicies { try catalog.addLoaded(policy) }
        } catch {
            throw .input(InputFailure(error.description))
        }
        let target: SigningTarget
        do throws(SigningTarget.Problem) {
            target = try SigningTarget.resolve(viewerPath: viewerPath, in: distribution, catalog: catalog)
        } catch {
            throw .unservable(file: file, error)
        }
        let host = target.host, bucket = target.bucket
        let region: String
        if let named = target.region {
            if let requestedRegion, requestedRegion != named {
                throw .regionContradictsOrigin(requested: requestedRegion, host: host, named: named)
            }
            region = named
        } else if let requestedRegion {
            region = requestedRegion
        } else {
            throw .originNamesNoRegion(host: host)
        }
        guard let cdnHost = requestedCDNHost ?? distribution.aliases.first ?? distribution.domainName else {
            throw .noCDNHost(file: file)
        }

        var warnings = [String]()
        let behavior = target.behavior, origin = target.origin
        if target.ttl == nil {
            warnings.append("behavior \(behavior.displayName): its cache policy is not in \(file) and not an AWS managed one, "
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
        return PresignOrigin(file: file, distribution: distribution, behavior: behavior, origin: origin, originHost: host,
                             originPath: origin.originPath, bucket: bucket, key: target.key, region: region, cdnHost: cdnHost,
                             ttl: target.ttl, warnings: warnings)
    }
}
