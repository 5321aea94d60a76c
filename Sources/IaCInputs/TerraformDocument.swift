/// The resources of a `terraform show -json` document — a plan (`planned_values`,
/// `resource_changes`, `configuration`) or a state (`values`) — with values unknown until apply
/// marked as such (format: developer.hashicorp.com/terraform/internals/json-format).
public struct TerraformDocument: Sendable {
    public enum Kind: String, Sendable { case plan, state }

    public struct Resource: Sendable {
        /// Full address: `module.cdn.aws_cloudfront_distribution.this`, `aws_s3_bucket.media["a"]`.
        public var address: String
        /// `module.cdn`, or "" in the root module.
        public var moduleAddress: String
        public var type: String
        public var name: String
        /// The planned (or stored) attribute values; unknown ones are `.unknown`. A plan's values
        /// may be read again from its bytes on each use: take them once per resource.
        public var values: IaCValue {
            get { planned?.value ?? storedValues }
            set { storedValues = newValue; planned = nil }
        }
        /// Where the resource is written in the document.
        public var location: SourceLocation
        /// The resource's block in `configuration` (expressions), when the plan has one.
        public var configuration: Cursor?
        private var storedValues: IaCValue
        private var planned: PlannedValues?

        public init(address: String, moduleAddress: String, type: String, name: String, values: IaCValue,
                    location: SourceLocation, configuration: Cursor? = nil) {
            self.address = address
            self.moduleAddress = moduleAddress
            self.type = type
            self.name = name
            self.storedValues = values
            self.location = location
            self.configuration = configuration
        }

        init(_ resource: Resource, planned: PlannedValues) {
            self = resource
            self.planned = planned
        }
    }

    public var kind: Kind
    public var terraformVersion: String?
    public var resources: [Resource]
    /// Resources this plan deletes (`after` is null), with where the change is.
    public var deleted: [(address: String, type: String, location: SourceLocation)]
    public var root: Cursor
    /// Resource types whose values are read; others are listed with empty values, so a plan with
    /// thousands of unrelated resources costs little more than parsing it. nil: every type.
    public let readTypes: Set<String>?

    /// Whether the document is `terraform show -json` output (cheap: looks at the top level only).
    public static func recognises(_ root: Cursor) -> Bool {
        guard let keys = root.node.members?.map(\.key), root["format_version"] != nil || root["terraform_version"] != nil
        else { return false }
        return root["planned_values"] != nil || root["values"] != nil || root["resource_changes"] != nil
            // `terraform show -json` of an empty state prints only the format version.
            || keys.allSatisfy { topLevelKeys.contains($0) }
    }

    /// nil when the document is not `terraform show -json` output.
    ///
    /// `changes`: the plan's `resource_changes`, when the caller took them from the reader as it
    /// went (the tree's array is then empty); nil reads them from the tree.
    public init?(root: Cursor, readTypes: Set<String>? = nil, changes: [TerraformPlanChange]? = nil) {
        guard Self.recognises(root) else { return nil }
        self.root = root
        self.readTypes = readTypes
        terraformVersion = root["terraform_version"]?.string
        resources = []
        deleted = []
        if root["planned_values"] != nil || root["resource_changes"] != nil {
            kind = .plan
            readPlan(changes ?? Self.changes(root, readTypes: readTypes))
        } else {
            kind = .state
            for (cursor, _) in Self.moduleResources(root["values"]?["root_module"]) where cursor["mode"]?.string != "data" {
                resources.append(resource(cursor, values: reads(cursor) ? IaCValue.literal(cursor["values"] ?? cursor) : Self.empty(cursor)))
            }
        }
    }

    public static func changes(_ root: Cursor, readTypes: Set<String>?) -> [TerraformPlanChange] {
        (root["resource_changes"]?.elements ?? []).map { TerraformPlanChange($0, readTypes: readTypes) }
    }

    /// Whether every resource of `planned_values` whose values are read takes them from one of
    /// `changes`: then the plan reads no `values` of `planned_values`, and a caller may have
    /// skipped them. Every plan in fixtures/iac/terraform (Terraform 0.12.31 to 1.9.8) lists each
    /// resource of `planned_values` in `resource_changes`, unchanged ones with action "no-op"; a
    /// plan that does not is read whole, so nothing depends on it.
    public static func plannedValuesUnread(_ root: Cursor, changes: [TerraformPlanChange], readTypes: Set<String>?) -> Bool {
        var supplied = Set<String>()
        for change in changes {
            switch change.outcome {
            case .planned: if change.suppliesValues { supplied.insert(change.address) } else { supplied.remove(change.address) }
            case .deleted, .ignored: break
            }
        }
        for (cursor, _) in moduleResources(root["planned_values"]?["root_module"]) where cursor["mode"]?.string != "data" {
            guard let address = cursor["address"]?.string, readTypes.map({ set in cursor["type"]?.string.map(set.contains) ?? false }) ?? true
            else { continue }
            if !supplied.contains(address) { return false }
        }
        return true
    }

    static let topLevelKeys: Set<String> = [
        "format_version", "terraform_version", "variables", "planned_values", "resource_drift", "resource_changes",
        "output_changes", "prior_state", "configuration", "relevant_attributes", "checks", "timestamp", "applyable",
        "complete", "errored", "values",
    ]

    public func resources(ofType type: String) -> [Resource] {
        resources.filter { $0.type == type }
    }

    public func resource(_ address: String) -> Resource? {
        resources.first(where: { $0.address == address })
    }

    // MARK: - Plans

    private mutating func readPlan(_ entries: [TerraformPlanChange]) {
        var changes: [String: TerraformPlanChange] = [:]
        for change in entries {
            switch change.outcome {
            case .ignored: continue
            case .deleted: deleted.append((change.address, change.resource.type, change.resource.location))
            case .planned: changes[change.address] = change
            }
        }
        var seen = Set<String>()
        for (cursor, _) in Self.moduleResources(root["planned_values"]?["root_module"]) where cursor["mode"]?.string != "data" {
            guard let address = cursor["address"]?.string else { continue }
            seen.insert(address)
            if !reads(cursor) {
                resources.append(resource(cursor, values: Self.empty(cursor)))
            } else if let change = changes[address], case .planned(let values?) = change.outcome {
                resources.append(Resource(resource(cursor, values: Self.empty(cursor)), planned: values))
            } else {
                resources.append(resource(cursor, values: IaCValue.literal(cursor["values"] ?? cursor)))
            }
        }
        // resource_changes entries that planned_values leaves out (older plans) still count.
        for (address, change) in changes.sorted(by: { $0.key < $1.key }) where !seen.contains(address) {
            guard case .planned(let values?) = change.outcome else { continue }
            resources.append(Resource(change.resource, planned: values))
        }
        let configurations = Self.configurationResources(root["configuration"]?["root_module"], prefix: "")
        for index in resources.indices {
            let base = Self.stripIndex(resources[index].address)
            resources[index].configuration = configurations[base]
        }
    }

    private func reads(_ cursor: Cursor) -> Bool {
        guard let readTypes else { return true }
        return cursor["type"]?.string.map(readTypes.contains) ?? false
    }

    static func empty(_ cursor: Cursor) -> IaCValue {
        IaCValue(.object([]), at: cursor.location)
    }

    private func resource(_ cursor: Cursor, values: IaCValue) -> Resource {
        let address = cursor["address"]?.string ?? ""
        let module = cursor["module_address"]?.string ?? Self.moduleOf(address)
        return Resource(address: address, moduleAddress: module, type: cursor["type"]?.string ?? "",
                        name: cursor["name"]?.string ?? "", values: values, location: cursor.location)
    }

    /// `after` with every leaf that `after_unknown` marks `true` replaced by an unknown.
    static func merge(_ after: Cursor?, unknown: Cursor?, at change: Cursor) -> IaCValue {
        let location = after?.location ?? change.location
        if unknown?.node.value.isTrue == true {
            return .unknown("known after apply", at: location)
        }
        guard let after else { return IaCValue(.null, at: location) }
        switch after.node.value {
        case .object:
            var members = after.members.map { key, value in
                IaCValue.Member(key: key, value: merge(value, unknown: unknown?[key], at: change))
            }
            for (key, flag) in unknown?.members ?? [] where after[key] == nil {
                members.append(IaCValue.Member(key: key, value: merge(nil, unknown: flag, at: after)))
            }
            return IaCValue(.object(members), at: location)
        case .array:
            let flags = unknown?.elements ?? []
            var elements = after.elements.enumerated().map { index, element in
                merge(element, unknown: index < flags.count ? flags[index] : nil, at: change)
            }
            if flags.count > elements.count {
                for flag in flags[elements.count...] { elements.append(merge(nil, unknown: flag, at: after)) }
            }
            return IaCValue(.list(elements), at: location)
        default:
            return IaCValue.literal(after)
        }
    }

    // MARK: - Modules

    /// Every resource of a module and its child modules, depth first, with its module address.
    static func moduleResources(_ module: Cursor?) -> [(Cursor, String)] {
        var output = [(Cursor, String)]()
        var stack = module.map { [$0] } ?? []
        while let next = stack.popLast() {
            let address = next["address"]?.string ?? ""
            output += (next["resources"]?.elements ?? []).map { ($0, address) }
            stack += (next["child_modules"]?.elements ?? []).reversed()
        }
        return output
    }

    /// Configuration blocks by full address (without instance keys), from the root module and
    /// every `module_calls` entry.
    static func configurationResources(_ module: Cursor?, prefix: String) -> [String: Cursor] {
        guard let module else { return [:] }
        var output = [String: Cursor]()
        for resource in module["resources"]?.elements ?? [] {
            guard let address = resource["address"]?.string else { continue }
            output[prefix + address] = resource
        }
        for (name, call) in module["module_calls"]?.members ?? [] {
            output.merge(configurationResources(call["module"], prefix: prefix + "module.\(name)."), uniquingKeysWith: { first, _ in first })
        }
        return output
    }

    static func moduleOf(_ address: String) -> String {
        var parts = [String]()
        var rest = Substring(address)
        while rest.hasPrefix("module.") {
            let afterModule = rest.dropFirst("module.".count)
            guard let dot = nameEnd(afterModule) else { break }
            parts.append("module." + afterModule[..<dot])
            rest = afterModule[afterModule.index(after: dot)...]
        }
        return parts.joined(separator: ".")
    }

    /// Index of the `.` that ends a module name and its optional instance key (`cdn["eu"]`).
    private static func nameEnd(_ text: Substring) -> Substring.Index? {
        var inKey = false
        for index in text.indices {
            switch text[index] {
            case "[": inKey = true
            case "]": inKey = false
            case "." where !inKey: return index
            default: break
            }
        }
        return nil
    }

    /// `module.cdn["eu"].aws_x.y[0]` → `module.cdn.aws_x.y`: configuration has no instance keys.
    public static func stripIndex(_ address: String) -> String {
        var output = ""
        var depth = 0
        for character in address {
            if character == "[" { depth += 1; continue }
            if character == "]" { depth -= 1; continue }
            if depth == 0 { output.append(character) }
        }
        return output
    }
}

extension DocNode {
    var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}

extension DocNode.Value {
    var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}
