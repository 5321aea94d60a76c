import CloudFrontModel

/// What one behavior puts in the cache key and forwards to the origin, resolved from legacy
/// `ForwardedValues` or from its cache and origin request policies.
///
/// AWS semantics relied on (CloudFront Developer Guide and the botocore cloudfront model):
/// - "The headers, cookies, and query strings that are included in the cache key are also included
///   in requests that CloudFront sends to the origin" (CachePolicy); an origin request policy adds
///   values to the origin request without adding them to the key.
/// - Legacy `QueryString: true` forwards all query strings; `QueryStringCacheKeys` only narrows the key.
/// - Managed AllViewer* policies do not forward `response-content-type/-disposition/-encoding` to
///   S3 origins (ManagedPolicies.policiesDroppingResponseOverridesForS3).
public struct Forwarding: Sendable {
    public enum Source: Sendable {
        case legacy
        case policies(cache: String, originRequest: String?)
    }

    public var source: Source
    /// Query strings in the cache key.
    public var cacheKeyQuery: Selection
    /// Query strings added to the origin request by an origin request policy (beyond the key).
    public var originRequestQuery: Selection
    public var cacheKeyHeaders: Selection
    public var originRequestHeaders: Selection
    public var ttl: TTLs
    /// True when the origin request policy is a managed AllViewer* one (see above).
    public var dropsResponseOverridesForS3: Bool
    /// Policy IDs that are neither managed nor among the loaded custom policies.
    public var unknownPolicies: [String]

    /// nil when the behavior has no usable settings.
    public static func resolve(_ behavior: Behavior, catalog: PolicyCatalog) -> Forwarding? {
        switch behavior.cacheSettings {
        case .missing:
            return nil
        case .legacy(let forwarded, let ttl):
            let query: Selection = !forwarded.queryString ? .nothing
                : forwarded.queryStringCacheKeys.isEmpty ? Selection("all")
                : Selection("whitelist", forwarded.queryStringCacheKeys)
            // QueryString true forwards everything even when only some names are in the key.
            let extra: Selection = forwarded.queryString ? Selection("all") : .nothing
            let headers: Selection = forwarded.headers.contains("*") ? Selection("allViewer")
                : forwarded.headers.isEmpty ? .nothing : Selection("whitelist", forwarded.headers)
            return Forwarding(source: .legacy, cacheKeyQuery: query, originRequestQuery: extra,
                              cacheKeyHeaders: headers, originRequestHeaders: .nothing, ttl: ttl,
                              dropsResponseOverridesForS3: false, unknownPolicies: [])
        case .policies(let cacheId, let requestId):
            var unknown = [String]()
            let cachePolicy = catalog.cachePolicy(cacheId)
            if cachePolicy == nil { unknown.append(cacheId) }
            var requestPolicy: OriginRequestPolicy?
            if let requestId {
                requestPolicy = catalog.originRequestPolicy(requestId)
                if requestPolicy == nil { unknown.append(requestId) }
            }
            return Forwarding(
                source: .policies(cache: cachePolicy?.name ?? cacheId, originRequest: requestPolicy?.name ?? requestId),
                cacheKeyQuery: cachePolicy?.queryStrings ?? .nothing,
                originRequestQuery: requestPolicy?.queryStrings ?? .nothing,
                cacheKeyHeaders: cachePolicy?.headers ?? .nothing,
                originRequestHeaders: requestPolicy?.headers ?? .nothing,
                ttl: cachePolicy?.ttl ?? TTLs(),
                // By the resolved ID, so a policy referenced by name (IaC) gets the same S3 exception.
                dropsResponseOverridesForS3: (requestPolicy?.id ?? requestId).map { ManagedPolicies.policiesDroppingResponseOverridesForS3.contains($0) } ?? false,
                unknownPolicies: unknown)
        }
    }

    public var isResolved: Bool { unknownPolicies.isEmpty }

    /// Whether the query parameter `name` reaches the origin; nil when a policy is unknown.
    public func forwardsQuery(_ name: String, toS3Origin: Bool) -> Bool? {
        if cacheKeyQuery.includes(name) { return true }
        if originRequestQuery.includes(name) {
            if toS3Origin, dropsResponseOverridesForS3, ManagedPolicies.responseOverridesDroppedForS3.contains(name) {
                return false
            }
            return true
        }
        return isResolved ? false : nil
    }

    /// Whether `name` is part of the cache key; nil when a policy is unknown.
    public func queryInCacheKey(_ name: String) -> Bool? {
        if cacheKeyQuery.includes(name) { return true }
        return isResolved ? false : nil
    }

    /// Whether the viewer's header `name` is forwarded to the origin; nil when unknown.
    public func forwardsHeader(_ name: String) -> Bool? {
        if cacheKeyHeaders.includes(name, caseSensitive: false) || originRequestHeaders.includes(name, caseSensitive: false) {
            return true
        }
        return isResolved ? false : nil
    }

    /// "no query string", "all query strings", "only a, b", "all except a".
    public static func describe(_ selection: Selection) -> String {
        switch selection.behavior {
        case "none": "none"
        case "all", "allViewer", "allViewerAndWhitelistCloudFront": "all"
        case "whitelist": "only " + selection.names.joined(separator: ", ")
        case "allExcept": "all except " + selection.names.joined(separator: ", ")
        default: selection.behavior
        }
    }

    public var settingsDescription: String {
        switch source {
        case .legacy: "legacy ForwardedValues"
        case .policies(let cache, let request): "cache policy \(cache)" + (request.map { " + origin request policy \($0)" } ?? "")
        }
    }
}
