import Foundation
import Testing
@testable import Documents

/// A large input file is mapped, and the JSON reader hands back the pages it has read as it goes.
/// Nothing a user sees may change: the same tree, the same positions, the same errors, even when
/// an error's column is counted from the start of a line whose pages were handed back.
struct InputBytesTests {
    /// One line of JSON, several times `JSONReader.releaseStride`, with multi-byte characters all
    /// along it (a column counts Unicode scalars, so it depends on every byte before it).
    static func longLine(objects: Int, tail: String) -> [UInt8] {
        let text = String(repeating: "é日x", count: 60)
        var out = "["
        for index in 0..<objects {
            if index > 0 { out += "," }
            out += "{\"n\":\(index),\"t\":\"\(text)\"}"
        }
        return Array((out + tail).utf8)
    }

    static func mapped(_ bytes: [UInt8]) throws -> InputBytes {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-input-\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        // The mapping outlives the descriptor and the file's name.
        return try #require(InputBytes(mapping: descriptor, count: bytes.count))
    }

    @Test func aMappedFileHasTheFilesBytesEvenAfterItsPagesAreHandedBack() throws {
        let bytes = Self.longLine(objects: 2_000, tail: "]")
        let contents = try Self.mapped(bytes)
        #expect(contents.isMapped)
        #expect(contents.count == bytes.count)
        contents.releaseRead(from: 0, to: bytes.count)
        #expect(contents.bytes == bytes)
        #expect(contents.withUnsafeBufferPointer { Array($0) } == bytes)
    }

    @Test func aLongLineParsesTheSameMappedAsInMemory() throws {
        let bytes = Self.longLine(objects: 25_000, tail: "]")
        #expect(bytes.count > 2 * JSONReader.releaseStride)
        let fromMemory = try JSONReader.parse(bytes: bytes, file: "a.json")
        let fromMapping = try JSONReader.parse(contents: Self.mapped(bytes), file: "a.json", streaming: [])
        let last = { (root: DocNode) in root.elements?.last.map { "\($0.line):\($0.column) \($0["n"]?.value ?? .null)" } }
        #expect(fromMemory.elements?.count == 25_000)
        #expect(fromMapping.elements?.count == 25_000)
        #expect(last(fromMapping) == last(fromMemory))
        #expect(fromMapping.elements?[12_345]["t"]?.string == fromMemory.elements?[12_345]["t"]?.string)
    }

    @Test(arguments: ["] x", ",", ",{\"n\":1,\"t\":\"\u{1}\"}]", "]]"])
    func anErrorAtTheEndOfALongLineIsTheSameMapped(tail: String) throws {
        let bytes = Self.longLine(objects: 20_000, tail: tail)
        let contents = try Self.mapped(bytes)
        let fromMemory = Result { () throws(InputError) in try JSONReader.parse(bytes: bytes, file: "a.json") }
        let fromMapping = Result { () throws(InputError) in try JSONReader.parse(contents: contents, file: "a.json", streaming: []) }
        guard case .failure(let memoryError) = fromMemory, case .failure(let mappedError) = fromMapping else {
            Issue.record("both must fail: \(fromMemory), \(fromMapping)")
            return
        }
        #expect(mappedError.description == memoryError.description)
        // The column counts the scalars of the whole line, past thousands of multi-byte characters.
        #expect((memoryError.column ?? 0) > 1_000_000)
    }

    @Test func aDocumentFromMappedBytesIsTheDocumentFromTheArray() throws {
        let bytes = Self.longLine(objects: 5_000, tail: "]")
        let document = try Document.parse(contents: Self.mapped(bytes), file: "a.json", streaming: [])
        #expect(document.syntax == .json)
        #expect(document.root.elements?.count == 5_000)
        // Not JSON at the start: the general path (YAML here) reads the mapped bytes too.
        let yaml = Array("a: 1\nb: [2, 3]\n".utf8) + Array(repeating: UInt8(ascii: "#"), count: 10)
        let fromYAML = try Document.parse(contents: Self.mapped(yaml), file: "a.yaml", streaming: [])
        #expect(fromYAML.syntax == .yaml)
        #expect(fromYAML.root["b"]?.elements?.count == 2)
    }
}
