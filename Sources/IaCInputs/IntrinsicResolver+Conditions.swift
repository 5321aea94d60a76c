/// `Fn::If` and the `Conditions` section: decided when the template decides them, else unknown.
extension IntrinsicResolver {
    mutating func conditional(_ argument: Cursor, at location: SourceLocation) -> IaCValue? {
        let parts = argument.elements
        guard parts.count == 3, let name = parts[0].string else { return .unknown("Fn::If needs [condition, then, else]", at: location) }
        guard let decided = namedCondition(name) else {
            return .unknown("condition \(name) depends on values known only at deploy", at: location)
        }
        return evaluate(decided ? parts[1] : parts[2])
    }

    /// A `Conditions` entry: true/false when the template decides it, nil when the deployment does
    /// (or the template has no such condition).
    public mutating func condition(named name: String) -> Bool? {
        namedCondition(name)
    }

    mutating func namedCondition(_ name: String) -> Bool? {
        guard let definition = template.conditions[name] else { return nil }
        let step = "condition \(name)"
        guard !visiting.contains(step) else { return nil }
        visiting.append(step)
        defer { visiting.removeLast() }
        return condition(definition)
    }

    /// true/false when the template decides it, nil when it depends on the deployment.
    mutating func condition(_ cursor: Cursor) -> Bool? {
        remaining -= 1
        guard remaining >= 0 else {
            exhaustedBudget = true
            return nil
        }
        guard let (name, argument) = Self.intrinsic(cursor) else {
            return cursor.node.members?.count == 1 ? cursor["Condition"]?.string.flatMap { namedCondition($0) } : cursor.bool
        }
        switch name {
        case "Condition":
            return argument.string.flatMap { namedCondition($0) }
        case "Fn::Equals":
            guard argument.elements.count == 2 else { return nil }
            let left = resolve(argument.elements[0]), right = resolve(argument.elements[1])
            guard left.unknowns.isEmpty, right.unknowns.isEmpty, left.placeholders.isEmpty, right.placeholders.isEmpty else { return nil }
            return Self.flat(left) == Self.flat(right)
        case "Fn::Not":
            guard let inner = argument.elements.first else { return nil }
            return condition(inner).map { !$0 }
        case "Fn::And":
            let values = argument.elements.map { condition($0) }
            if values.contains(false) { return false }
            return values.contains(nil) ? nil : true
        case "Fn::Or":
            let values = argument.elements.map { condition($0) }
            if values.contains(true) { return true }
            return values.contains(nil) ? nil : false
        default:
            return nil
        }
    }

    static func flat(_ value: IaCValue) -> [String?] {
        value.isList ? value.elements.map(\.text) : [value.text]
    }
}
