import Checking
#if canImport(Glibc)
import Glibc
#endif

/// Finds and reads `.cfdoctor.yml`: the explicit `--config` file, else the nearest one from the
/// working directory upward.
enum SettingsFile {
    static func locate(explicit: String?) throws(InputFailure) -> Settings? {
        if let explicit { return try load(explicit) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        var directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while true {
            let candidate = (directory == "/" ? "" : directory) + "/" + Settings.fileName
            if access(candidate, R_OK) == 0 { return try load(candidate) }
            guard directory != "/", let slash = directory.lastIndex(of: "/") else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    private static func load(_ path: String) throws(InputFailure) -> Settings {
        try Settings.parse(NamedInput(name: path, bytes: try InputFiles.readBytes(path, limit: InputLimit(bytes: 1 << 20, reason: "a settings file is at most 1 MiB"))))
    }
}
