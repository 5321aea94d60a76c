import CloudFrontModel
import EdgeSimulation
import PresignedURLs

/// A rule: its description and a pure function from a context to violations.
public struct Rule: Sendable {
    public enum Kind: Sendable {
        /// Judges one cache behavior in scope (with the simulated request when a URL hits it).
        case configuration
        /// Judges a URL on its own, with or without a distribution.
        case url
    }

    public var description: RuleDescription
    public var kind: Kind
    public var check: @Sendable (RuleContext) -> [Violation]

    public init(_ description: RuleDescription, kind: Kind = .configuration,
                check: @escaping @Sendable (RuleContext) -> [Violation]) {
        self.description = description
        self.kind = kind
        self.check = check
    }

    public var id: RuleID { description.id }
}

/// What a rule sees.
public struct RuleContext: Sendable {
    /// The behavior being judged (configuration rules).
    public struct Target: Sendable {
        public var distribution: Distribution
        public var behavior: Behavior
        /// Its origin, or the members of its origin group.
        public var origins: [Origin]
        public var forwarding: Forwarding?
        public var scope: Scope
    }

    public var target: Target?
    /// The URL under examination (for configuration rules: only when it hits this behavior).
    public var url: PresignedURL?
    public var auth: QueryAuth
    public var simulation: SimulatedRequest?
    public var options: RuleOptions
    public var now: Timestamp

    /// The signature lifetime: the URL's X-Amz-Expires, else the configured lifetime (a flag or the
    /// settings file: the library does not know which, so messages name neither).
    public var signatureLifetime: (seconds: Int64, source: String)? {
        if let expires = auth.sigV4?.expires { return (expires, "the URL's X-Amz-Expires") }
        if let lifetime = options.signatureLifetime { return (lifetime, "the configuration") }
        return nil
    }
}
