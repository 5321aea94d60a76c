import Documents
import Foundation

/// A JSON Schema (draft 4) validator for exactly the keywords the SARIF 2.1.0 schema uses:
/// `type`, `$ref` (local `#/definitions/…`), `properties`, `required`, `additionalProperties`,
/// `items`, `minItems`, `uniqueItems`, `enum`, `minimum`, `maximum`, `pattern`, `anyOf`,
/// `oneOf`. `format` is not checked (annotation only in draft 4 unless asked for); the
/// descriptive keywords are skipped. Any other keyword stops validation with an error, so the
/// validator cannot pass a document by not understanding its schema.
///
/// Why write one: the project takes no dependency for a test, Swift has no JSON Schema library in
/// ours, and walking required/enums/types by hand would check less than the schema says. The same
/// output is also checked once with python-jsonschema (scripts/validate-sarif.py) to cross-check
/// this validator.
struct JSONSchemaValidator {
    let root: DocNode

    static let ignored: Set<String> = ["description", "default", "title", "$schema", "id", "definitions", "format"]
    static let understood: Set<String> = ["type", "$ref", "properties", "required", "additionalProperties", "items", "minItems",
                                          "uniqueItems", "enum", "minimum", "maximum", "pattern", "anyOf", "oneOf"]

    init(schema: DocNode) { root = schema }

    func errors(in value: DocNode) -> [String] {
        var errors = [String]()
        validate(value, root, at: "", into: &errors)
        return errors
    }

    private func validate(_ value: DocNode, _ schema: DocNode, at path: String, into errors: inout [String]) {
        guard let keywords = schema.members else { errors.append("\(path): schema is not an object"); return }
        for keyword in keywords.map(\.key) where !Self.ignored.contains(keyword) && !Self.understood.contains(keyword) {
            errors.append("\(path): unsupported schema keyword \(keyword)")
        }
        if let reference = schema["$ref"]?.string {
            guard reference.hasPrefix("#/definitions/"), let target = root["definitions"]?[String(reference.dropFirst(14))] else {
                errors.append("\(path): unresolvable $ref \(reference)"); return
            }
            validate(value, target, at: path, into: &errors)
        }
        if let type = schema["type"] {
            let allowed = type.elements?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value.kindName)")
                return
            }
        }
        if let options = schema["enum"]?.elements, !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(Self.describe(value)) is not one of \(options.map(Self.describe).joined(separator: ", "))")
        }
        if let minimum = schema["minimum"].flatMap(Self.number), let number = Self.number(value), number < minimum {
            errors.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if let maximum = schema["maximum"].flatMap(Self.number), let number = Self.number(value), number > maximum {
            errors.append("\(path): \(number) is above the maximum \(maximum)")
        }
        if let pattern = schema["pattern"]?.string, let text = value.string {
            let expression = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression?.firstMatch(in: text, range: range) == nil { errors.append("\(path): '\(text)' does not match \(pattern)") }
        }
        if let members = value.members {
            let properties = schema["properties"]?.members ?? []
            for required in schema["required"]?.elements?.compactMap(\.string) ?? [] where value[required] == nil {
                errors.append("\(path): missing required property \(required)")
            }
            for member in members {
                let childPath = "\(path)/\(member.key)"
                if let property = properties.first(where: { $0.key == member.key }) {
                    validate(member.value, property.value, at: childPath, into: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional.value {
                        errors.append("\(childPath): property not allowed")
                    } else if additional.members != nil {
                        validate(member.value, additional, at: childPath, into: &errors)
                    }
                }
            }
        }
        if let elements = value.elements {
            if let minimum = schema["minItems"].flatMap(Self.number), Double(elements.count) < minimum {
                errors.append("\(path): \(elements.count) items, at least \(Int(minimum)) required")
            }
            if case .bool(true)? = schema["uniqueItems"]?.value {
                for (index, element) in elements.enumerated() where elements[..<index].contains(where: { Self.equal($0, element) }) {
                    errors.append("\(path)/\(index): duplicate item")
                }
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { validate(element, items, at: "\(path)/\(index)", into: &errors) }
            }
        }
        if let alternatives = schema["anyOf"]?.elements {
            let passing = alternatives.filter { alternative in
                var nested = [String](); validate(value, alternative, at: path, into: &nested); return nested.isEmpty
            }
            if passing.isEmpty { errors.append("\(path): matches none of anyOf") }
        }
        if let alternatives = schema["oneOf"]?.elements {
            let passing = alternatives.filter { alternative in
                var nested = [String](); validate(value, alternative, at: path, into: &nested); return nested.isEmpty
            }
            if passing.count != 1 { errors.append("\(path): matches \(passing.count) of oneOf, exactly one required") }
        }
    }

    static func has(_ value: DocNode, type: String) -> Bool {
        switch (type, value.value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case ("integer", .number(let text)):
            return Int64(text) != nil
        default:
            return false
        }
    }

    static func number(_ node: DocNode) -> Double? {
        if case .number(let text) = node.value { return Double(text) }
        return nil
    }

    static func equal(_ a: DocNode, _ b: DocNode) -> Bool {
        switch (a.value, b.value) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return Double(x) == Double(y)
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { member in y.contains { $0.key == member.key && equal($0.value, member.value) } }
        default: return false
        }
    }

    static func describe(_ node: DocNode) -> String { node.string.map { "'\($0)'" } ?? node.kindName }
}
