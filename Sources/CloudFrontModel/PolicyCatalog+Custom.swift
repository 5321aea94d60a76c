/// The same custom policy ID loaded twice with different settings: cfdoctor cannot know which one
/// the distribution uses, so it refuses the input (exit 2) instead of picking one.
public struct PolicyConflict: Error, Sendable, CustomStringConvertible {
    public var kind: String
    public var id: String
    public var first: SourceLocation?
    public var second: SourceLocation?

    public var description: String {
        "\(kind) \(id) is defined twice with different settings: at \(first?.description ?? "?") and at "
            + "\(second?.description ?? "?"); pass one export of each policy"
    }
}

extension CachePolicy {
    /// Same name, TTLs and cache key (where it came from and whether it is managed aside).
    func hasSameSettings(as other: CachePolicy) -> Bool {
        name == other.name && ttl == other.ttl && queryStrings == other.queryStrings
            && headers == other.headers && cookies == other.cookies
    }
}

extension OriginRequestPolicy {
    func hasSameSettings(as other: OriginRequestPolicy) -> Bool {
        name == other.name && queryStrings == other.queryStrings && headers == other.headers && cookies == other.cookies
    }
}

extension PolicyCatalog {
    /// Adds a policy read from an input file. The same ID read again is fine when identical (the
    /// policy exported by get-cache-policy and again by list-cache-policies) and a conflict when not.
    /// A file may redefine a managed policy's ID: what AWS returned wins over the built-in transcription.
    public mutating func addLoaded(_ policy: CachePolicy) throws(PolicyConflict) {
        if let existing = cachePolicy(policy.id), existing.location != nil, !existing.hasSameSettings(as: policy) {
            throw PolicyConflict(kind: "cache policy", id: policy.id, first: existing.location, second: policy.location)
        }
        add(policy)
    }

    public mutating func addLoaded(_ policy: OriginRequestPolicy) throws(PolicyConflict) {
        if let existing = originRequestPolicy(policy.id), existing.location != nil, !existing.hasSameSettings(as: policy) {
            throw PolicyConflict(kind: "origin request policy", id: policy.id, first: existing.location, second: policy.location)
        }
        add(policy)
    }
}
