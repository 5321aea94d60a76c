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
///     # per-path ignores, with the reason JSON and SARIF keep:
///     ignore: [{id: CFD503, paths: ["/static/*"], reason: "public assets, never signed"}]
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
    /// `--only`: report only these rules (empty: all). Findings of other rules are dropped, not
    /// suppressed: the run was asked about these rules alone.
    public var only: Set<RuleID> = []

    public static let fileName = ".cfdoctor.yml"
    public static let knownKeys: Set<String> = ["fail-on", "ignore", "severity", "signature-lifetime", "max-exposure", "presigned-paths"]
    /// The keys of one `ignore:` entry written as a mapping.
    public static let ignoreEntryKeys: Set<String> = ["id", "paths", "reason"]

    public init(file: String? = nil, failOn: FailThreshold? = nil, ignore: [Suppression] = [],
                severity: [RuleID: Severity] = [:], signatureLifetime: Int64? = nil, maxExposure: Int64? = nil,
                presignedPaths: [String] = [], only: Set<RuleID> = []) {
        self.file = file
        self.failOn = failOn
        self.ignore = ignore
        self.severity = severity
        self.signatureLifetime = signatureLifetime
        self.maxExposure = maxExposure
        self.presignedPaths = presignedPaths
        self.only = only
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
        merged.only = flags.only.isEmpty ? only : flags.only
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
        for (member, (key, value)) in zip(root.node.members ?? [], root.members) {
            switch key {
            case "fail-on":
                guard let text = value.string, let threshold = FailThreshold(rawValue: text) else {
                    throw failure(value, "fail-on must be error, warning, info or never")
                }
                settings.failOn = threshold
            case "ignore":
                settings.ignore += try ignores(value)
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
                throw failure(at: member, in: value, "unknown setting '\(key)'; known: \(knownKeys.sorted().joined(separator: ", "))")
            }
        }
        return settings
    }

    /// `ignore:` — a rule, a list of rules, or entries `{id, paths, reason}` (mixed freely).
    private static func ignores(_ value: Cursor) throws(InputFailure) -> [Suppression] {
        let listDeclared = "\(value.file):\(value.node.line):\(value.node.column)"
        let entries = value.node.elements != nil ? value.elements : [value]
        var suppressions = [Suppression]()
        for entry in entries {
            if let text = entry.string {
                guard let found = Catalog.rule(text) else { throw failure(value, "ignore: no rule \(text)") }
                suppressions.append(Suppression(rules: [found.id], declaredAt: listDeclared, source: .settingsFile))
                continue
            }
            guard let members = entry.node.members else {
                throw failure(entry, "ignore entries are rule IDs or mappings {id, paths, reason}")
            }
            var rule: RuleID?, paths = [String](), reason: String?
            for (member, (key, field)) in zip(members, entry.members) {
                switch key {
                case "id":
                    guard let text = field.string, let found = Catalog.rule(text) else {
                        throw failure(field, "ignore: no rule \(field.string ?? field.node.kindName)")
                    }
                    rule = found.id
                case "paths": paths = try strings(field, "paths")
                case "reason":
                    guard let text = field.string else { throw failure(field, "reason must be a string") }
                    reason = text
                default:
                    throw failure(at: member, in: field,
                                  "unknown key '\(key)' in an ignore entry; known: \(ignoreEntryKeys.sorted().joined(separator: ", "))")
                }
            }
            guard let rule else { throw failure(entry, "ignore entry without id") }
            suppressions.append(Suppression(rules: [rule], applies: paths.isEmpty ? .everywhere : .behaviors(paths), reason: reason,
                                            declaredAt: "\(entry.file):\(entry.node.line):\(entry.node.column)", source: .settingsFile))
        }
        return suppressions
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

    /// At a mapping key when the reader knows where it is, else at its value.
    private static func failure(at member: DocNode.Member, in value: Cursor, _ message: String) -> InputFailure {
        guard member.keyLine > 0 else { return failure(value, message) }
        return InputFailure("\(value.file):\(member.keyLine):\(member.keyColumn): \(message)")
    }

    private static func failure(_ cursor: Cursor, _ message: String) -> InputFailure {
        InputFailure("\(cursor.file):\(cursor.node.line):\(cursor.node.column): \(message)")
    }
}
