@_exported import Documents

/// A value read from an infrastructure-as-code input after resolving what can be resolved:
/// CloudFormation intrinsics, Terraform `after_unknown`. Every value keeps the place it was
/// written, so a finding can point at the template or plan line.
public struct IaCValue: Sendable {
    public indirect enum Kind: Sendable {
        case string(String)
        /// The number as written.
        case number(String)
        case bool(Bool)
        case null
        case list([IaCValue])
        case object([Member])
        /// Not knowable from the file: imported, a parameter without default, known after apply…
        case unknown(Unknown)
    }

    public struct Member: Sendable {
        public var key: String
        public var value: IaCValue
        public init(key: String, value: IaCValue) {
            self.key = key
            self.value = value
        }
    }

    public var kind: Kind
    public var location: SourceLocation
    /// Resources whose deploy-time name stands in this value as a placeholder (a bucket without
    /// `BucketName`, a policy's generated ID): the value is right in form, not in spelling.
    public var placeholders: [String]

    public init(_ kind: Kind, at location: SourceLocation, placeholders: [String] = []) {
        self.kind = kind
        self.location = location
        self.placeholders = placeholders
    }

    public static func unknown(_ reason: String, at location: SourceLocation, resources: [String] = []) -> IaCValue {
        IaCValue(.unknown(Unknown(reason: reason, location: location, resources: resources)), at: location)
    }
}

/// Why a value is not known, and where the expression that made it unknown is.
public struct Unknown: Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public var location: SourceLocation
    /// Logical IDs / addresses of the resources the value comes from (for linking an unknown
    /// `OriginAccessControlId` to the template's OAC, for example).
    public var resources: [String]

    public init(reason: String, location: SourceLocation, resources: [String] = []) {
        self.reason = reason
        self.location = location
        self.resources = resources
    }

    public var description: String { "\(reason) (\(location))" }
}

extension IaCValue {
    public subscript(key: String) -> IaCValue? {
        guard case .object(let members) = kind else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    public var members: [Member] {
        if case .object(let members) = kind { return members }
        return []
    }

    public var elements: [IaCValue] {
        if case .list(let elements) = kind { return elements }
        return []
    }

    public var isList: Bool {
        if case .list = kind { return true }
        return false
    }

    public var unknown: Unknown? {
        if case .unknown(let unknown) = kind { return unknown }
        return nil
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// Scalars as text, the way CloudFormation passes them on (`80`, `true`).
    public var text: String? {
        switch kind {
        case .string(let text), .number(let text): text
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    public var bool: Bool? {
        switch kind {
        case .bool(let value): value
        case .string(let text): text == "true" ? true : text == "false" ? false : nil
        default: nil
        }
    }

    public var int64: Int64? {
        switch kind {
        case .number(let text), .string(let text):
            Int64(text) ?? Double(text).flatMap { $0.isFinite && abs($0) < 9e18 ? Int64($0) : nil }
        default: nil
        }
    }

    /// Every unknown inside this value, depth first.
    public var unknowns: [Unknown] {
        switch kind {
        case .unknown(let unknown): [unknown]
        case .list(let elements): elements.flatMap(\.unknowns)
        case .object(let members): members.flatMap(\.value.unknowns)
        default: []
        }
    }

    /// The literal tree of a document node (no intrinsics are interpreted).
    public static func literal(_ cursor: Cursor) -> IaCValue {
        let location = cursor.location
        switch cursor.node.value {
        case .string(let text): return IaCValue(.string(text), at: location)
        case .number(let text): return IaCValue(.number(text), at: location)
        case .bool(let value): return IaCValue(.bool(value), at: location)
        case .null: return IaCValue(.null, at: location)
        case .array: return IaCValue(.list(cursor.elements.map(literal)), at: location)
        case .object: return IaCValue(.object(cursor.members.map { Member(key: $0.key, value: literal($0.value)) }), at: location)
        case .tagged(let tag, _): return .unknown("unsupported YAML tag \(tag)", at: location)
        }
    }
}
