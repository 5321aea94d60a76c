import CloudFrontModel
import PresignedURLs

/// What a presigned URL for one viewer path must be signed for so that it verifies through a
/// distribution: the behavior CloudFront picks, its S3 origin's exact host (the `Host` S3
/// receives), the key S3 receives (`OriginPath` + viewer path) and the behavior's TTLs.
///
/// CloudFront semantics relied on are EdgeSimulator's: behaviors in order, default last; the origin
/// request goes to the origin's `DomainName` with `OriginPath` in front of the viewer path.
public struct SigningTarget: Sendable {
    /// Why no presigned URL can be made for this path through this distribution.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// No behavior matches (a distribution without a default behavior).
        case noBehavior(path: String)
        /// The behavior's target names no origin or origin group member.
        case noOrigin(behavior: String, targetOriginId: String)
        /// An S3 REST host configured as a custom origin: CloudFront adds `X-Amz-Cf-Id` (CFD201).
        case s3HostAsCustomOrigin(originId: String, host: String)
        /// An S3 website endpoint: it serves no authenticated requests (CFD104).
        case websiteEndpoint(originId: String, host: String)
        /// Not an S3 origin at all (an ALB, an API, a VPC origin).
        case notS3(originId: String, host: String)
        /// A path-style origin whose path names no bucket and key.
        case noBucketInPath(host: String, path: String)

        /// One line, naming the origin and the rule that explains it.
        public var description: String {
            switch self {
            case .noBehavior(let path): "no cache behavior matches \(path) (and there is no default behavior)"
            case .noOrigin(let behavior, let target): "behavior \(behavior) targets '\(target)', which names no origin"
            case .s3HostAsCustomOrigin(let id, let host):
                "origin '\(id)' (\(host)) is not an S3 REST origin: it is configured as a custom origin, so CloudFront adds "
                    + "X-Amz-Cf-Id and S3 rejects the signature (CFD201); configure it with S3OriginConfig"
            case .websiteEndpoint(let id, let host):
                "origin '\(id)' (\(host)) is not an S3 REST origin: S3 website endpoints serve no authenticated requests (CFD104)"
            case .notS3(let id, let host):
                "origin '\(id)' (\(host)) is not an S3 REST origin, so S3 presigned URLs cannot work through it (CFD107)"
            case .noBucketInPath(let host, let path): "path-style origin \(host): \(path) names no bucket and key"
            }
        }
    }

    /// Index into `distribution.behaviors`.
    public var behaviorIndex: Int
    /// The behavior CloudFront uses for the viewer path.
    public var behavior: Behavior
    /// The origin the request goes to (the primary member when the behavior targets a group).
    public var origin: Origin
    /// True when the behavior targets an origin group (signed for the primary; CFD108).
    public var viaOriginGroup: Bool
    /// The origin's host as S3 receives it (lower-cased).
    public var endpoint: S3Endpoint
    /// The bucket: from a virtual-hosted host, else the first segment of the path S3 receives.
    public var bucket: String
    /// The key S3 receives: OriginPath + viewer path, not percent-encoded, without the leading
    /// slash (path-style: without the bucket segment).
    public var key: String
    /// The behavior's TTLs; nil when its cache policy is unknown.
    public var ttl: TTLs?

    /// The region the host names; nil for the legacy global host.
    public var region: String? { endpoint.region }
    /// The host to sign for.
    public var host: String { endpoint.host }

    /// `viewerPath` is the path as a user writes it (`/reports/q1 final.csv`, not percent-encoded).
    public static func resolve(viewerPath: String, in distribution: Distribution,
                               catalog: PolicyCatalog) throws(Problem) -> SigningTarget {
        let encoded = PercentEncoding.encode(viewerPath, keepSlash: true)
        guard let index = EdgeSimulator.behaviorIndex(for: encoded, in: distribution) else { throw .noBehavior(path: viewerPath) }
        let behavior = distribution.behaviors[index]
        guard let origin = distribution.origins(for: behavior).first else {
            throw .noOrigin(behavior: behavior.displayName, targetOriginId: behavior.targetOriginId)
        }
        let endpoint = S3Endpoint.parse(host: origin.domainName)
        if endpoint?.form == .website { throw .websiteEndpoint(originId: origin.id, host: origin.domainName) }
        switch origin.kind {
        case .s3: break
        case .custom where endpoint != nil: throw .s3HostAsCustomOrigin(originId: origin.id, host: origin.domainName)
        default: throw .notS3(originId: origin.id, host: origin.domainName)
        }
        guard let endpoint else { throw .notS3(originId: origin.id, host: origin.domainName) }

        let s3Path = origin.originPath + viewerPath
        let bucket: String, key: String
        if endpoint.addressing == .virtualHosted, let hostBucket = endpoint.bucket {
            bucket = hostBucket
            key = String(s3Path.dropFirst())
        } else {
            let parts = s3Path.dropFirst().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { throw .noBucketInPath(host: endpoint.host, path: s3Path) }
            bucket = String(parts[0])
            key = String(parts[1])
        }
        let forwarding = Forwarding.resolve(behavior, catalog: catalog)
        return SigningTarget(behaviorIndex: index, behavior: behavior, origin: origin,
                             viaOriginGroup: distribution.originGroup(id: behavior.targetOriginId) != nil,
                             endpoint: endpoint, bucket: bucket, key: key,
                             ttl: forwarding?.isResolved == true ? forwarding?.ttl : nil)
    }
}
