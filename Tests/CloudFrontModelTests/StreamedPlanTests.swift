import Foundation
import Documents
import Testing
@testable import CloudFrontModel

/// A Terraform plan in JSON is read with its `resource_changes` handed over one by one and the
/// `values` of `planned_values` not kept, its planned values read again from the bytes; a large
/// export is mapped. Whatever the input, the result and the errors must be those of the whole tree.
struct StreamedPlanTests {
    static var plan: [String: Any] {
        guard let bytes = try? Fixtures.bytes("iac/terraform/plan-modules.plan.json"),
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return [:] }
        return object
    }

    static func text(_ object: Any, sorted: Bool = false) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: sorted ? [.prettyPrinted, .sortedKeys] : [.prettyPrinted])) ?? Data()
        return [UInt8](data)
    }

    static var changes: [[String: Any]] { plan["resource_changes"] as? [[String: Any]] ?? [] }

    static func with(_ key: String, _ value: Any?) -> [String: Any] {
        var copy = plan
        copy[key] = value
        return copy
    }

    /// Plans built from the fixture, each testing one way the streamed reading could differ.
    static func variant(_ name: String) -> [UInt8] {
        switch name {
        case "as exported": return text(plan)
        case "keys sorted (resource_changes after planned_values, configuration first)": return text(plan, sorted: true)
        case "the distribution missing from resource_changes (older plans)":
            return text(with("resource_changes", changes.filter { ($0["type"] as? String) != "aws_cloudfront_distribution" }))
        case "no resource_changes at all": return text(with("resource_changes", nil))
        case "resource_changes not an array": return text(with("resource_changes", ["a": 1]))
        case "the distribution's change of another type":
            return text(with("resource_changes", changes.map { change in
                var change = change
                if (change["type"] as? String) == "aws_cloudfront_distribution" { change["type"] = "aws_other" }
                return change
            }))
        case "the distribution changed twice, the second time deleted":
            let deleted = changes.filter { ($0["type"] as? String) == "aws_cloudfront_distribution" }.map { change -> [String: Any] in
                var change = change
                change["change"] = ["actions": ["delete"], "before": [:] as [String: Any], "after": NSNull()]
                return change
            }
            return text(with("resource_changes", changes + deleted))
        case "every change twice": return text(with("resource_changes", changes + changes))
        case "resource_changes repeated, the last one read":
            var bytes = text(plan)
            let prefix = Array("{\"resource_changes\": [{\"address\": \"x.y\", \"mode\": \"managed\", \"type\": \"aws_cloudfront_distribution\"}],".utf8)
            bytes = prefix + bytes.dropFirst()
            return bytes
        case "planned values nested seven modules deep":
            var pv = plan["planned_values"] as? [String: Any] ?? [:]
            var module = pv["root_module"] as? [String: Any] ?? [:]
            for depth in 0..<7 { module = ["address": "module.m\(depth)", "child_modules": [module]] }
            pv["root_module"] = module
            return text(with("planned_values", pv))
        case "a syntax error after resource_changes":
            return Array(String(decoding: text(plan), as: UTF8.self).replacingOccurrences(of: "\"complete\"", with: "\"complete\" 1").utf8)
        case "with a UTF-8 byte-order mark (read through a decoded copy)": return [0xEF, 0xBB, 0xBF] + text(plan)
        case "UTF-16 LE with a byte-order mark":
            return [0xFF, 0xFE] + String(decoding: text(plan), as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "CRLF line ends": return Array(String(decoding: text(plan), as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case "minified": return [UInt8]((try? JSONSerialization.data(withJSONObject: plan)) ?? Data())
        case "truncated inside resource_changes":
            let whole = String(decoding: text(plan), as: UTF8.self)
            let start = whole.range(of: "\"resource_changes\"")!.upperBound
            return Array(whole[..<whole.index(start, offsetBy: 400)].utf8)
        default: return []
        }
    }

    static let names = [
        "as exported", "keys sorted (resource_changes after planned_values, configuration first)",
        "the distribution missing from resource_changes (older plans)", "no resource_changes at all",
        "resource_changes not an array", "the distribution's change of another type",
        "the distribution changed twice, the second time deleted", "every change twice",
        "resource_changes repeated, the last one read", "planned values nested seven modules deep",
        "a syntax error after resource_changes", "truncated inside resource_changes",
        "with a UTF-8 byte-order mark (read through a decoded copy)", "UTF-16 LE with a byte-order mark", "CRLF line ends", "minified",
    ]

    @Test(arguments: names)
    func everyPlanVariantLoadsAlike(name: String) {
        let bytes = Self.variant(name)
        #expect(!bytes.isEmpty)
        StreamedListTests.expectSame(bytes, Comment(rawValue: name), allowEmpty: true)
    }

    /// The variants do reach the paths they are meant for: a plan's distribution is read from its
    /// change, or from `planned_values` when the change is missing.
    @Test func theDistributionIsReadEitherWay() throws {
        for name in ["as exported", "the distribution missing from resource_changes (older plans)", "planned values nested seven modules deep",
                     "UTF-16 LE with a byte-order mark", "minified"] {
            let loaded = try InputLoader.load(bytes: Self.variant(name), file: "plan.json", options: LoadOptions())
            #expect(loaded.distributions.count == 1, Comment(rawValue: name))
            #expect(loaded.cachePolicies.count == 1, Comment(rawValue: name))
        }
        let deleted = try InputLoader.load(bytes: Self.variant("the distribution changed twice, the second time deleted"),
                                           file: "plan.json", options: LoadOptions())
        #expect(deleted.notes.contains { $0.contains("deletes the distribution") })
    }

    /// A planned resource's `values` are not kept when its change supplies them.
    @Test func plannedValuesAreSkippedOnlyWhereTheChangeHasThem() throws {
        let root = try JSONReader.parse(bytes: Self.variant("as exported"), file: "plan.json", streaming: nil,
                                        skipping: InputLoader.unreadPaths + InputLoader.plannedValuePaths)
        let resources = root["planned_values"]?["root_module"]?["resources"]?.elements ?? []
        #expect(!resources.isEmpty)
        #expect(resources.allSatisfy { $0["values"]?.members?.isEmpty == true && $0["address"]?.string != nil })
    }

    /// An export of more than a mebibyte (the size from which `check` maps a file): its
    /// distributions in order, with the first element error kept.
    static func largeList(_ count: Int, brokenAt broken: Int? = nil) throws -> [UInt8] {
        let bytes = try Fixtures.bytes("distributions/list-distributions.json")
        var root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var list = try #require(root["DistributionList"] as? [String: Any])
        let items = try #require(list["Items"] as? [[String: Any]])
        list["Items"] = (0..<count).map { index -> [String: Any] in
            var item = items[index % items.count]
            item["Id"] = "E\(index)"
            if index == broken { item["Origins"] = nil }
            return item
        }
        list["Quantity"] = count
        root["DistributionList"] = list
        return text(root)
    }

    @Test func aLargeExportLoadsAlike() throws {
        let bytes = try Self.largeList(700)
        #expect(bytes.count >= InputBytes.mappingThreshold)
        StreamedListTests.expectSame(bytes, "700 distributions")
        let loaded = try InputLoader.load(bytes: bytes, file: "list.json", options: LoadOptions())
        #expect(loaded.distributions.map(\.id) == (0..<700).map { "E\($0)" })
        StreamedListTests.expectSame(try Self.largeList(700, brokenAt: 333), "700 distributions, the 334th without Origins")
        let truncated = try Self.largeList(700)
        StreamedListTests.expectSame(Array(truncated.prefix(truncated.count * 2 / 3)), "700 distributions, truncated")
    }
}
