import Foundation
import Testing

/// docs/errors.md is what cfdoctor prints: every row's example is run and its message compared,
/// and every message is one line with exit status 2 and no stack trace (issue 14 §6).
@Suite struct ErrorCatalogTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        /// File name and contents, `stdin`, a directory (name ending in `/`), or nil for none.
        var input: (name: String, bytes: [UInt8])?
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let document = CLI.repository.appendingPathComponent("docs/errors.md")

    static var examples: [Example] {
        guard let text = try? String(contentsOf: document, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { $0.hasPrefix("| `cfdoctor ") }.compactMap { parse(String($0)) }
    }

    /// `| `cfdoctor ARGS` | INPUT | `MESSAGE` |`
    static func parse(_ row: String) -> Example? {
        var cells = [String]()
        var current = "", previous: Character = " "
        for character in row.dropFirst() {
            if character == "|", previous != "\\" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        guard cells.count == 3 else { return nil }
        let command = code(cells[0]).split(separator: " ").dropFirst().map(String.init)
        var input: (String, [UInt8])?
        if cells[1] != "—" {
            let name = String(cells[1].prefix { $0 != ":" && $0 != " " })
            if cells[1].hasSuffix("(directory)") {
                input = (name, [])
            } else if cells[1].hasSuffix("(empty)") {
                input = (name, [])
            } else {
                let spec = cells[1].drop { $0 != "`" }
                input = (name, expand(code(String(spec))))
            }
        }
        return Example(arguments: command, input: input, message: code(cells[2]))
    }

    /// The text of a code span, with `\|` (needed inside a table) back to `|`.
    static func code(_ cell: String) -> String {
        var text = Substring(cell)
        if text.hasPrefix("`` "), text.hasSuffix(" ``") {
            text = text.dropFirst(3).dropLast(3)
        } else if text.hasPrefix("`"), text.hasSuffix("`") {
            text = text.dropFirst().dropLast()
        }
        return text.replacingOccurrences(of: "\\|", with: "|")
    }

    /// `\n \t \\ \| \xHH` and `{N*text}`.
    static func expand(_ spec: String) -> [UInt8] {
        var out = [UInt8]()
        let bytes = Array(spec.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")),
               let star = bytes[index..<close].firstIndex(of: UInt8(ascii: "*")),
               let count = Int(String(decoding: bytes[(index + 1)..<star], as: UTF8.self)) {
                let unit = Array(bytes[(star + 1)..<close])
                for _ in 0..<count { out += unit }
                index = close + 1
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                switch bytes[index + 1] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "x"):
                    out.append(UInt8(String(decoding: bytes[(index + 2)..<(index + 4)], as: UTF8.self), radix: 16) ?? 0)
                    index += 2
                default: out.append(bytes[index + 1])
                }
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    @Test func theCatalogCoversEveryKindOfInput() {
        let examples = Self.examples
        #expect(examples.count >= 50)
        for kind in ["check", "url", "error", "rules"] {
            #expect(examples.contains { $0.arguments.first == kind }, "no example for \(kind)")
        }
    }

    @Test(arguments: examples)
    func messageIsAsDocumented(_ example: Example) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var stdin: String?
        if let input = example.input {
            if input.name == "stdin" {
                stdin = String(decoding: input.bytes, as: UTF8.self)
            } else if input.name.hasSuffix("/") {
                try FileManager.default.createDirectory(at: directory.appendingPathComponent(input.name), withIntermediateDirectories: true)
            } else {
                try Data(input.bytes).write(to: directory.appendingPathComponent(input.name))
            }
        }
        let arguments = example.arguments.map { $0.hasPrefix("fixtures/") ? CLI.repository.appendingPathComponent($0).path : $0 }
        let result = try CLI.run(arguments, stdin: stdin, in: directory)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == example.message)
        if example.message.hasPrefix("cfdoctor: ") {
            #expect(lines.count == 2 && lines[1].isEmpty, "more than one line: \(result.stderr)")
        }
        for trace in ["Fatal error", "Stack dump", "Current stack trace", "💣", "Backtrace"] {
            #expect(!result.stderr.contains(trace))
        }
    }
}
