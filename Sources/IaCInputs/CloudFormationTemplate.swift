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
    /// Logical ID → position in `resources` (the last one wins, as in JSON).
    private var index: [String: Int]

    /// A template has a `Resources` object whose entries carry a `Type`, or an
    /// `AWSTemplateFormatVersion`. Anything else is not one, so other loaders can try.
    public static func recognises(_ root: Cursor) -> Bool {
        guard root.node.members != nil else { return false }
        let resources = root.node["Resources"]
        if resources?.members?.contains(where: { $0.value["Type"]?.string != nil }) == true { return true }
        return root.node["AWSTemplateFormatVersion"] != nil && (resources == nil || resources?.members != nil)
    }

    /// nil when `recognises` says it is not a template.
    public init?(root: Cursor) {
        guard Self.recognises(root) else { return nil }
        let resourcesCursor = root["Resources"]
        self.root = root
        resources = (resourcesCursor?.members ?? []).map { key, value in
            Resource(logicalID: key, type: value["Type"]?.string ?? "", properties: value["Properties"],
                     metadata: value["Metadata"], cursor: value)
        }
        func table(_ key: String) -> [String: Cursor] {
            Dictionary((root[key]?.members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        }
        index = Dictionary(resources.enumerated().map { ($1.logicalID, $0) }, uniquingKeysWith: { _, last in last })
        parameters = table("Parameters")
        conditions = table("Conditions")
        mappings = table("Mappings")
        nodeCount = Self.count(root.node)
    }

    public func resource(_ logicalID: String) -> Resource? {
        index[logicalID].map { resources[$0] }
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
