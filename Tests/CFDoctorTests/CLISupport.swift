import Foundation

/// Runs the built `cfdoctor` binary as a user would: arguments, optional standard input, extra
/// environment variables; returns the exit status and both output streams.
enum CLI {
    struct NotBuilt: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "cfdoctor binary not found; looked in \(searched.joined(separator: ", "))" }
    }

    /// The `cfdoctor` executable next to the test bundle (`.build/<config>/`), else the package's
    /// `.build/debug/cfdoctor`.
    static func binary() throws -> URL {
        var candidates = [URL]()
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("cfdoctor"))
        candidates.append(bundle.appendingPathComponent("cfdoctor"))
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("cfdoctor"))
            directory = directory.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/cfdoctor"))
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw NotBuilt(searched: candidates.map(\.path))
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        repository.appendingPathComponent("fixtures").appendingPathComponent(relative).path
    }

    static func run(_ args: [String], stdin: String? = nil, environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        // Tests must not depend on the developer's credentials or terminal.
        for key in env.keys where key.hasPrefix("AWS_") { env[key] = nil }
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Run where no .cfdoctor.yml is found upward, unless a test passes --config.
        process.currentDirectoryURL = directory ?? URL(fileURLWithPath: NSTemporaryDirectory())
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        // cfdoctor stops reading standard input at its size limit and exits: the rest of the write
        // must fail with EPIPE here, not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
