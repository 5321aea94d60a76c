import Foundation
import Testing

/// Issue 14 §4: every input kind read as the tools that write it encode it. UTF-8 with or without
/// a BOM, UTF-16 LE/BE with a BOM (PowerShell's `>`) and CRLF give the same output as plain UTF-8;
/// invalid UTF-8 and NUL bytes give exit 2 and one line naming the file and where.
@Suite struct EncodingTests {
    /// One input kind: its UTF-8 content, and how a file of it is given to cfdoctor.
    struct Kind: CustomTestStringConvertible, Sendable {
        var name: String
        var content: String
        var arguments: @Sendable (String) -> [String]
        var testDescription: String { name }
    }

    static let distribution = CLI.fixture("distributions/article-broken.get-distribution-config.json")
    static let now = ["--now", "2018-09-30T14:59:00Z"]
    static func read(_ relative: String) -> String {
        (try? String(contentsOfFile: CLI.fixture(relative), encoding: .utf8)) ?? ""
    }

    static let kinds: [Kind] = [
        Kind(name: "distribution JSON", content: read("distributions/article-broken.get-distribution-config.json")) {
            ["check", $0] + now
        },
        Kind(name: "YAML settings", content: "fail-on: warning\nseverity:\n  CFD101: warning\nignore:\n  - CFD503\n") {
            ["check", distribution, "--config", $0, "--format", "json"] + now
        },
        Kind(name: "URL file", content: read("urls/article-s3.url") + read("urls/article-cloudfront.url")) {
            ["check", distribution, "--url-file", $0] + now
        },
        Kind(name: "error body", content: read("errors/AccessDenied.HeadersNotSigned.x-amz-cf-id.TEMPLATE.xml")) {
            ["error", $0]
        },
    ]

    enum Encoding: String, CaseIterable, Sendable {
        case utf8, utf8BOM, utf16LE, utf16BE, crlf, crlfUTF16LE

        func encode(_ text: String) -> [UInt8] {
            switch self {
            case .utf8: return Array(text.utf8)
            case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            case .crlf: return Array(Self.crlf(text).utf8)
            case .crlfUTF16LE: return Self.utf16LE.encode(Self.crlf(text))
            }
        }

        static func crlf(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        }
    }

    /// Writes `bytes` to a file named the same for every encoding, so outputs compare whole.
    func run(_ kind: Kind, _ bytes: [UInt8], file: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-encoding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(file).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(kind.arguments(path))
        let anonymous = { (text: String) in text.replacingOccurrences(of: directory.path, with: "<dir>") }
        return (result.status, anonymous(result.stdout), anonymous(result.stderr))
    }

    @Test(arguments: kinds)
    func everyEncodingReadsLikeUTF8(kind: Kind) throws {
        let plain = try run(kind, Encoding.utf8.encode(kind.content), file: "input")
        #expect(plain.status < 2, "\(plain.stderr)")
        #expect(!plain.stdout.isEmpty)
        for encoding in Encoding.allCases.dropFirst() {
            let other = try run(kind, encoding.encode(kind.content), file: "input")
            #expect(other.status == plain.status, "\(kind.name) as \(encoding): \(other.stderr)")
            #expect(other.stdout == plain.stdout, "\(kind.name) as \(encoding) reads differently from UTF-8")
        }
    }

    /// A byte that is not UTF-8, 30 bytes in.
    @Test(arguments: kinds)
    func invalidUTF8NamesTheFileAndTheByteOffset(kind: Kind) throws {
        var bytes = Array(kind.content.utf8)
        bytes.insert(0xFF, at: 30)
        let result = try run(kind, bytes, file: "bad-utf8")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("cfdoctor: <dir>/bad-utf8:"), "\(result.stderr)")
        #expect(result.stderr.contains("byte offset 30"), "\(kind.name): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A NUL byte, 30 bytes in: refused as the syntax error it is, with its position.
    @Test(arguments: kinds)
    func nulByteIsRefusedWithItsPosition(kind: Kind) throws {
        var bytes = Array(kind.content.utf8)
        bytes.insert(0x00, at: 30)
        let result = try run(kind, bytes, file: "nul")
        #expect(result.status == 2, "\(kind.name): \(result.stdout)")
        #expect(result.stdout.isEmpty)
        let line = result.stderr.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("cfdoctor: <dir>/nul:"), "\(line)")
        // file:line:column, or file:line for the URL file's line number plus the byte offset.
        #expect(line.range(of: #"^cfdoctor: <dir>/nul:\d+(:\d+)?: "#, options: .regularExpression) != nil, "\(line)")
        #expect(!line.contains("\n"))
    }

    @Test func urlOnStandardInputMayBeUTF16AsPowerShellPipesIt() throws {
        let url = Self.read("urls/article-s3.url").trimmingCharacters(in: .whitespacesAndNewlines)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-url16-\(UUID().uuidString)")
        try Data(Encoding.crlfUTF16LE.encode(url + "\n")).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try CLI.run(["check", Self.distribution, "--url-file", file.path] + Self.now)
        let fromFlag = try CLI.run(["check", Self.distribution, "--url", url] + Self.now)
        #expect(fromFile.status == fromFlag.status)
        #expect(fromFile.stdout == fromFlag.stdout)
    }
}
