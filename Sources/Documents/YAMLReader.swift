internal import Yams

/// Reads YAML (CloudFormation templates, `.cfdoctor.yml`) into the same position-keeping tree as
/// JSON. CloudFormation's short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`, …) become `.tagged`.
public enum YAMLReader {
    /// Bounds the work on hostile input: alias chains ("billion laughs") and deep nesting.
    public static let maximumNodes = 500_000
    public static let maximumDepth = 512

    public static func parse(_ text: String, file: String) throws(InputError) -> DocNode {
        try parse(text, file: file, resolution: ScalarResolution(for: text))
    }

    /// Who decides what an untagged plain scalar is (`true`, `5`, `~`).
    enum ScalarResolution {
        /// Yams' default resolver (regular expressions): needed when a scalar may carry an explicit
        /// standard tag (`!!str true` stays a string), as the built-in rules cannot tell an explicit
        /// `!!str` from an untagged scalar once Yams has tagged both `str`.
        case yams
        /// `YAMLPlainScalar`, the same rules without ICU's regex engine: every other document.
        case builtIn

        /// `.yams` when the text has `%TAG` or a `!` not followed by a letter (`!!`, `!<…>`, the
        /// non-specific `! `): the only ways to spell a standard tag. CloudFormation's `!Ref`,
        /// `!GetAtt`, … are local tags, which both resolutions keep as they are.
        init(for text: String) {
            var previousWasBang = false
            var sawPercent = false
            for byte in text.utf8 {
                if previousWasBang && !((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) {
                    self = .yams; return
                }
                previousWasBang = byte == UInt8(ascii: "!")
                sawPercent = sawPercent || byte == UInt8(ascii: "%")
            }
            if previousWasBang || (sawPercent && text.contains("%TAG")) { self = .yams; return }
            self = .builtIn
        }

        var resolver: Resolver { self == .yams ? .default : .basic }
    }

    static func parse(_ text: String, file: String, resolution: ScalarResolution) throws(InputError) -> DocNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, resolution.resolver)
        } catch let error as YamlError {
            throw inputError(error, file: file, text: text)
        } catch {
            throw InputError(file: file, message: "invalid YAML: \(String(describing: error).prefix { $0 != "\n" })")
        }
        guard let root else { throw InputError(file: file, message: "empty document") }
        var budget = maximumNodes
        return try convert(root, depth: 0, budget: &budget, file: file, resolution: resolution)
    }

    /// One line, `file:line:column: invalid YAML: …`, never Yams' multi-line snippet.
    private static func inputError(_ error: YamlError, file: String, text: String) -> InputError {
        func what(_ context: YamlError.Context?, _ problem: String) -> String {
            // libyaml's own wording names its C API; say what the limit is instead.
            if problem.hasPrefix("Maximum nesting level reached") {
                return "nesting deeper than \(libyamlMaximumDepth) levels"
            }
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return InputError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(what(context, problem))")
        case .reader(let problem, let offset, let value, _):
            // libyaml's reader refuses control characters (NUL included) and bad UTF-8.
            let hex = String(value, radix: 16, uppercase: true)
            let character = value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))" : ""
            guard let offset, offset >= 0 else {
                return InputError(file: file, message: "invalid YAML: \(problem)\(character)")
            }
            let (line, column) = position(ofByte: offset, in: text)
            return InputError(file: file, line: line, column: column,
                              message: "invalid YAML: \(problem)\(character) at byte offset \(offset)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let message = "invalid YAML: duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")): "
                + "expected every key of a mapping to be unique"
            // Yams points at the first of its sorted duplicates; with a mapping or sequence as a
            // key that order is not stable from run to run (found by the json fuzz target), so no
            // position rather than one that changes.
            guard !duplicates.contains("<uncovertable>") else { return InputError(file: file, message: message) }
            return InputError(file: file, line: context.mark.line, column: context.mark.column, message: message)
        default:
            return InputError(file: file, message: "invalid YAML: \(String(describing: error).prefix { $0 != "\n" })")
        }
    }

    /// libyaml's own nesting limit (`MAX_NESTING_LEVEL` in Yams' parser.c): reached before ours
    /// for flow collections, so Yams' recursive composer never goes deeper than this.
    static let libyamlMaximumDepth = 1000

    /// 1-based line and column (in characters) of a UTF-8 byte offset.
    private static func position(ofByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        for scalar in text.unicodeScalars {
            if index >= offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += UTF8.width(scalar)
        }
        return (line, column)
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int, file: String,
                                resolution: ScalarResolution) throws(InputError) -> DocNode {
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
            value = scalarValue(scalar, node: node, resolution: resolution)
        case .mapping(let mapping):
            var members = [DocNode.Member]()
            members.reserveCapacity(mapping.count)
            for (key, child) in mapping {
                let name = key.string ?? "\(key)"
                members.append(DocNode.Member(key: name, value: try convert(child, depth: depth + 1, budget: &budget, file: file, resolution: resolution),
                                              keyLine: key.mark?.line ?? 0, keyColumn: key.mark?.column ?? 0))
            }
            value = .object(members)
        case .sequence(let sequence):
            var elements = [DocNode]()
            for child in sequence {
                elements.append(try convert(child, depth: depth + 1, budget: &budget, file: file, resolution: resolution))
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

    private static func scalarValue(_ scalar: Node.Scalar, node: Node, resolution: ScalarResolution) -> DocNode.Value {
        if scalar.style != .plain { return .string(scalar.string) }
        let tag = node.tag.description
        if resolution == .builtIn && tag == "tag:yaml.org,2002:str" {
            // Untagged: `.basic` tagged it `str` without looking; decide as Yams' default would.
            switch YAMLPlainScalar.resolve(scalar.string) {
            case .null: return .null
            case .bool: return .bool(["true", "yes", "on"].contains(scalar.string.lowercased()))
            case .number: return .number(scalar.string)
            case .string: return .string(scalar.string)
            }
        }
        switch tag {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return .bool(node.bool ?? false)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float": return .number(scalar.string)
        default: return .string(scalar.string)
        }
    }
}
