import Testing
@testable import Documents

struct SourceTextTests {
    @Test func stripsUTF8ByteOrderMark() throws {
        let text = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8), file: "f")
        #expect(text == "{\"a\": 1}")
    }

    @Test func decodesUTF16WithBOMAndCRLFAsPowerShellWrites() throws {
        let source = "{\r\n  \"Comment\": \"é\"\r\n}\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in source.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = try Document.parse(bytes: bytes, file: "ps.json")
        #expect(document.root["Comment"]?.string == "é")
        #expect(document.root["Comment"]?.line == 2)
        var bigEndian: [UInt8] = [0xFE, 0xFF]
        for unit in source.utf16 { bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try Document.parse(bytes: bigEndian, file: "be.json").root["Comment"]?.string == "é")
    }

    @Test func rejectsInvalidUTF8WithItsPosition() {
        #expect {
            _ = try SourceText.decode(Array("{\n \"a\": \"".utf8) + [0xFF] + Array("\"}".utf8), file: "bad.json")
        } throws: { error in
            (error as? InputError).map { $0.line == 2 && $0.column == 8 && $0.message.hasPrefix("invalid UTF-8 at byte offset 9 (byte 0xFF): expected UTF-8 text") } ?? false
        }
    }

    @Test func refusesFilesOverTheLimit() {
        #expect(throws: InputError.self) { try SourceText.decode([UInt8](repeating: 0x20, count: 11), file: "f", maximumBytes: 10) }
    }
}
