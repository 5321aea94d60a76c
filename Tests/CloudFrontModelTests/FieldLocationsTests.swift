import Documents
import Testing
@testable import CloudFrontModel

/// Field locations are what a finding points at: set, replaced and cleared per field, and found
/// through dotted API member paths exactly as the export spells them.
struct FieldLocationsTests {
    static func at(_ line: Int) -> Documents.SourceLocation { Documents.SourceLocation(file: "f.json", line: line, column: 1, pointer: "/\(line)") }

    @Test func onlyLocatedFieldsAreKeptAndEachCanBeChanged() {
        var fields = FieldLocations<Behavior.Field> { field in field == .maxTTL ? Self.at(7) : field == .pathPattern ? Self.at(2) : nil }
        #expect(fields[.maxTTL] == Self.at(7))
        #expect(fields[.pathPattern] == Self.at(2))
        #expect(fields[.minTTL] == nil)
        fields[.minTTL] = Self.at(5)
        fields[.maxTTL] = Self.at(9)
        fields[.pathPattern] = nil
        #expect(fields[.minTTL] == Self.at(5))
        #expect(fields[.maxTTL] == Self.at(9))
        #expect(fields[.pathPattern] == nil)
        var empty = FieldLocations<Behavior.Field>()
        #expect(Behavior.Field.allCases.allSatisfy { empty[$0] == nil })
        empty[.cachePolicyId] = nil
        #expect(empty[.cachePolicyId] == nil)
    }

    @Test func dottedPathsWalkTheExportsMembers() throws {
        let text = #"{"ForwardedValues": {"QueryString": true, "Headers": {"Quantity": 0}}, "MinTTL": 0}"#
        let cursor = try Document.parse(bytes: Array(text.utf8), file: "b.json").cursor
        #expect(cursor[path: Behavior.Field.forwardedValuesQueryString]?.pointer == "/ForwardedValues/QueryString")
        #expect(cursor[path: Behavior.Field.forwardedValuesHeaders]?.location.description == "b.json:1:54")
        #expect(cursor[path: Behavior.Field.minTTL]?.pointer == "/MinTTL")
        #expect(cursor[path: Behavior.Field.forwardedValuesQueryStringCacheKeys] == nil)
    }
}

/// A value put together from two inputs keeps each field's own file (the file is stored once per
/// value, so a second file must not be mistaken for the first).
struct FieldLocationsAcrossFilesTests {
    @Test func aFieldFromAnotherFileKeepsItsFile() {
        let here = Documents.SourceLocation(file: "a.json", line: 3, column: 5, pointer: "/A")
        let there = Documents.SourceLocation(file: "b.yaml", line: 8, column: 2, pointer: "/Resources/B")
        var fields = FieldLocations<Behavior.Field> { $0 == .minTTL ? here : $0 == .maxTTL ? there : nil }
        #expect(fields[.minTTL] == here)
        #expect(fields[.maxTTL] == there)
        #expect(fields[.maxTTL]?.file == "b.yaml")
        fields[.defaultTTL] = there
        fields[.minTTL] = there
        #expect(fields[.defaultTTL] == there && fields[.minTTL] == there && fields[.maxTTL] == there)
    }

    @Test func fieldsUnderAnotherPointerKeepTheirPointer() throws {
        let text = #"{"A": {"MinTTL": 1, "ForwardedValues": {"QueryString": true}}, "B": {"MaxTTL": 2}}"#
        let root = try Document.parse(bytes: Array(text.utf8), file: "t.json").cursor
        let a = try #require(root["A"]), b = try #require(root["B"])
        let fields = FieldLocations<Behavior.Field> { field in
            switch field {
            case .minTTL, .forwardedValuesQueryString: a[path: field]?.location
            case .maxTTL: b[path: field]?.location
            default: nil
            }
        }
        #expect(fields[.minTTL]?.pointer == "/A/MinTTL")
        #expect(fields[.forwardedValuesQueryString]?.pointer == "/A/ForwardedValues/QueryString")
        #expect(fields[.forwardedValuesQueryString]?.line == 1 && fields[.forwardedValuesQueryString]?.column == 56)
        #expect(fields[.maxTTL]?.pointer == "/B/MaxTTL")
        #expect(fields[.maxTTL]?.file == "t.json")
    }
}
