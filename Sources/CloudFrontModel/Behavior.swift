/// A cache behavior: `CacheBehaviors.Items[]` or the `DefaultCacheBehavior`.
public struct Behavior: Sendable {
    /// The behavior fields findings point at, by CloudFront API member name.
    public enum Field: String, ModelField {
        case pathPattern = "PathPattern"
        case targetOriginId = "TargetOriginId"
        case cachePolicyId = "CachePolicyId"
        case originRequestPolicyId = "OriginRequestPolicyId"
        case forwardedValues = "ForwardedValues"
        case forwardedValuesQueryString = "ForwardedValues.QueryString"
        case forwardedValuesQueryStringCacheKeys = "ForwardedValues.QueryStringCacheKeys"
        case forwardedValuesHeaders = "ForwardedValues.Headers"
        case minTTL = "MinTTL"
        case defaultTTL = "DefaultTTL"
        case maxTTL = "MaxTTL"
        case trustedSigners = "TrustedSigners"
        case trustedKeyGroups = "TrustedKeyGroups"
        case functionAssociations = "FunctionAssociations"
        case lambdaFunctionAssociations = "LambdaFunctionAssociations"
    }

    /// nil for the default behavior.
    public var pathPattern: String?
    public var targetOriginId: String
    public var cacheSettings: CacheSettings
    public var trustedSigners: TrustedSigners
    public var functions: [EdgeFunction]
    public var location: SourceLocation
    public var fields: FieldLocations<Field>

    public init(pathPattern: String?, targetOriginId: String, cacheSettings: CacheSettings,
                trustedSigners: TrustedSigners = TrustedSigners(), functions: [EdgeFunction] = [],
                location: SourceLocation, fields: FieldLocations<Field> = FieldLocations()) {
        self.pathPattern = pathPattern
        self.targetOriginId = targetOriginId
        self.cacheSettings = cacheSettings
        self.trustedSigners = trustedSigners
        self.functions = functions
        self.location = location
        self.fields = fields
    }

    /// How users name the behavior: its path pattern, or "default (*)".
    public var displayName: String { pathPattern ?? "default (*)" }

    /// The location of a field, falling back to the behavior itself.
    public func location(of field: Field) -> SourceLocation {
        fields[field] ?? location
    }
}

/// How a behavior decides its cache key and what it forwards: the legacy `ForwardedValues` with
/// the behavior's own TTLs, or a cache policy (and optionally an origin request policy) by ID.
public enum CacheSettings: Sendable {
    case legacy(ForwardedValues, ttl: TTLs)
    case policies(cachePolicyId: String, originRequestPolicyId: String?)
    /// Neither present: CloudFront rejects such a behavior ("must include either a CachePolicyId or
    /// ForwardedValues", botocore model); IaC may leave it unknown until apply.
    case missing
}

/// Legacy `ForwardedValues` (deprecated by AWS in favour of policies, still common in exports).
public struct ForwardedValues: Sendable {
    /// `QueryString`: true forwards every query parameter to the origin.
    public var queryString: Bool
    /// `QueryStringCacheKeys.Items`: with `queryString` true, only these are in the cache key
    /// (all are still forwarded); empty means all are in the key.
    public var queryStringCacheKeys: [String]
    /// `Headers.Items`: forwarded and in the key; `*` means all viewer headers.
    public var headers: [String]
    public init(queryString: Bool, queryStringCacheKeys: [String] = [], headers: [String] = []) {
        self.queryString = queryString
        self.queryStringCacheKeys = queryStringCacheKeys
        self.headers = headers
    }
}

/// Min/Default/Max TTL in seconds. Legacy defaults when omitted: 0 / 86400 / 31536000 (CloudFront
/// Developer Guide, "Values that you specify when you create or update a distribution").
public struct TTLs: Sendable, Equatable {
    public var minimum: Int64
    public var `default`: Int64
    public var maximum: Int64
    public init(minimum: Int64 = 0, default: Int64 = 86_400, maximum: Int64 = 31_536_000) {
        self.minimum = minimum
        self.default = `default`
        self.maximum = maximum
    }

    /// The longest CloudFront may keep an object: MaxTTL when the origin sends a long
    /// `Cache-Control: max-age`, never less than MinTTL or DefaultTTL.
    public var longest: Int64 { max(minimum, `default`, maximum) }
}

public struct TrustedSigners: Sendable {
    /// `TrustedSigners.Enabled` (legacy key pairs).
    public var signersEnabled: Bool
    /// `TrustedKeyGroups.Enabled`.
    public var keyGroupsEnabled: Bool
    /// `TrustedKeyGroups.Items`: the key group IDs whose public keys may sign (CFD705).
    public var keyGroupIDs: [String] = []
    public init(signersEnabled: Bool = false, keyGroupsEnabled: Bool = false) {
        self.signersEnabled = signersEnabled
        self.keyGroupsEnabled = keyGroupsEnabled
    }
    public var required: Bool { signersEnabled || keyGroupsEnabled }
}

/// A CloudFront Function or Lambda@Edge association.
public struct EdgeFunction: Sendable {
    public enum Runtime: String, Sendable { case cloudFrontFunction = "CloudFront Function", lambdaAtEdge = "Lambda@Edge" }
    public var runtime: Runtime
    /// `viewer-request`, `viewer-response`, `origin-request`, `origin-response`.
    public var eventType: String
    public var arn: String
    public var location: SourceLocation
    public init(runtime: Runtime, eventType: String, arn: String, location: SourceLocation) {
        self.runtime = runtime
        self.eventType = eventType
        self.arn = arn
        self.location = location
    }

    /// Request-side events can change the path, query or headers before S3 sees them.
    public var canRewriteRequest: Bool { eventType == "viewer-request" || eventType == "origin-request" }
}
