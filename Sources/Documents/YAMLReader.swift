internal import Yams

/// Reads YAML (CloudFormation templates, `.cfdoctor.yml`) into the same position-keeping tree as
/// JSON. CloudFormation's short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`, …) become `.tagged`.
public enum YAMLReader {
    /// Bounds the work on hostile input: alias chains ("billion laughs") and deep nesting.
    public static let maximumNodes = 500_000
    public static let maximumDepth = 512

    public static func parse(_ text: String, file: String) throws(InputError) -> DocNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw inputError(error, file: file)
        } catch {
            throw InputError(file: file, message: "invalid YAML: \(error)")
        }
        guard let root else { throw InputError(file: file, message: "empty document") }
        var budget = maximumNodes
        return try convert(root, depth: 0, budget: &budget, file: file)
    }

    private static func inputError(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return InputError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(what)")
        case .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return InputError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(what)")
        default:
            return InputError(file: file, message: "invalid YAML: \(error)")
        }
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int,
                                file: String) throws(InputError) -> DocNode {
        budget -= 1
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        guard budget >= 0 else {
            throw InputError(file: file, line: line, column: column,
                             message: "document expands to more than \(maximumNodes) nodes (alias bomb?)")
        }
        guard depth <= maximumDepth else {
            throw InputError(file: file, line: line, column: column, message: "nesting deeper than \(maximumDepth) levels")
        }
        let value: DocNode.Value
        switch node {
        case .scalar(let scalar):
            value = scalarValue(scalar, node: node)
        case .mapping(let mapping):
            var members = [DocNode.Member]()
            members.reserveCapacity(mapping.count)
            for (key, child) in mapping {
                let name = key.string ?? "\(key)"
                members.append(DocNode.Member(key: name, value: try convert(child, depth: depth + 1, budget: &budget, file: file),
                                              keyLine: key.mark?.line ?? 0, keyColumn: key.mark?.column ?? 0))
            }
            value = .object(members)
        case .sequence(let sequence):
            var elements = [DocNode]()
            for child in sequence {
                elements.append(try convert(child, depth: depth + 1, budget: &budget, file: file))
            }
            value = .array(elements)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is not expanded.
            throw InputError(file: file, line: line, column: column, message: "unresolved YAML alias")
        }
        let tagName = node.tag.description
        if tagName.hasPrefix("!") {
            return DocNode(.tagged(tagName, DocNode(value, line: line, column: column)), line: line, column: column)
        }
        return DocNode(value, line: line, column: column)
    }

    private static func scalarValue(_ scalar: Node.Scalar, node: Node) -> DocNode.Value {
        if scalar.style != .plain { return .string(scalar.string) }
        switch node.tag.description {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return .bool(node.bool ?? false)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float": return .number(scalar.string)
        default: return .string(scalar.string)
        }
    }
}
