import Checking
import CloudFrontModel
import Documents
import PresignedURLs
import Reporters
import S3Errors
#if canImport(Glibc)
import Glibc
#endif

/// One harness per input kind cfdoctor reads, each calling the library APIs the command line
/// uses. A harness returns normally on every input, valid or not; libFuzzer reports a crash, a
/// sanitizer error, a timeout or an out-of-memory as a finding. Beyond "does not crash", each
/// harness checks the one promise hostile input must never break: no output carries the secret
/// key (SPEC §8).
enum FuzzTarget: String, CaseIterable {
    case url, xml, json, yaml, settings, check, cfurl, cloudformation, terraform

    nonisolated(unsafe) static var selected = FuzzTarget.url

    func run(_ bytes: [UInt8]) {
        switch self {
        case .url: Self.url(bytes)
        case .xml: Self.xml(bytes)
        case .json: Self.json(bytes)
        case .yaml: Self.yaml(bytes)
        case .settings: Self.settings(bytes)
        case .check: Self.check(bytes)
        case .cfurl: Self.cfurl(bytes)
        case .cloudformation: Self.cloudFormation(bytes)
        case .terraform: Self.terraform(bytes)
        }
    }

    /// The presigned URL parser, the intrinsic URL rules, signature verification with a key, and
    /// every reporter, with and without the URL shown as given.
    static func url(_ bytes: [UInt8]) {
        guard let url = try? PresignedURL(String(decoding: bytes, as: UTF8.self)) else { return }
        let result = URLChecker.check(url, now: now, secretKeyVariable: secretVariable, secrets: secrets)
        render(Presentation(redacting: result, showingURLAsGiven: false))
        render(Presentation(redacting: result, showingURLAsGiven: true))
    }

    /// The S3 / CloudFront error-body parser (libxml2, HTML pages, HTTP heads) and its explanation.
    static func xml(_ bytes: [UInt8]) {
        guard let body = try? ErrorBody.parse(bytes) else { return }
        // `error` never reads the secret key, so a body that carries it is echoed as the user's
        // own text: only the signatures and tokens ErrorBody redacts are its promise.
        render(Presentation(redacting: ErrorExplanation(body: body)), secretKeyGiven: false)
    }

    /// Text decoding, the JSON reader and every configuration loader.
    /// Also the streaming path `check` takes (`list-distributions` read one element at a time),
    /// which must fail exactly when, and as, the whole-tree path does.
    static func json(_ bytes: [UInt8]) {
        let streamed = Result { () throws(InputError) in try InputLoader.load(bytes: bytes, file: "fuzz.json", options: LoadOptions()) }
        let whole = Result { () throws(InputError) in try InputLoader.load(Document.parse(bytes: bytes, file: "fuzz.json")) }
        switch (streamed, whole) {
        case (.success(let a), .success(let b)):
            if a.distributions.count != b.distributions.count
                || zip(a.distributions, b.distributions).contains(where: { $0.location != $1.location || $0.behaviors.count != $1.behaviors.count }) {
                fatalError("streamed and whole-tree loading disagree")
            }
        case (.failure(let a), .failure(let b)):
            if a.description != b.description { fatalError("streamed and whole-tree errors differ: \(a) / \(b)") }
        default:
            fatalError("streamed and whole-tree loading disagree on success")
        }
        guard let text = try? SourceText.decode(bytes, file: "fuzz.json"),
              let root = try? JSONReader.parse(text, file: "fuzz.json") else { return }
        _ = try? InputLoader.load(Document(file: "fuzz.json", root: root, syntax: .json))
    }

    /// Text decoding, the YAML reader (Yams) and every configuration loader.
    static func yaml(_ bytes: [UInt8]) {
        guard let text = try? SourceText.decode(bytes, file: "fuzz.yaml"),
              let root = try? YAMLReader.parse(text, file: "fuzz.yaml") else { return }
        _ = try? InputLoader.load(Document(file: "fuzz.yaml", root: root, syntax: .yaml))
    }

    /// `.cfdoctor.yml`.
    static func settings(_ bytes: [UInt8]) {
        _ = try? Settings.parse(NamedInput(name: ".cfdoctor.yml", bytes: bytes))
    }

    /// The whole `check` pipeline: configuration, URLs (one per line) and an error body, split
    /// at `separator`; a missing part is left out.
    static func check(_ bytes: [UInt8]) {
        let parts = split(bytes)
        let config = NamedInput(name: "config.json", bytes: parts[0])
        let urls = parts.count > 1
            ? String(decoding: parts[1], as: UTF8.self).split(whereSeparator: \.isNewline).prefix(4)
                .compactMap { try? PresignedURL(String($0)) }
            : []
        let body = parts.count > 2 ? NamedInput(name: "body.xml", bytes: parts[2]) : nil
        let request = CheckRequest(configurations: [config], urls: urls, errorBody: body, now: now,
                                   secretKeyVariable: secretVariable, secrets: secrets)
        guard let result = try? Checker.check(request) else { return }
        render(Presentation(redacting: result))
    }

    // MARK: Shared

    /// A byte search: `String.contains` resolves to Foundation's, which bridges to UTF-16 and took
    /// a third of the `cfurl` harness's time.
    static func occurs(_ needle: String, in haystack: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { part in
                guard let first = part.first, let end = text.baseAddress.map({ $0 + text.count }) else { return part.isEmpty }
                // memchr and memcmp, not a Swift loop: the harness is instrumented too, and a
                // comparison hook per byte of a SARIF log costs more than the rendering.
                var cursor = text.baseAddress!
                while end - cursor >= part.count, let hit = memchr(cursor, Int32(first), end - cursor - part.count + 1) {
                    let found = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(found, part.baseAddress!, part.count) == 0 { return true }
                    cursor = found + 1
                }
                return false
            }
        }
    }

    /// Separates the parts of a `check` input.
    static let separator = Array("\n#--8<--#\n".utf8)
    static let now = Timestamp(seconds: 1_538_319_540)  // 2018-09-30T14:59:00Z, the article's URL
    static let secretVariable = "FUZZ_SECRET_KEY"
    /// AWS's documented example secret key: the fixtures' signatures verify with it.
    static let secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let secrets = FixedSecrets([secretVariable: secretKey])

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var parts = [[UInt8]]()
        var start = 0, index = 0
        while index + separator.count <= bytes.count {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                parts.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    /// Every registered format; none may print the secret key (when the code under test was given
    /// it), nor any of `redacted` (values SPEC §8 allows only in the user's own `url` output
    /// without --redact). The search goes through memcmp, so libFuzzer's memcmp hook learns the
    /// key and writes it into inputs: every harness tries the key wherever input can carry it.
    static func render(_ presentation: Presentation, secretKeyGiven: Bool = true, redacted: [String] = []) {
        for reporter in Reporters.all {
            // Only text output reads the style; the others ignore it, and rendering SARIF (the
            // whole rule catalog) twice for nothing halved the `cfurl` harness's speed.
            let styles = reporter.name == TextReporter.name
                ? [TerminalStyle.plain, TerminalStyle(enabled: true, width: 40)] : [TerminalStyle.plain]
            for style in styles {
                let output = reporter.init(style: style).output(presentation)
                if secretKeyGiven, occurs(secretKey, in: output) {
                    fatalError("\(reporter.name) output contains the secret key")
                }
                if let value = redacted.first(where: { occurs($0, in: output) }) {
                    fatalError("\(reporter.name) output contains a signature or token that must be redacted: \(value)")
                }
            }
        }
    }
}
