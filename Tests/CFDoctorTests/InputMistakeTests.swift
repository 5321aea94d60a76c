import Foundation
import Testing

/// Input mistakes people really make (issue 8 §5): each recognised, with one line that says what
/// to do, exit 2, and no signature printed.
@Suite struct InputMistakeTests {
    static let url = (try? String(contentsOf: CLI.repository.appendingPathComponent("fixtures/urls/article-s3.url"), encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    static let signature = "ebb4245bcd774a678c0685419ab5b4012845f61cea6aa2092661f89f3948cf8b"
    static let distribution = CLI.fixture("distributions/article-fixed.get-distribution-config.json")

    func oneLine(_ result: (status: Int32, stdout: String, stderr: String)) -> Bool { result.stderr.split(separator: "\n").count == 1 }

    @Test func aURLWhereAFileBelongsIsRedactedWithAHint() throws {
        for arguments in [["check", Self.url], ["check", Self.distribution, "--error-body", Self.url], ["error", Self.url]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2)
            #expect(oneLine(result))
            #expect(result.stderr.contains("is a URL, not a file") && result.stderr.contains("--url"))
            #expect(result.stderr.contains("X-Amz-Signature=REDACTED"))
            #expect(!result.stderr.contains(Self.signature) && !result.stdout.contains(Self.signature))
        }
    }

    /// The argument parser names an argument it did not expect: a presigned URL (or the secret
    /// key) given there is shown redacted, on the one line.
    @Test func anUnexpectedURLArgumentIsRedactedInTheUsageError() throws {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        for arguments in [["url", "extra", Self.url], ["check", Self.distribution, "--now", "2018-09-30T14:59:00Z", Self.url, "--bogus=\(Self.url)"],
                          ["url", Self.url, secret]] {
            let result = try CLI.run(arguments, environment: ["AWS_SECRET_ACCESS_KEY": secret])
            #expect(result.status == 2, "\(arguments)")
            #expect(!result.stderr.contains(Self.signature), "\(result.stderr)")
            #expect(!result.stderr.contains(secret), "\(result.stderr)")
            #expect(result.stderr.hasPrefix("cfdoctor: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    @Test func anHTMLEscapedURLIsRecognised() throws {
        let escaped = Self.url.replacingOccurrences(of: "&", with: "&amp;")
        for arguments in [["url", escaped], ["check", Self.distribution, "--url", escaped]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 2)
            #expect(oneLine(result) && result.stderr.contains("HTML-escaped") && result.stderr.contains("replace every &amp; with &"))
        }
    }

    @Test func aURLCutAtTheFirstAmpersandIsRecognised() throws {
        let cut = String(Self.url.prefix { $0 != "&" })
        let result = try CLI.run(["url", cut])
        #expect(result.status == 2)
        #expect(oneLine(result) && result.stderr.contains("unquoted shell cuts a URL at the first &")
            && result.stderr.contains("single quotes"))
    }

    @Test func aURLFileSkipsBlankAndCommentLinesAndNamesTheLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cfdoctor-urls-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# presigned URLs from the backend log\n\n   \n\(Self.url)\n# done\n".write(to: file, atomically: true, encoding: .utf8)
        let good = try CLI.run(["check", Self.distribution, "--url-file", file.path, "--now", "2018-09-30T14:59:00Z"])
        #expect(good.status == 0, "\(good.stderr)")
        let cut = String(Self.url.prefix { $0 != "&" })
        try "# first\n\(Self.url)\n\n\(cut)\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["check", Self.distribution, "--url-file", file.path, "--now", "2018-09-30T14:59:00Z"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("cfdoctor: \(file.path):4: the URL ends after its first parameter"))
    }
}

/// `make install` puts the release binary under PREFIX (default /usr/local), and the README says so.
@Suite struct InstallTests {
    func dryRun(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-n", "-C", CLI.repository.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func installCopiesTheReleaseBinaryUnderThePrefix() throws {
        let custom = try dryRun(["install", "PREFIX=/opt/cfd"])
        #expect(custom.contains("swift build -c release --static-swift-stdlib -Xswiftc -use-ld=lld --product cfdoctor"))
        #expect(custom.contains(#"install -m 0755 .build/release/cfdoctor "/opt/cfd/bin/cfdoctor""#))
        let standard = try dryRun(["install"])
        #expect(standard.contains(#""/usr/local/bin/cfdoctor""#))
    }

    @Test func theREADMEShowsInstallAndVersion() throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("make install PREFIX="))
        #expect(readme.contains("cfdoctor --version"))
    }
}
