import PresignedURLs

/// Everything a rule says about itself: the catalog entry, the `cfdoctor rules ID` page, and the
/// examples the generic test runs (modelled on SwiftLint's `RuleDescription`).
public struct RuleDescription: Sendable {
    public var id: RuleID
    public var name: String
    public var severity: Severity
    /// One line: when the rule fires.
    public var summary: String
    /// Why it breaks presigned URLs or leaks data, with the AWS behaviour it rests on.
    public var rationale: String
    public var fix: String
    /// Where the AWS behaviour is documented (or the real captured response).
    public var sources: [String]
    /// Configurations (and URLs) that must trigger the rule. `↓` in the config marks where each
    /// finding must be reported.
    public var triggering: [RuleExample] { makeTriggering() }
    /// Configurations that must not trigger it.
    public var nonTriggering: [RuleExample] { makeNonTriggering() }

    // Built on demand: only the tests, `rules ID` and the docs read examples, and building them
    // parses PEM keys and signs URLs (a tenth of a cold `check`'s instructions when eager).
    private let makeTriggering: @Sendable () -> [RuleExample]
    private let makeNonTriggering: @Sendable () -> [RuleExample]

    public init(id: RuleID, name: String, severity: Severity, summary: String, rationale: String, fix: String,
                sources: [String], triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
                nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample]) {
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.fix = fix
        self.sources = sources
        self.makeTriggering = triggering
        self.makeNonTriggering = nonTriggering
    }
}

/// A minimal input for a rule: a DistributionConfig (JSON, `↓` before the value where the
/// finding belongs) and optionally a URL and options.
public struct RuleExample: Sendable {
    public var config: String?
    public var url: String?
    public var options: RuleOptions
    /// A secret key for signature verification. Only AWS's published example keys belong here.
    public var secretKey: String?
    public var note: String?
    /// Where the example is written, so a failing example points at itself (SwiftLint's `Example`).
    public var declaration: Declaration

    public struct Declaration: Sendable {
        public var fileID: String
        public var filePath: String
        public var line: Int
        public var column: Int
    }

    public init(config: String? = nil, url: String? = nil, now: String? = nil, signatureLifetime: Int64? = nil,
                maxExposure: Int64? = nil, presignedPaths: [String] = [], secretKey: String? = nil, note: String? = nil,
                fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column) {
        self.declaration = Declaration(fileID: fileID, filePath: filePath, line: line, column: column)
        self.config = config
        self.url = url
        self.options = RuleOptions(now: now.flatMap(Timestamp.parse), signatureLifetime: signatureLifetime,
                                   maxExposure: maxExposure, presignedPaths: presignedPaths)
        self.secretKey = secretKey
        self.note = note
    }

    public static let marker: Character = "↓"

    /// The config without markers, and the (line, column) of each marker.
    public var strippedConfig: (text: String, markers: [(line: Int, column: Int)])? {
        guard let config else { return nil }
        var text = ""
        var markers = [(line: Int, column: Int)]()
        var line = 1, column = 1
        for scalar in config.unicodeScalars {
            if Character(scalar) == Self.marker {
                markers.append((line, column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (text, markers)
    }
}

/// Settings that change what rules conclude: from flags, `.cfdoctor.yml`, or an example.
public struct RuleOptions: Sendable {
    /// "Now" for expiry checks; nil means the current time.
    public var now: Timestamp?
    /// `--signature-lifetime`: how long URLs live when no URL is given.
    public var signatureLifetime: Int64?
    /// `--max-exposure`.
    public var maxExposure: Int64?
    /// `--presigned-paths`: globs of behavior path patterns that serve presigned URLs.
    public var presignedPaths: [String]
    /// CloudFront signed URLs (CFD701–CFD707): `--public-key(s)`, `get-key-group` output, `--cookie`.
    public var cloudFront = CloudFrontSigningOptions()

    public init(now: Timestamp? = nil, signatureLifetime: Int64? = nil, maxExposure: Int64? = nil,
                presignedPaths: [String] = []) {
        self.now = now
        self.signatureLifetime = signatureLifetime
        self.maxExposure = maxExposure
        self.presignedPaths = presignedPaths
    }
}
