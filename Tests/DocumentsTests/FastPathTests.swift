import Foundation
import Testing
@testable import Documents

/// The reader's speed-ups (bytes parsed without a String copy, shared member names, pointers joined
/// on demand, columns kept in O(1)) must not change a single value, position, pointer or error.
struct FastPathTests {
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")

    /// Every value with its position and the pointer a cursor gives it, one line each.
    private func describe(_ cursor: Cursor, into lines: inout [String]) {
        let node = cursor.node
        let head = "\(cursor.pointer) @\(node.line):\(node.column)"
        switch node.value {
        case .object:
            lines.append(head + " {}")
            for member in cursor.members { describe(member.value, into: &lines) }
        case .array:
            lines.append(head + " []")
            for element in cursor.elements { describe(element, into: &lines) }
        case .string(let text): lines.append(head + " s:" + text)
        case .number(let text): lines.append(head + " n:" + text)
        case .bool(let flag): lines.append(head + " b:\(flag)")
        case .null: lines.append(head + " null")
        case .tagged(let tag, _): lines.append(head + " " + tag)
        }
    }

    private func lines(_ document: Document) -> [String] {
        var lines = [String]()
        describe(document.cursor, into: &lines)
        return lines
    }

    @Test func everyJSONFixtureReadsTheSameFromBytesAsFromText() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count > 20)
        var compared = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
            guard let text = try? SourceText.decode(bytes, file: file),
                  let fromText = try? Document.parse(text, file: file) else { continue }
            let fromBytes = try Document.parse(bytes: bytes, file: file)
            #expect(lines(fromBytes) == lines(fromText), "\(file)")
            compared += 1
        }
        #expect(compared > 20)
    }

    /// A UTF-8 byte-order mark (Notepad, PowerShell's `utf8BOM`) is passed over in the bytes, not
    /// decoded into a copy: the same tree, positions and errors as decoding the text first.
    @Test func aByteOrderMarkIsReadInPlaceWithTheSamePositions() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var compared = 0
        for file in files {
            let bytes = try [0xEF, 0xBB, 0xBF] + [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
            let fromText = Result { () throws(InputError) in try Document.parse(try SourceText.decode(bytes, file: file), file: file) }
            let fromBytes = Result { () throws(InputError) in try Document.parse(bytes: bytes, file: file) }
            switch (fromText, fromBytes) {
            case (.success(let text), .success(let direct)):
                #expect(lines(direct) == lines(text), "\(file)")
                compared += 1
            case (.failure(let text), .failure(let direct)):
                #expect(direct.description == text.description, "\(file)")
            default:
                Issue.record("\(file): decoded \(fromText), in place \(fromBytes)")
            }
        }
        #expect(compared > 20)
        // Errors on the first line count columns from after the mark.
        #expect(throws: InputError.self) { try Document.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": tru}".utf8), file: "f") }
        let error = Result { () throws(InputError) in try Document.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": tru}".utf8), file: "f") }
        if case .failure(let failure) = error { #expect(failure.column == 7) } else { Issue.record("must fail") }
    }

    @Test func invalidUTF8InsideAStringIsTheSameErrorFromBytes() {
        let bytes = Array("{\n \"a\": \"".utf8) + [0xFF] + Array("\"}".utf8)
        // The same line as decoding the text first gives (SourceText's message, at 2:8).
        var expected: InputError?
        do { _ = try SourceText.decode(bytes, file: "bad.json") } catch { expected = error }
        #expect(expected?.line == 2 && expected?.column == 8)
        #expect {
            _ = try Document.parse(bytes: bytes, file: "bad.json")
        } throws: { error in
            (error as? InputError) == expected
        }
        // A truncated multi-byte sequence just before the closing quote, and an overlong encoding.
        for bad: [UInt8] in [[0xE2, 0x82], [0xC0, 0xAF]] {
            #expect(throws: InputError.self) { try Document.parse(bytes: Array("{\"k\": \"x".utf8) + bad + Array("\"}".utf8), file: "f") }
        }
    }

    @Test func columnsCountScalarsAfterNonASCIITextAndEscapes() throws {
        // "é" is 2 bytes, "😀" 4, and the escaped quote 2 bytes for 1 scalar... columns count scalars.
        let text = "{\"é😀\": \"a\\\"é\", \"next\": [true, \"€\", 7]}"
        let root = try Document.parse(bytes: Array(text.utf8), file: "f").root
        let next = try #require(root["next"])
        #expect((next.line, next.column) == (1, 24))
        #expect(next.elements?.map(\.column) == [25, 31, 36])
    }

    @Test func repeatedLongMemberNamesStayCorrectEvenPastTheSharedTable() throws {
        // 5,000 distinct long names (more than the table shares) and one name repeated 3,000 times.
        var text = "{"
        for i in 0..<5000 { text += "\"OriginAccessIdentity\(i)\": \(i)," }
        text += "\"items\": ["
        text += (0..<3000).map { "{\"OriginAccessIdentity\": \"E\($0)\", \"S3OriginConfigurationName\": \($0)}" }.joined(separator: ",")
        text += "]}"
        let root = try Document.parse(bytes: Array(text.utf8), file: "f").root
        for i in [0, 1, 2047, 2048, 4999] {
            #expect(root["OriginAccessIdentity\(i)"].map { if case .number(let n) = $0.value { n } else { "" } } == "\(i)")
        }
        let items = try #require(root["items"]?.elements)
        #expect(items.count == 3000)
        #expect(items[2999]["OriginAccessIdentity"]?.string == "E2999")
        #expect(items[1234]["S3OriginConfigurationName"] != nil)
    }

    @Test func pointersAreEscapedAndCompleteAtAnyDepth() throws {
        let text = #"{"a/b": {"c~d": [{"e": {"f": {"g": {"h": 1}}}}]}}"#
        let cursor = try Document.parse(bytes: Array(text.utf8), file: "f").cursor
        let viaSubscripts = cursor["a/b"]?["c~d"]?.elements.first?["e"]?["f"]?["g"]?["h"]
        #expect(viaSubscripts?.pointer == "/a~1b/c~0d/0/e/f/g/h")
        #expect(viaSubscripts?.location.description == "f:1:42")
        let viaMembers = cursor.members.first?.value.members.first?.value.elements.first
        #expect(viaMembers?.pointer == "/a~1b/c~0d/0")
        var moved = try #require(viaSubscripts)
        moved.pointer = "/elsewhere"
        #expect(moved.pointer == "/elsewhere")
        #expect(moved["x"] == nil)
        let elements = try #require(cursor["a/b"]?["c~d"]?.elements)
        #expect(elements.map(\.pointer) == ["/a~1b/c~0d/0"])
    }

    @Test func indexesOfManyDigitsInPointers() throws {
        let text = "[" + (0..<1234).map(String.init).joined(separator: ",") + "]"
        let elements = try Document.parse(bytes: Array(text.utf8), file: "f").cursor.elements
        #expect(elements[0].pointer == "/0")
        #expect(elements[10].pointer == "/10")
        #expect(elements[1233].pointer == "/1233")
    }
}
