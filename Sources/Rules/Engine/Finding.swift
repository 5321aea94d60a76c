import CloudFrontModel

/// Whether a behavior was declared to serve presigned URLs or cfdoctor inferred it (SPEC §5).
public enum Scope: String, Sendable, Codable {
    case declared, inferred
}

/// One problem found, with everything a report needs.
public struct Finding: Sendable, Codable {
    public var rule: RuleID
    public var name: String
    public var severity: Severity
    public var message: String
    public var fix: String
    /// True when an error body confirms it.
    public var confirmed: Bool
    public var location: SourceLocation?
    public var resource: String?
    public var distribution: String?
    public var behavior: String?
    public var origin: String?
    public var scope: Scope?
    public var notes: [String]
    /// Set when a suppression matched: the finding is kept and shown, but not counted.
    public var suppressed: Suppressed?

    /// Which suppression matched a finding.
    public struct Suppressed: Sendable, Codable, Equatable {
        public var declaredAt: String
        public var source: Suppression.Source
        public var reason: String?
    }

    public init(rule: RuleID, name: String, severity: Severity, message: String, fix: String,
                confirmed: Bool = false, location: SourceLocation? = nil, resource: String? = nil,
                distribution: String? = nil, behavior: String? = nil, origin: String? = nil,
                scope: Scope? = nil, notes: [String] = []) {
        self.rule = rule
        self.name = name
        self.severity = severity
        self.message = message
        self.fix = fix
        self.confirmed = confirmed
        self.location = location
        self.resource = resource
        self.distribution = distribution
        self.behavior = behavior
        self.origin = origin
        self.scope = scope
        self.notes = notes
    }
}

/// What a rule reports; the engine turns it into a `Finding` with the rule's identity, scope and
/// fix text.
public struct Violation: Sendable {
    public var message: String
    public var location: SourceLocation?
    public var origin: String?
    /// Overrides the rule's default severity (e.g. CFD101 is an error when the URL proves it).
    public var severity: Severity?
    /// A fix more specific than the rule's general one.
    public var fix: String?

    public init(_ message: String, at location: SourceLocation?, origin: String? = nil,
                severity: Severity? = nil, fix: String? = nil) {
        self.message = message
        self.location = location
        self.origin = origin
        self.severity = severity
        self.fix = fix
    }
}
