/// A CloudFront origin, as `DistributionConfig.Origins.Items[]` describes it.
public struct Origin: Sendable {
    /// The origin fields findings point at, by CloudFront API member name.
    public enum Field: String, ModelField {
        case domainName = "DomainName"
        case originPath = "OriginPath"
        case s3OriginConfig = "S3OriginConfig"
        case s3OriginAccessIdentity = "S3OriginConfig.OriginAccessIdentity"
        case customOriginConfig = "CustomOriginConfig"
        case originAccessControlId = "OriginAccessControlId"
        case customHeaders = "CustomHeaders"
    }

    public enum Kind: Sendable, Equatable {
        /// `S3OriginConfig`: CloudFront treats the origin as S3. `originAccessIdentity` is the OAI
        /// path (`origin-access-identity/cloudfront/E…`) or nil when empty.
        case s3(originAccessIdentity: String?)
        /// `CustomOriginConfig`: any HTTP server — and S3 website endpoints, which must be custom.
        case custom(protocolPolicy: String?)
        /// `VpcOriginConfig`.
        case vpc
        /// Neither config present (IaC value unknown until apply, or a broken export).
        case unknown
    }

    public var id: String
    public var domainName: String
    /// `OriginPath`, e.g. `/production`; empty when unset.
    public var originPath: String
    public var kind: Kind
    /// `OriginAccessControlId`; nil when empty.
    public var originAccessControlId: String?
    public var customHeaders: [CustomHeader]
    public var location: SourceLocation
    public var fields: FieldLocations<Field>

    public init(id: String, domainName: String, originPath: String = "", kind: Kind,
                originAccessControlId: String? = nil, customHeaders: [CustomHeader] = [],
                location: SourceLocation, fields: FieldLocations<Field> = FieldLocations()) {
        self.id = id
        self.domainName = domainName
        self.originPath = originPath
        self.kind = kind
        self.originAccessControlId = originAccessControlId
        self.customHeaders = customHeaders
        self.location = location
        self.fields = fields
    }

    public var originAccessIdentity: String? {
        if case .s3(let oai) = kind { return oai }
        return nil
    }

    public var isCustom: Bool {
        if case .custom = kind { return true }
        return false
    }

    /// True when CloudFront signs its own requests to this origin (OAC) or uses an OAI, so it can
    /// read a private bucket without the viewer's signature.
    public var cloudFrontCanRead: Bool {
        originAccessControlId != nil || originAccessIdentity != nil
    }

    /// The location of a field, falling back to the origin itself.
    public func location(of field: Field) -> SourceLocation {
        fields[field] ?? location
    }
}

public struct CustomHeader: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// `OriginGroups.Items[]`: failover between member origins.
public struct OriginGroup: Sendable {
    public var id: String
    public var memberOriginIds: [String]
    public var location: SourceLocation
    public init(id: String, memberOriginIds: [String], location: SourceLocation) {
        self.id = id
        self.memberOriginIds = memberOriginIds
        self.location = location
    }
}
