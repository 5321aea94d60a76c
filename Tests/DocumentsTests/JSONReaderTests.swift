import Testing
@testable import Documents

struct JSONReaderTests {
    private func parse(_ text: String) throws(InputError) -> DocNode {
        try JSONReader.parse(text, file: "t.json")
    }

    @Test func keepsLineAndColumnOfEveryValue() throws {
        let root = try parse("{\n  \"Origins\": {\n    \"Quantity\": 1,\n    \"Id\": \"é€😀x\", \"Next\": true\n  }\n}")
        let origins = try #require(root["Origins"])
        #expect((origins.line, origins.column) == (2, 14))
        #expect((origins["Quantity"]!.line, origins["Quantity"]!.column) == (3, 17))
        // Columns count Unicode scalars, like editors and Yams: "é€😀x" is 4 characters wide.
        #expect((origins["Next"]!.line, origins["Next"]!.column) == (4, 27))
    }

    @Test func decodesSurrogatePairsAndEscapes() throws {
        // What Python's json.dumps(ensure_ascii=True) writes for an emoji; Yams rejects it.
        let root = try parse(#"{"Comment": "\ud83d\ude80 launch \u00e9\n\t\"q\" \/"}"#)
        #expect(root["Comment"]?.string == "🚀 launch é\n\t\"q\" /")
    }

    @Test func acceptsLongKeysAndStrings() throws {
        let key = String(repeating: "k", count: 5000)
        let root = try parse("{\"\(key)\": \"\(String(repeating: "v", count: 100_000))\"}")
        #expect(root[key]?.string?.count == 100_000)
    }

    @Test func keepsNumbersExactly() throws {
        let root = try parse(#"{"MaxTTL": 31536000, "Big": 123456789012345678901234567890, "F": -1.5e3}"#)
        #expect(root["MaxTTL"].map { if case .number(let n) = $0.value { n } else { "" } } == "31536000")
        #expect(root["Big"].map { if case .number(let n) = $0.value { n } else { "" } } == "123456789012345678901234567890")
    }

    @Test(arguments: [
        ("{\"a\": 1,\n \"b\": 2,}", 2, 9, "expected a member name"),
        ("{\"a\": 1\n \"b\": 2}", 2, 2, "is a comma missing?"),
        ("{\"a\": [1, 2", 1, 12, "truncated"),
        ("{\"a\": \"open", 1, 7, "unterminated string"),
        ("", 1, 1, "empty document"),
        ("{\"a\": tru}", 1, 7, "invalid literal"),
        ("{\"a\": 01}", 1, 8, "expected ',' or '}'"),
        ("{\"a\": \"\\x\"}", 1, 8, "invalid escape"),
        ("{} {}", 1, 4, "after the JSON value"),
    ])
    func reportsMalformedJSONWithPosition(text: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }

    @Test func refusesDeepNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: InputError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try parse(fine) }
    }

    @Test func lastDuplicateKeyWins() throws {
        #expect(try parse(#"{"a": 1, "a": "two"}"#)["a"]?.string == "two")
    }
}
