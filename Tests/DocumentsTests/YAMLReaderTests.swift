import Testing
@testable import Documents

struct YAMLReaderTests {
    @Test func keepsCloudFormationTagsAndPositions() throws {
        let yaml = """
            Resources:
              Dist:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DomainName: !GetAtt Bucket.RegionalDomainName
                  Port: 443
                  Quoted: "443"
            """
        let document = try Document.parse(yaml, file: "t.yaml")
        #expect(document.syntax == .yaml)
        let properties = try #require(document.root["Resources"]?["Dist"]?["Properties"])
        guard case .tagged(let tag, let inner) = properties["DomainName"]!.value else {
            Issue.record("expected a tagged value")
            return
        }
        #expect(tag == "!GetAtt")
        #expect(inner.string == "Bucket.RegionalDomainName")
        #expect(properties["DomainName"]?.line == 5)
        if case .number(let n) = properties["Port"]!.value { #expect(n == "443") } else { Issue.record("Port should be a number") }
        #expect(properties["Quoted"]?.string == "443")
    }

    @Test func reportsYAMLSyntaxErrorsWithPosition() {
        #expect {
            _ = try Document.parse("a: [1, 2\nb: 3\n", file: "bad.yaml")
        } throws: { error in
            (error as? InputError).map { $0.line != nil && $0.message.hasPrefix("invalid YAML") } ?? false
        }
    }

    @Test func stopsAliasBombsInsteadOfExpandingThem() {
        // "Billion laughs" in YAML: 10 references per level, 9 levels = 10^9 nodes if expanded.
        var bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            bomb += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect {
            _ = try Document.parse(bomb, file: "bomb.yaml")
        } throws: { error in
            (error as? InputError)?.message.contains("more than") ?? false
        }
    }
}
