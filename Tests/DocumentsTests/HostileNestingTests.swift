import Testing
@testable import Documents

/// Issue 14: no recursion a 100,000-deep document can overflow. Each reader refuses the input at
/// its limit with the position where the limit was passed, and nothing deeper is ever built.
struct HostileNestingTests {
    static let depth = 100_000

    func expectRefused(_ text: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            _ = try Document.parse(text, file: "deep")
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.line != nil && error.column != nil && error.message.contains(message)
        }
    }

    @Test func jsonObjectsAndArraysMixed() {
        let open = String(repeating: #"{"a":["#, count: Self.depth / 2)
        expectRefused(open + String(repeating: "]}", count: Self.depth / 2), "nesting deeper than 512 levels")
    }

    @Test func truncatedDeepJSONIsStillRefusedByDepth() {
        // An attacker need not close anything: the limit is reached while opening.
        expectRefused(String(repeating: "[", count: Self.depth), "nesting deeper than 512 levels")
    }

    @Test func yamlFlowSequences() {
        expectRefused("a: " + String(repeating: "[", count: Self.depth) + String(repeating: "]", count: Self.depth),
                      "nesting deeper than 1000 levels")
    }

    @Test func yamlFlowMappings() {
        expectRefused("a: " + String(repeating: "{b: ", count: Self.depth) + String(repeating: "}", count: Self.depth),
                      "nesting deeper than 1000 levels")
    }

    @Test func yamlBlockMappingsPassOurLimitBeforeLibyamls() {
        // Block nesting costs indentation, so 600 levels are 180 KB: libyaml accepts them, our
        // conversion refuses at 512.
        let text = (0..<600).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v\n"
        expectRefused(text, "nesting deeper than 512 levels")
    }

    @Test func yamlBlockSequencesRefusedByLibyaml() {
        let text = (0..<1_200).map { String(repeating: "  ", count: $0) + "-" }.joined(separator: "\n") + " v\n"
        expectRefused(text, "nesting deeper than")
    }

    @Test func depthJustUnderTheLimitsLoads() throws {
        let json = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(try Document.parse(json, file: "ok.json").syntax == .json)
        let yaml = "a: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(try Document.parse(yaml, file: "ok.yaml").syntax == .yaml)
    }

    @Test func yamlAliasFanOutIsBoundedEvenWithoutDeepNesting() {
        // One anchor referenced 600,000 times in a flat list: 600k nodes once expanded.
        let text = "a: &a x\nb: [" + Array(repeating: "*a", count: 600_000).joined(separator: ",") + "]\n"
        expectRefused(text, "more than 500000 nodes")
    }
}
