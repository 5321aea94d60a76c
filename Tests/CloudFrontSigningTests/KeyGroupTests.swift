import Testing
@testable import CloudFrontSigning

/// `aws cloudfront get-key-group` / `list-key-groups` output, as the CLI prints it.
@Suite struct KeyGroupTests {
    @Test func getKeyGroupNamesItsPublicKeys() throws {
        let groups = try CloudFrontKeyGroup.load(try Fixtures.key("get-key-group.json"), file: "get-key-group.json")
        #expect(groups == [CloudFrontKeyGroup(id: "8f3e2d1c-4b5a-4697-a8b9-0c1d2e3f4a5b", name: "cfdoctor-test-group",
                                              publicKeyIDs: ["K2TESTKEYAAAAA"])])
    }

    @Test func listKeyGroupsReadsEveryGroup() throws {
        let groups = try CloudFrontKeyGroup.load(try Fixtures.key("list-key-groups.json"), file: "list-key-groups.json")
        #expect(groups.map(\.publicKeyIDs) == [["K2TESTKEYAAAAA"], ["K2TESTKEYBBBBB"]])
    }

    @Test func otherJSONIsRefusedWithWhere() throws {
        #expect { _ = try CloudFrontKeyGroup.load(try Fixtures.key("get-public-key.json"), file: "k.json") } throws: { error in
            (error as? CloudFrontSigningError)?.description.hasPrefix("k.json: no KeyGroup found") == true
        }
        #expect { _ = try CloudFrontKeyGroup.load(Array("{\"KeyGroup\": [".utf8), file: "k.json") } throws: { error in
            (error as? CloudFrontSigningError)?.description.hasPrefix("k.json: 1:") == true
        }
    }
}
