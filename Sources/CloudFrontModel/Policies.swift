/// What a policy selects from the viewer request: query strings, headers or cookies.
public struct Selection: Sendable, Equatable {
    /// The API behaviours: `none`, `whitelist`, `allExcept`, `all`; for origin request policy
    /// headers also `allViewer` and `allViewerAndWhitelistCloudFront`.
    public var behavior: String
    public var names: [String]

    public init(_ behavior: String, _ names: [String] = []) {
        self.behavior = behavior
        self.names = names
    }

    public static let nothing = Selection("none")

    /// Whether this selection includes `name`. Query string names are case-sensitive in
    /// CloudFront; header names are not (`caseSensitive: false`).
    public func includes(_ name: String, caseSensitive: Bool = true) -> Bool {
        let listed = names.contains { caseSensitive ? $0 == name : $0.lowercased() == name.lowercased() }
        switch behavior {
        case "none": return false
        case "whitelist": return listed
        case "allExcept": return !listed
        case "all", "allViewer": return true
        case "allViewerAndWhitelistCloudFront": return true
        default: return false
        }
    }
}

/// `CachePolicyConfig`: what is in the cache key (and so also forwarded) and the TTLs.
public struct CachePolicy: Sendable {
    public var id: String
    public var name: String
    public var ttl: TTLs
    public var queryStrings: Selection
    public var headers: Selection
    public var cookies: Selection
    public var isManaged: Bool
    public var location: SourceLocation?

    public init(id: String, name: String, ttl: TTLs, queryStrings: Selection, headers: Selection,
                cookies: Selection, isManaged: Bool, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.ttl = ttl
        self.queryStrings = queryStrings
        self.headers = headers
        self.cookies = cookies
        self.isManaged = isManaged
        self.location = location
    }
}

/// `OriginRequestPolicyConfig`: what is forwarded to the origin in addition to the cache key.
public struct OriginRequestPolicy: Sendable {
    public var id: String
    public var name: String
    public var queryStrings: Selection
    public var headers: Selection
    public var cookies: Selection
    public var isManaged: Bool
    public var location: SourceLocation?

    public init(id: String, name: String, queryStrings: Selection, headers: Selection, cookies: Selection,
                isManaged: Bool, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.queryStrings = queryStrings
        self.headers = headers
        self.cookies = cookies
        self.isManaged = isManaged
        self.location = location
    }
}

/// Every policy cfdoctor knows: the AWS managed ones and custom ones loaded from inputs.
public struct PolicyCatalog: Sendable {
    public private(set) var cachePolicies: [String: CachePolicy]
    public private(set) var originRequestPolicies: [String: OriginRequestPolicy]

    public init() {
        cachePolicies = Dictionary(uniqueKeysWithValues: ManagedPolicies.cachePolicies.map { ($0.id, $0) })
        originRequestPolicies = Dictionary(uniqueKeysWithValues: ManagedPolicies.originRequestPolicies.map { ($0.id, $0) })
    }

    /// By ID, else by API name (`Managed-CachingOptimized`) or the console's short name of a managed
    /// policy (`CachingOptimized`), as IaC inputs name them. Names are unique within an account.
    public func cachePolicy(_ id: String) -> CachePolicy? {
        cachePolicies[id] ?? cachePolicies.values.filter { Self.named($0.name, id, managed: $0.isManaged) }.min { $0.id < $1.id }
    }

    public func originRequestPolicy(_ id: String) -> OriginRequestPolicy? {
        originRequestPolicies[id]
            ?? originRequestPolicies.values.filter { Self.named($0.name, id, managed: $0.isManaged) }.min { $0.id < $1.id }
    }

    private static func named(_ name: String, _ reference: String, managed: Bool) -> Bool {
        name == reference || (managed && name == "Managed-" + reference)
    }

    public mutating func add(_ policy: CachePolicy) { cachePolicies[policy.id] = policy }
    public mutating func add(_ policy: OriginRequestPolicy) { originRequestPolicies[policy.id] = policy }
}
