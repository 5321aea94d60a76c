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
        public var origins: [Origin] {
            didSet { s3RestOrigins = Self.s3RestOrigins(of: origins) }
        }
        public var forwarding: Forwarding?
        public var scope: Scope
        /// Origins that are S3 REST endpoints (website endpoints excluded), with their parsed host:
        /// parsed once per behavior, not once per rule that asks.
        private(set) var s3RestOrigins: [(origin: Origin, endpoint: S3Endpoint)]

        public init(distribution: Distribution, behavior: Behavior, origins: [Origin], forwarding: Forwarding?, scope: Scope) {
            self.distribution = distribution
            self.behavior = behavior
            self.origins = origins
            self.forwarding = forwarding
            self.scope = scope
            self.s3RestOrigins = Self.s3RestOrigins(of: origins)
        }
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
