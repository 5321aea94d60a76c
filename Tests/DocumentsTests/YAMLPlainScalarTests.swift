import Foundation
import Testing
import Yams
@testable import Documents

/// The built-in plain-scalar rules must accept exactly what Yams' default resolver patterns accept:
/// the ground truth is Yams' own regular expressions (`Resolver.Rule.bool.pattern`, …), run here
/// with NSRegularExpression as Yams runs them.
struct YAMLPlainScalarTests {
    /// Every string over a small alphabet that reaches every branch of the patterns, up to four
    /// characters, plus longer hand-picked forms (sexagesimal, exponents, spellings).
    static let candidates: [String] = {
        let alphabet = ["0", "1", "5", "7", "8", "9", "_", "-", "+", ".", ":", "e", "E", "x", "o", "b", "a", "F"]
        var strings = [""]
        var frontier = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            strings += frontier
        }
        strings += [
            "true", "True", "TRUE", "tRue", "yes", "Yes", "YES", "yEs", "y", "n", "no", "No", "NO", "nO",
            "on", "On", "ON", "oN", "off", "Off", "OFF", "oFF", "false", "False", "FALSE", "FaLse",
            "null", "Null", "NULL", "nULL", "~", "~~", "Nil", "none",
            ".inf", ".Inf", ".INF", "-.inf", "+.INF", ".iNF", "inf", ".nan", ".NaN", ".NAN", ".Nan", "-.nan",
            "190:20:30", "190:20:30.15", "-1:61", "1:5", "1:05", "1:60", "1:59:59", "0:30", "12:345",
            "1:2:3.", "1:2:3.4_5", "1.5e10", "1.5e+10", "1.5E-10", "1e", "1e+", ".5e+3", ".5e3", "._", "0x_",
            "0xFF", "0xfg", "0b101", "0b2", "0o17", "0o8", "017", "018", "1_000", "_1", "1__", "12e3_",
            "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "=", "443", "-0", "+0", "00", "0.", "-.5",
            "arn:aws:s3:::bucket", "examplebucket.s3.eu-west-1.amazonaws.com", "30", "86400", "3600s",
        ]
        return strings
    }()

    static func yamsTag(_ string: String) throws -> YAMLPlainScalar {
        func matches(_ rule: Resolver.Rule) throws -> Bool {
            let regex = try NSRegularExpression(pattern: rule.pattern)
            return regex.firstMatch(in: string, range: NSRange(location: 0, length: string.utf16.count)) != nil
        }
        // Yams' order: bool, int, float, merge, null, timestamp, value; the first match wins.
        if try matches(.bool) { return .bool }
        if try matches(.int) || matches(.float) { return .number }
        if try matches(.null) { return .null }
        return .string
    }

    @Test func agreesWithYamsPatternsOnEveryCandidate() throws {
        var disagreements = [String]()
        for candidate in Self.candidates {
            let expected = try Self.yamsTag(candidate)
            let actual = YAMLPlainScalar.resolve(candidate)
            if expected != actual { disagreements.append("\(candidate.debugDescription): Yams \(expected), ours \(actual)") }
        }
        #expect(Self.candidates.count > 100_000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("X: 443", "number"), ("X: true", "bool"), ("X: Off", "bool"), ("X: ~", "null"),
        ("X: 1:30", "number"), ("X: .5", "number"), ("X: 0x1F", "number"), ("X: 2001-12-14", "string"),
        ("X: '443'", "string"), ("X: !!str true", "string"), ("X: ! 443", "string"), ("X: !!int 443", "number"),
        ("X: !Ref Port", "tagged"), ("X: Yes", "bool"), ("X: 1_000", "number"), ("X: null", "null"),
    ])
    func readsScalarsAsYamsDefaultResolverDoes(yaml: String, kind: String) throws {
        let root = try YAMLReader.parse(yaml, file: "t.yaml")
        let node = try #require(root["X"])
        let found: String
        switch node.value {
        case .number: found = "number"
        case .bool: found = "bool"
        case .null: found = "null"
        case .string: found = "string"
        case .tagged: found = "tagged"
        case .object, .array: found = "collection"
        }
        #expect(found == kind, "\(yaml)")
    }

    @Test func bothResolutionsReadEveryYAMLFixtureAlike() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../")
        let directories = ["fixtures/iac/cloudformation", "Fuzz/corpus/yaml"]
        var compared = 0
        for directory in directories {
            let folder = root.appendingPathComponent(directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
                      let yams = try? YAMLReader.parse(text, file: name, resolution: .yams) else { continue }
                let builtIn = try YAMLReader.parse(text, file: name, resolution: .builtIn)
                #expect(Self.describe(builtIn) == Self.describe(yams), "\(directory)/\(name)")
                compared += 1
            }
        }
        #expect(compared >= 15)
    }

    @Test func explicitStandardTagsTakeYamsResolver() {
        #expect(YAMLReader.ScalarResolution(for: "A: !Ref B\nC: !Sub x") == .builtIn)
        #expect(YAMLReader.ScalarResolution(for: "A: !!str true") == .yams)
        #expect(YAMLReader.ScalarResolution(for: "A: ! 5") == .yams)
        #expect(YAMLReader.ScalarResolution(for: "A: !<tag:yaml.org,2002:str> 5") == .yams)
        #expect(YAMLReader.ScalarResolution(for: "%TAG ! tag:yaml.org,2002:\n---\nA: !str 5") == .yams)
    }

    static func describe(_ node: DocNode) -> String {
        let at = "@\(node.line):\(node.column)"
        switch node.value {
        case .object(let members):
            return "{" + members.map { "\($0.key)@\($0.keyLine):\($0.keyColumn)=" + describe($0.value) }.joined(separator: ",") + "}" + at
        case .array(let elements): return "[" + elements.map(describe).joined(separator: ",") + "]" + at
        case .string(let s): return "s\(s.debugDescription)" + at
        case .number(let n): return "n\(n)" + at
        case .bool(let b): return "b\(b)" + at
        case .null: return "null" + at
        case .tagged(let tag, let inner): return "\(tag)(" + describe(inner) + ")" + at
        }
    }
}
