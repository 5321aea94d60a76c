/// The parts of a CloudFormation template (or CDK `cdk synth` output) that resolving needs:
/// resources, parameters, conditions and mappings, each still pointing into the document.
public struct CloudFormationTemplate: Sendable {
    public struct Resource: Sendable {
        public var logicalID: String
        public var type: String
        public var properties: Cursor?
        public var metadata: Cursor?
        public var cursor: Cursor
    }

    public var resources: [Resource]
    public var parameters: [String: Cursor]
    public var conditions: [String: Cursor]
    public var mappings: [String: Cursor]
    public var root: Cursor
    /// Document nodes in the template: the resolver's work budget is proportional to it.
    public var nodeCount: Int

    /// A template has a `Resources` object whose entries carry a `Type`, or an
    /// `AWSTemplateFormatVersion`. Anything else is not one (nil), so other loaders can try.
    public init?(root: Cursor) {
        guard root.node.members != nil else { return nil }
        let resourcesCursor = root["Resources"]
        let hasVersion = root["AWSTemplateFormatVersion"] != nil
        let typed = resourcesCursor?.members.contains { $0.value["Type"]?.string != nil } ?? false
        guard typed || (hasVersion && (resourcesCursor?.node.members != nil || resourcesCursor == nil)) else { return nil }
        self.root = root
        resources = (resourcesCursor?.members ?? []).map { key, value in
            Resource(logicalID: key, type: value["Type"]?.string ?? "", properties: value["Properties"],
                     metadata: value["Metadata"], cursor: value)
        }
        func table(_ key: String) -> [String: Cursor] {
            Dictionary((root[key]?.members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        }
        parameters = table("Parameters")
        conditions = table("Conditions")
        mappings = table("Mappings")
        nodeCount = Self.count(root.node)
    }

    public func resource(_ logicalID: String) -> Resource? {
        resources.last(where: { $0.logicalID == logicalID })
    }

    public func resources(ofType type: String) -> [Resource] {
        resources.filter { $0.type == type }
    }

    private static func count(_ node: DocNode) -> Int {
        var total = 0
        var stack = [node]
        while let next = stack.popLast() {
            total += 1
            switch next.value {
            case .array(let elements): stack.append(contentsOf: elements)
            case .object(let members): stack.append(contentsOf: members.map(\.value))
            case .tagged(_, let inner): stack.append(inner)
            default: break
            }
        }
        return total
    }
}
