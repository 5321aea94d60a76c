import Foundation
import Documents
import Testing
@testable import CloudFrontModel

/// A `list-distributions` export in JSON is read one distribution at a time (its tree is never
/// whole in memory). Whatever the input, the result and the errors must be exactly those of
/// reading the whole tree and loading it, the way every other input is read.
struct StreamedListTests {
    /// Everything a finding can print about a distribution: IDs, hosts, behaviors and the file,
    /// line, column and JSON pointer of every located field.
    static func describe(_ loaded: LoadedInput) -> [String] {
        loaded.distributions.flatMap { distribution -> [String] in
            var lines = ["\(distribution.id ?? "-") \(distribution.domainName ?? "-") \(distribution.location) \(distribution.location.pointer)"]
            lines += Distribution.Field.allCases.map { "  \($0): \(distribution.fields[$0].map { "\($0) \($0.pointer)" } ?? "-")" }
            for origin in distribution.origins {
                lines.append(" origin \(origin.id) \(origin.domainName) \(origin.location.pointer)")
                lines += Origin.Field.allCases.map { "  \($0): \(origin.fields[$0].map { "\($0) \($0.pointer)" } ?? "-")" }
            }
            for behavior in distribution.behaviors {
                lines.append(" behavior \(behavior.displayName) → \(behavior.targetOriginId) \(behavior.location.pointer)")
                lines += Behavior.Field.allCases.map { "  \($0): \(behavior.fields[$0].map { "\($0) \($0.pointer)" } ?? "-")" }
            }
            return lines
        } + ["shape: \(loaded.shape)", "notes: \(loaded.notes)",
             "cache policies: \(loaded.cachePolicies.map { "\($0.id) \($0.name) \($0.location.map { "\($0) \($0.pointer)" } ?? "-")" })",
             "origin request policies: \(loaded.originRequestPolicies.map { "\($0.id) \($0.name) \($0.location.map { "\($0) \($0.pointer)" } ?? "-")" })",
             "inline ignores: \(loaded.inlineIgnores.map { "\($0.resource) \($0.rules) \($0.location) \($0.location.pointer)" })"]
    }

    static func whole(_ bytes: [UInt8], file: String = "list.json") -> Result<[String], InputError> {
        Result { () throws(InputError) in describe(try InputLoader.load(Document.parse(bytes: bytes, file: file), options: LoadOptions())) }
    }

    static func streamed(_ bytes: [UInt8], file: String = "list.json") -> Result<[String], InputError> {
        Result { () throws(InputError) in describe(try InputLoader.load(bytes: bytes, file: file, options: LoadOptions())) }
    }

    static func expectSame(_ bytes: [UInt8], _ comment: Comment, allowEmpty: Bool = false) {
        let whole = whole(bytes), streamed = streamed(bytes)
        switch (whole, streamed) {
        case (.success(let a), .success(let b)):
            #expect(a == b, comment)
            #expect(allowEmpty || a.count > 2, comment)
        case (.failure(let a), .failure(let b)):
            #expect(a.description == b.description, comment)
        default:
            Issue.record("\(comment): whole tree gave \(whole), streaming gave \(streamed)")
        }
    }

    static let list = { () -> String in
        let bytes = (try? Fixtures.bytes("distributions/list-distributions.json")) ?? []
        return String(decoding: bytes, as: UTF8.self)
    }()

    @Test func theFixtureExportLoadsAlike() throws {
        let bytes = try Fixtures.bytes("distributions/list-distributions.json")
        Self.expectSame(bytes, "list-distributions.json")
        let loaded = try InputLoader.load(bytes: bytes, file: "list.json", options: LoadOptions())
        #expect(loaded.distributions.count == 4)
        #expect(loaded.distributions.last?.location.pointer == "/DistributionList/Items/3")
    }

    static func variant(_ name: String) -> String {
        let text = list
        switch name {
        case "minified": return text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "    ", with: "")
        case "CRLF": return text.replacingOccurrences(of: "\n", with: "\r\n")
        case "an element without Origins": return text.replacingOccurrences(of: "\"Origins\"", with: "\"Origins_\"")
        case "an element error and a syntax error after it":
            return text.replacingOccurrences(of: "\"Origins\"", with: "\"Origins_\"").replacingOccurrences(of: "\"IsTruncated\": false", with: "\"IsTruncated\": fals")
        case "a syntax error inside the items": return text.replacingOccurrences(of: "\"Deployed\"", with: "\"Deployed\" \"x\"")
        case "truncated": return String(text.prefix(text.count / 2))
        case "Items repeated, the last one read":
            return text.replacingOccurrences(of: "\"IsTruncated\": false,", with: "\"Items\": [{\"Id\": \"EFIRST\"}],")
        case "DistributionList repeated": return "{\"DistributionList\": {\"Items\": [{\"Id\": \"EONLY\"}]}, " + text.dropFirst()
        case "also a DistributionConfig, which is read instead": return "{\"DistributionConfig\": " + (config ?? "{}") + ", " + text.dropFirst()
        case "Items repeated, the last one null":
            return text.replacingOccurrences(of: "\"IsTruncated\": false,", with: "\"IsTruncated\": false, \"Items\": null,")
                .replacingOccurrences(of: "\"Marker\"", with: "\"Marker0\"", options: [], range: nil)
                .movingFirstItemsToEnd
        case "DistributionList repeated, the last one without Items":
            return String(text.trimmingCharacters(in: .whitespacesAndNewlines).dropLast()) + ", \"DistributionList\": {}}"
        case "Items not an array": return #"{"DistributionList": {"Items": {"Id": "E1"}}}"#
        case "empty Items": return #"{"DistributionList": {"Items": []}}"#
        case "the path deeper down is not the list": return #"{"X": {"DistributionList": {"Items": [1]}}}"#
        default: return text
        }
    }

    @Test(arguments: [
        "minified", "CRLF", "an element without Origins", "an element error and a syntax error after it",
        "a syntax error inside the items", "truncated", "Items repeated, the last one read", "DistributionList repeated",
        "also a DistributionConfig, which is read instead", "Items not an array", "empty Items",
        "Items repeated, the last one null", "DistributionList repeated, the last one without Items",
        "the path deeper down is not the list",
    ])
    func everyVariantLoadsAlike(name: String) {
        Self.expectSame(Array(Self.variant(name).utf8), Comment(rawValue: name), allowEmpty: true)
    }

    static let config: String? = {
        guard let bytes = try? Fixtures.bytes("distributions/article-broken.get-distribution-config.json") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "\"DistributionConfig\":")?.upperBound, let end = text.lastIndex(of: "}") else { return nil }
        return String(text[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines).dropLastComma
    }()

    @Test func utf16WithByteOrderMarkLoadsAlike() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Self.list.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        Self.expectSame(utf16, "UTF-16 LE with BOM")
        #expect((try? Self.streamed(utf16).get().count) == (try? Self.whole(Array(Self.list.utf8)).get().count))
    }

    /// Every JSON input the repository has, through the path `check` takes (streamed lists, the
    /// unread parts of plans skipped) and through the whole tree: the same distributions, the same
    /// located fields, the same notes, the same errors.
    @Test(arguments: ["distributions", "iac/terraform", "iac/cloudformation", "bad", "awscli-examples", "policies"])
    func everyJSONFixtureLoadsAlike(directory: String) throws {
        let folder = Fixtures.root.appendingPathComponent(directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try Fixtures.bytes("\(directory)/\(name)")
            Self.expectSame(bytes, Comment(rawValue: "\(directory)/\(name)"), allowEmpty: true)
        }
    }

    @Test func aPlansUnreadPartsAreNotKept() throws {
        let plan = #"{"format_version": "1.2", "prior_state": {"values": {"root_module": {"resources": [1, 2, 3]}}}, "#
            + #""resource_changes": [{"change": {"before": {"a": [1]}, "after": {"b": 2}, "after_sensitive": {}}}]}"#
        let root = try JSONReader.parse(bytes: Array(plan.utf8), file: "p.json", streaming: nil, skipping: InputLoader.unreadPaths)
        #expect(root["prior_state"]?.members?.isEmpty == true)
        #expect(root["resource_changes"]?.elements?.first?["change"]?["before"]?.members?.isEmpty == true)
        #expect(root["resource_changes"]?.elements?.first?["change"]?["after"]?["b"] != nil)
        #expect(root["format_version"]?.string == "1.2")
        // A syntax error inside a skipped part is still found, where it is.
        let broken = plan.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 2 3]")
        #expect(throws: InputError.self) { try JSONReader.parse(bytes: Array(broken.utf8), file: "p.json", streaming: nil, skipping: InputLoader.unreadPaths) }
        let whole = Result { () throws(InputError) in try JSONReader.parse(bytes: Array(broken.utf8), file: "p.json") }
        let skipped = Result { () throws(InputError) in try JSONReader.parse(bytes: Array(broken.utf8), file: "p.json", streaming: nil, skipping: InputLoader.unreadPaths) }
        if case .failure(let a) = whole, case .failure(let b) = skipped { #expect(a.description == b.description) } else { Issue.record("both must fail") }
    }

    /// The reader hands the elements over in order, with their positions, and keeps none of them.
    @Test func theReaderHandsOverEachElementAndKeepsAnEmptyArray() throws {
        var seen = [(Int, Int)]()
        let stream = StreamedArray(path: ["A", "B"]) { node, position in seen.append((position, node.line)) }
        let text = "{\"A\": {\"n\": 1, \"B\": [\n{\"x\": 1},\n2,\n[3]]}, \"B\": [9]}"
        let root = try JSONReader.parse(bytes: Array(text.utf8), file: "t.json", streaming: stream)
        #expect(seen.map(\.0) == [0, 1, 2])
        #expect(seen.map(\.1) == [2, 3, 4])
        #expect(root["A"]?["B"]?.elements?.isEmpty == true)
        #expect(root["A"]?["n"] != nil)
        #expect(root["B"]?.elements?.count == 1)
        #expect(!stream.sawRepeatedName)
    }
}

extension String {
    fileprivate var dropLastComma: String { hasSuffix(",") ? String(dropLast()) : self }

    /// `"Items": null` written before the real Items moved after them, so null is the last one.
    fileprivate var movingFirstItemsToEnd: String {
        guard let null = range(of: "\"Items\": null,") else { return self }
        var text = self
        text.removeSubrange(null)
        guard let end = text.range(of: "]", options: .backwards) else { return self }
        text.insert(contentsOf: ", \"Items\": null", at: end.upperBound)
        return text
    }
}
