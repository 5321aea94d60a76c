import Documents
import PresignedURLs
import Rules
#if canImport(Glibc)
import Glibc
#endif

/// `.cfdoctor.yml` (SPEC §9): found upward from the working directory, or given with --config.
/// Flags override it.
///
///     fail-on: warning
///     ignore: [CFD503]
///     severity: { CFD502: warning }
///     signature-lifetime: 15m
///     max-exposure: 2h
///     presigned-paths: ["/downloads/*"]
struct ConfigFile {
    var path: String
    var failOn: FailThreshold?
    var ignore: [String] = []
    var severity: [String: Severity] = [:]
    var signatureLifetime: Int64?
    var maxExposure: Int64?
    var presignedPaths: [String] = []

    static let fileName = ".cfdoctor.yml"
    static let knownKeys: Set<String> = ["fail-on", "ignore", "severity", "signature-lifetime", "max-exposure", "presigned-paths"]

    /// The explicit file, else the nearest `.cfdoctor.yml` from the working directory upward.
    static func locate(explicit: String?) throws -> ConfigFile? {
        if let explicit { return try load(explicit) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        var directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while true {
            let candidate = (directory == "/" ? "" : directory) + "/" + fileName
            if access(candidate, R_OK) == 0 { return try load(candidate) }
            guard directory != "/", let slash = directory.lastIndex(of: "/") else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    static func load(_ path: String) throws -> ConfigFile {
        let bytes = try InputFiles.readBytes(path, maximumBytes: 1 << 20)
        let document: Document
        do throws(InputError) {
            document = try Document.parse(bytes: bytes, file: path)
        } catch {
            throw CommandFailure(error.description)
        }
        var config = ConfigFile(path: path)
        let root = document.cursor
        guard root.node.members != nil else { throw failure(root, "expected a mapping of settings") }
        for (key, value) in root.members {
            switch key {
            case "fail-on":
                guard let text = value.string, let threshold = FailThreshold(rawValue: text) else {
                    throw failure(value, "fail-on must be error, warning, info or never")
                }
                config.failOn = threshold
            case "ignore":
                config.ignore = try strings(value, key)
                for rule in config.ignore where Catalog.rule(rule) == nil { throw failure(value, "ignore: no rule \(rule)") }
            case "severity":
                for (rule, level) in value.members {
                    guard let found = Catalog.rule(rule) else { throw failure(level, "severity: no rule \(rule)") }
                    guard let text = level.string, let severity = Severity(rawValue: text) else {
                        throw failure(level, "severity of \(rule) must be error, warning or info")
                    }
                    config.severity[found.id.rawValue] = severity
                }
            case "signature-lifetime", "max-exposure":
                guard let text = value.string ?? value.int64.map(String.init), let seconds = DurationText.parse(text) else {
                    throw failure(value, "\(key) must be a duration such as 900, 15m or 1h30m")
                }
                if key == "signature-lifetime" { config.signatureLifetime = seconds } else { config.maxExposure = seconds }
            case "presigned-paths":
                config.presignedPaths = try strings(value, key)
            default:
                throw failure(value, "unknown setting '\(key)'; known: \(knownKeys.sorted().joined(separator: ", "))")
            }
        }
        return config
    }

    private static func strings(_ cursor: Cursor, _ key: String) throws -> [String] {
        if let single = cursor.string { return [single] }
        guard cursor.node.elements != nil else { throw failure(cursor, "\(key) must be a list of strings") }
        return try cursor.elements.map { element in
            guard let text = element.string else { throw failure(element, "\(key) must be a list of strings") }
            return text
        }
    }

    private static func failure(_ cursor: Cursor, _ message: String) -> CommandFailure {
        CommandFailure("\(cursor.file):\(cursor.node.line):\(cursor.node.column): \(message)")
    }
}
