import CloudFrontModel
import EdgeSimulation

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
