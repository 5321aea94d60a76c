import CloudFrontModel
import EdgeSimulation
import PresignedURLs

/// The rounding window of the article's "Solution #2": a signer that freezes time at the last
/// whole window (e.g. every 30 minutes) hands out one URL per window, so the URL — and its cache
/// key — stays the same for everyone inside the window.
enum RoundingWindow {
    /// Windows cfdoctor recognises, largest first.
    static let candidates: [Int64] = [86_400, 3600, 1800, 900, 600, 300, 60]

    /// The largest window `date` sits on the boundary of; 0 when it is not on a whole minute,
    /// i.e. the URL was signed at request time and every URL is different.
    static func of(_ date: Timestamp) -> Int64 {
        candidates.first { date.seconds % $0 == 0 } ?? 0
    }
}

extension RuleContext.Target {
    /// The behavior field a query-string or header decision comes from, for locations: the origin
    /// request policy when it (and not the cache key) decides, else the cache policy; legacy
    /// settings point at `field` inside ForwardedValues.
    func policyLocation(originRequestDecides: Bool, legacyField: Behavior.Field) -> SourceLocation {
        switch behavior.cacheSettings {
        case .legacy, .missing:
            return behavior.location(of: legacyField)
        case .policies(_, let requestPolicy):
            return behavior.location(of: originRequestDecides && requestPolicy != nil ? .originRequestPolicyId : .cachePolicyId)
        }
    }

    /// Where the longest cache time is configured: the legacy TTL field that sets it, or the cache policy.
    var ttlLocation: SourceLocation {
        guard case .legacy(_, let ttl) = behavior.cacheSettings else { return behavior.location(of: .cachePolicyId) }
        let field: Behavior.Field = ttl.maximum >= ttl.default && ttl.maximum >= ttl.minimum ? .maxTTL
            : ttl.default >= ttl.minimum ? .defaultTTL : .minTTL
        return behavior.location(of: field)
    }

    /// The S3 REST origin a request from this behavior goes to first (the primary of a group).
    var primaryS3Origin: Origin? { s3RestOrigins.first?.origin }

    var isS3: Bool { !s3RestOrigins.isEmpty }
}
