import Foundation
import Testing

/// Issue 14 §3: inputs over the size limit are refused before they are read, with the limit and
/// the flag that sets it named.
@Suite struct InputLimitTests {
    static let distribution = CLI.fixture("distributions/article-broken.get-distribution-config.json")

    /// A sparse file: 300 MB long, no disk used; the size check must come before any read.
    func sparseFile(_ bytes: UInt64) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-sparse-\(UUID().uuidString).json")
        try Data("{".utf8).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: bytes)
        try handle.close()
        return url
    }

    @Test func theDefaultLimitIs256MiB() throws {
        let file = try sparseFile(300_000_000)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.stderr == "cfdoctor: \(file.path): the input is 300000000 bytes; expected at most 268435456 bytes (--max-input-size)\n")
    }

    @Test func maxInputSizeRaisesAndLowersTheLimit() throws {
        let small = try CLI.run(["check", Self.distribution, "--max-input-size", "1K"])
        #expect(small.status == 2)
        #expect(small.stderr.contains("expected at most 1024 bytes (--max-input-size)"))
        let enough = try CLI.run(["check", Self.distribution, "--max-input-size", "64KiB", "--now", "2018-09-30T14:59:00Z"])
        #expect(enough.status < 2, "\(enough.stderr)")
        #expect(enough.stdout.contains("CFD101"))
        let file = try sparseFile(300_000_000)
        defer { try? FileManager.default.removeItem(at: file) }
        // Raised past the file's size, the file is read: 300 MB of NULs after a '{' are no JSON.
        let raised = try CLI.run(["check", file.path, "--max-input-size", "1G"])
        #expect(raised.status == 2)
        #expect(raised.stderr.hasPrefix("cfdoctor: \(file.path):1:2: "), "\(raised.stderr)")
    }

    @Test func standardInputIsCutOffAtTheLimit() throws {
        let result = try CLI.run(["error", "-"], stdin: String(repeating: "<", count: 3 << 20))
        #expect(result.status == 2)
        #expect(result.stderr == "cfdoctor: <stdin>: the input is more than 1048576 bytes; expected at most 1048576 bytes (an error body is at most 1 MiB)\n")
    }

    @Test(arguments: ["0", "12Q", "K", "99999999999G"])
    func aSizeThatIsNotOneIsAUsageError(_ size: String) throws {
        let result = try CLI.run(["check", Self.distribution, "--max-input-size", size])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("cfdoctor: The value '\(size)' is invalid for '--max-input-size <size>'"), "\(result.stderr)")
    }

    @Test func everyCommandThatReadsFilesTakesTheFlag() throws {
        for command in ["check", "url", "error", "presign"] {
            let help = try CLI.run([command, "--help"])
            #expect(help.stdout.contains("--max-input-size <size>"), "\(command)")
        }
    }
}
