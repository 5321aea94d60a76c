import Documents
import PresignedURLs
import Rules

/// What a run is configured with: the `.cfdoctor.yml` schema (SPEC §9), and the same settings given
/// as flags, merged over it (`file.overridden(by: flags)`).
///
///     fail-on: warning
///     ignore: [CFD503]
///     severity: { CFD502: warning }
///     signature-lifetime: 15m
///     max-exposure: 2h
///     presigned-paths: ["/downloads/*"]
public struct Settings: Sendable {
    /// The settings file these came from, nil for flags only.
    public var file: String?
    public var failOn: FailThreshold?
    /// Rules whose findings are suppressed, each with where it was asked for.
    public var ignore: [Suppression]
    public var severity: [RuleID: Severity]
    public var signatureLifetime: Int64?
    public var maxExposure: Int64?
    public var presignedPaths: [String]

    public static let fileName = ".cfdoctor.yml"
    public static let knownKeys: Set<String> = ["fail-on", "ignore", "severity", "signature-lifetime", "max-exposure", "presigned-paths"]

    public init(file: String? = nil, failOn: FailThreshold? = nil, ignore: [Suppression] = [],
                severity: [RuleID: Severity] = [:], signatureLifetime: Int64? = nil, maxExposure: Int64? = nil,
                presignedPaths: [String] = []) {
        self.file = file
        self.failOn = failOn
        self.ignore = ignore
        self.severity = severity
        self.signatureLifetime = signatureLifetime
        self.maxExposure = maxExposure
        self.presignedPaths = presignedPaths
    }

    /// These settings with every setting `flags` gives replacing this one; ignores add up.
    public func overridden(by flags: Settings) -> Settings {
        var merged = self
        merged.failOn = flags.failOn ?? failOn
        merged.ignore = flags.ignore + ignore
        merged.severity.merge(flags.severity) { _, flag in flag }
        merged.signatureLifetime = flags.signatureLifetime ?? signatureLifetime
        merged.maxExposure = flags.maxExposure ?? maxExposure
        merged.presignedPaths = flags.presignedPaths.isEmpty ? presignedPaths : flags.presignedPaths
        return merged
    }

    /// The threshold in force: error unless set.
    public var effectiveFailOn: FailThreshold { failOn ?? .error }

    /// Parses a settings file's bytes.
    public static func parse(_ input: NamedInput) throws(InputFailure) -> Settings {
        let document: Document
        do throws(InputError) {
            document = try Document.parse(bytes: input.bytes, file: input.name)
        } catch {
            throw InputFailure(error.description)
        }
        var settings = Settings(file: input.name)
        let root = document.cursor
        guard root.node.members != nil else { throw failure(root, "expected a mapping of settings") }
        for (key, value) in root.members {
            switch key {
            case "fail-on":
                guard let text = value.string, let threshold = FailThreshold(rawValue: text) else {
                    throw failure(value, "fail-on must be error, warning, info or never")
                }
                settings.failOn = threshold
            case "ignore":
                let declared = "\(value.file):\(value.node.line):\(value.node.column)"
                for rule in try strings(value, key) {
                    guard let found = Catalog.rule(rule) else { throw failure(value, "ignore: no rule \(rule)") }
                    settings.ignore.append(Suppression(rules: [found.id], declaredAt: declared, source: .settingsFile))
                }
            case "severity":
                for (rule, level) in value.members {
                    guard let found = Catalog.rule(rule) else { throw failure(level, "severity: no rule \(rule)") }
                    guard let text = level.string, let severity = Severity(rawValue: text) else {
                        throw failure(level, "severity of \(rule) must be error, warning or info")
                    }
                    settings.severity[found.id] = severity
                }
            case "signature-lifetime", "max-exposure":
                guard let text = value.string ?? value.int64.map(String.init), let seconds = DurationText.parse(text) else {
                    throw failure(value, "\(key) must be a duration such as 900, 15m or 1h30m")
                }
                if key == "signature-lifetime" { settings.signatureLifetime = seconds } else { settings.maxExposure = seconds }
            case "presigned-paths":
                settings.presignedPaths = try strings(value, key)
            default:
                throw failure(value, "unknown setting '\(key)'; known: \(knownKeys.sorted().joined(separator: ", "))")
            }
        }
        return settings
    }

    private static func strings(_ cursor: Cursor, _ key: String) throws(InputFailure) -> [String] {
        if let single = cursor.string { return [single] }
        guard cursor.node.elements != nil else { throw failure(cursor, "\(key) must be a list of strings") }
        var texts = [String]()
        for element in cursor.elements {
            guard let text = element.string else { throw failure(element, "\(key) must be a list of strings") }
            texts.append(text)
        }
        return texts
    }

    private static func failure(_ cursor: Cursor, _ message: String) -> InputFailure {
        InputFailure("\(cursor.file):\(cursor.node.line):\(cursor.node.column): \(message)")
    }
}
