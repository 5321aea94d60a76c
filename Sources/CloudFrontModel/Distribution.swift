@_exported import Documents

/// One CloudFront distribution, normalized from whatever input described it (AWS CLI JSON now;
/// CloudFormation and Terraform loaders produce the same model).
public struct Distribution: Sendable {
    /// The DistributionConfig fields findings point at, by CloudFront API member name.
    public enum Field: String, ModelField {
        case origins = "Origins"
        case originGroups = "OriginGroups"
        case defaultCacheBehavior = "DefaultCacheBehavior"
        case cacheBehaviors = "CacheBehaviors"
        case aliases = "Aliases"
        case comment = "Comment"
        case enabled = "Enabled"
    }

    /// `E…` ID when the input has one; else a name that identifies it (logical ID, Terraform address).
    public var id: String?
    public var domainName: String?
    public var comment: String?
    public var aliases: [String]
    public var origins: [Origin]
    public var originGroups: [OriginGroup]
    /// The ordered `CacheBehaviors`, then the default behavior last — the order CloudFront matches in.
    public var behaviors: [Behavior]
    /// Where the distribution (or its config) starts.
    public var location: SourceLocation
    /// The IaC resource: CloudFormation logical ID or Terraform address; nil for AWS CLI exports.
    public var resource: String?
    public var fields: FieldLocations<Field>
    /// `DefaultRootObject` (e.g. index.html), nil when empty: a sign of a website.
    public var defaultRootObject: String?
    /// The `ResponsePagePath`s of `CustomErrorResponses` (e.g. /index.html for a 403 or 404).
    public var errorPagePaths: [String]

    public init(id: String?, domainName: String?, comment: String?, aliases: [String], origins: [Origin],
                originGroups: [OriginGroup], behaviors: [Behavior], location: SourceLocation, resource: String? = nil,
                fields: FieldLocations<Field> = FieldLocations(), defaultRootObject: String? = nil,
                errorPagePaths: [String] = []) {
        self.defaultRootObject = defaultRootObject
        self.errorPagePaths = errorPagePaths
        self.id = id
        self.domainName = domainName
        self.comment = comment
        self.aliases = aliases
        self.origins = origins
        self.originGroups = originGroups
        self.behaviors = behaviors
        self.location = location
        self.resource = resource
        self.fields = fields
    }

    /// A name to show: the IaC resource (logical ID, Terraform address — what the user edits; a
    /// Terraform state also knows the ID), else the ID, else the domain, else the file it came from.
    public var displayName: String {
        resource ?? id ?? domainName ?? String(location.file.split(separator: "/").last ?? Substring(location.file))
    }

    /// The location of a DistributionConfig field, falling back to the distribution itself.
    public func location(of field: Field) -> SourceLocation {
        fields[field] ?? location
    }

    /// What shows this distribution is a public website rather than a presigned-URL front: a
    /// DefaultRootObject, error pages mapped to HTML pages (issue 8 §4). Empty when there are none.
    public var websiteSigns: [String] {
        var signs = [String]()
        if let defaultRootObject { signs.append("DefaultRootObject \(defaultRootObject)") }
        let pages = errorPagePaths.filter { path in
            let lower = path.lowercased()
            return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
        }
        if let first = pages.first { signs.append("error pages mapped to HTML (\(first))") }
        return signs
    }

    public var defaultBehavior: Behavior? { behaviors.last(where: { $0.pathPattern == nil }) }

    public func origin(id originID: String) -> Origin? {
        origins.first(where: { $0.id == originID })
    }

    public func originGroup(id groupID: String) -> OriginGroup? {
        originGroups.first(where: { $0.id == groupID })
    }

    /// The origins a behavior can send requests to: its origin, or the members of its origin group
    /// (primary first).
    public func origins(for behavior: Behavior) -> [Origin] {
        if let origin = origin(id: behavior.targetOriginId) { return [origin] }
        if let group = originGroup(id: behavior.targetOriginId) { return group.memberOriginIds.compactMap { origin(id: $0) } }
        return []
    }
}
