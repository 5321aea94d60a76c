import Testing
@testable import CloudFrontModel

/// Every value of a real export replaced, one at a time, by a value of each other JSON type:
/// the loader must load it or refuse it with an InputError that names the file — never crash.
struct WrongTypeTests {
    static let replacements: [DocNode.Value] = [
        .string("x"), .number("-1"), .null, .bool(true), .array([]), .object([]),
    ]

    /// The document with the value at `path` (indices of members/elements) replaced.
    static func replacing(_ node: DocNode, at path: ArraySlice<Int>, with value: DocNode.Value) -> DocNode {
        guard let index = path.first else { return DocNode(value, line: node.line, column: node.column) }
        var copy = node
        switch node.value {
        case .object(var members):
            members[index].value = replacing(members[index].value, at: path.dropFirst(), with: value)
            copy.value = .object(members)
        case .array(var elements):
            elements[index] = replacing(elements[index], at: path.dropFirst(), with: value)
            copy.value = .array(elements)
        default:
            break
        }
        return copy
    }

    static func paths(_ node: DocNode, prefix: [Int] = []) -> [[Int]] {
        var result = [prefix]
        switch node.value {
        case .object(let members):
            for (index, member) in members.enumerated() { result += paths(member.value, prefix: prefix + [index]) }
        case .array(let elements):
            for (index, element) in elements.enumerated() { result += paths(element, prefix: prefix + [index]) }
        default:
            break
        }
        return result
    }

    @Test func everyFieldWithEveryWrongTypeLoadsOrFailsCleanly() throws {
        let document = try Fixtures.document("distributions/app-alb-and-s3.get-distribution.json")
        var loaded = 0, refused = 0
        for path in Self.paths(document.root) {
            for value in Self.replacements {
                let mutated = Document(file: document.file, root: Self.replacing(document.root, at: path[...], with: value),
                                       syntax: .json)
                do {
                    _ = try InputLoader.load(mutated)
                    loaded += 1
                } catch {
                    refused += 1
                    #expect(error.file == document.file)
                }
            }
        }
        #expect(loaded > 0 && refused > 0)
    }
}
