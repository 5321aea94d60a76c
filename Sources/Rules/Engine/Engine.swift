import CloudFrontModel
import EdgeSimulation
import PresignedURLs

/// Runs the catalog over distributions and URLs.
public struct Engine: Sendable {
    public var rules: [Rule]
    public var catalog: PolicyCatalog

    public init(rules: [Rule] = Catalog.all, catalog: PolicyCatalog = PolicyCatalog()) {
        self.rules = rules
        self.catalog = catalog
    }

    /// `secretKey` (from the environment, never an argument) lets the simulation verify signatures,
    /// except for the URLs in `unverified` (given as the user wrote them), which it cannot belong to.
    /// `additional` are violations found outside the rules' own checks (the signature of a URL as
    /// it stands, verified by `cfdoctor url`): they become findings the same way, so severity
    /// overrides and suppressions treat them like any other.
    public func run(distributions: [Distribution], urls: [PresignedURL], options: RuleOptions,
                    now: Timestamp, secretKey: String? = nil, unverified: Set<String> = [],
                    additional: [(rule: Rule, violation: Violation)] = []) -> Report {
        var findings = [Finding]()
        var simulations = [Report.Simulation]()
        var notes = [String]()
        var seen = Set<FindingKey>()

        func add(_ finding: Finding) {
            if seen.insert(FindingKey(finding)).inserted { findings.append(finding) }
        }

        for (rule, violation) in additional { add(Self.finding(violation, rule: rule, target: nil)) }

        // URL rules: each URL on its own.
        for url in urls {
            let context = RuleContext(target: nil, url: url, auth: QueryAuth(url), simulation: nil, options: options, now: now)
            for rule in rules where rule.kind == .url {
                for violation in rule.check(context) { add(Self.finding(violation, rule: rule, target: nil)) }
            }
        }

        // Each distribution is judged on its own (rules are pure functions), so an account export's
        // are judged on every core; merged in input order, the report is the same as one by one.
        let outcomes = Parallel.map(distributions, minimumPerThread: 64) { distribution in
            evaluate(distribution, among: distributions, urls: urls, options: options, now: now,
                     secretKey: secretKey, unverified: unverified)
        }
        for outcome in outcomes {
            for finding in outcome.findings { add(finding) }
            simulations += outcome.simulations
            notes += outcome.notes
        }
        for glob in options.presignedPaths where !distributions.contains(where: { distribution in
            distribution.behaviors.contains { Self.matchesDeclaredPaths($0, RuleOptions(presignedPaths: [glob])) }
        }) {
            let patterns = Set(distributions.flatMap { $0.behaviors.map { $0.pathPattern ?? "*" } }).sorted()
            notes.append("Warning: --presigned-paths '\(glob)' matches no cache behavior (path patterns: "
                + "\(patterns.joined(separator: ", "))), so nothing was checked for it. Give a behavior's path pattern, "
                + "or --url with one of the URLs.")
        }
        for url in urls where !distributions.isEmpty && !simulations.contains(where: { $0.request.url.original == url.original }) {
            notes.append("The URL for \(url.host)\(url.rawPath) goes through none of the given distributions (no matching "
                + "domain, alias or origin bucket); only its own checks ran.")
        }
        return Report(findings: Self.sorted(findings), simulations: simulations, notes: notes)
    }

    /// What makes two findings the same one, reported once: rule, distribution, place
    /// (`file:line:column`) and message. Field by field rather than one joined string: nothing
    /// formatted per finding, and no two keys alike because a message contains the separator.
    struct FindingKey: Hashable {
        let rule: RuleID
        let distribution: String
        let file: String
        let line: Int
        let column: Int
        let message: String

        init(_ finding: Finding) {
            rule = finding.rule
            distribution = finding.distribution ?? ""
            // A finding without a location matched one whose place printed as "" before.
            file = finding.location?.file ?? ""
            line = finding.location?.line ?? -1
            column = finding.location?.column ?? -1
            message = finding.message
        }
    }

    /// What one distribution's behaviors give: findings before de-duplication, in rule order.
    struct Outcome: Sendable {
        var findings: [Finding] = []
        var simulations: [Report.Simulation] = []
        var notes: [String] = []
    }

    private func evaluate(_ distribution: Distribution, among distributions: [Distribution], urls: [PresignedURL],
                          options: RuleOptions, now: Timestamp, secretKey: String?, unverified: Set<String>) -> Outcome {
        var outcome = Outcome()
        // Which URLs go through this distribution, and the behavior each hits.
        var hits = [Int: [SimulatedRequest]]()
        for url in urls {
            let candidates = EdgeSimulator.distributions(serving: url, among: distributions)
            guard candidates.contains(where: { distributions[$0].location == distribution.location }),
                  let request = EdgeSimulator.simulate(url, through: distribution, catalog: catalog,
                                                                secretKey: unverified.contains(url.original) ? nil : secretKey)
            else { continue }
            hits[request.behaviorIndex, default: []].append(request)
            outcome.simulations.append(Report.Simulation(distribution: distribution.displayName, request: request))
        }
        let declaredPaths = !options.presignedPaths.isEmpty
        let anythingDeclared = !hits.isEmpty || distribution.behaviors.contains { Self.matchesDeclaredPaths($0, options) }
        var skipped = [String]()
        var websites = [String]()
        for (index, behavior) in distribution.behaviors.enumerated() {
            let origins = distribution.origins(for: behavior)
            if let note = Self.missingTargetNote(behavior, in: distribution) {
                outcome.notes.append(note)
                continue
            }
            let scope: Scope
            let forwarding = Forwarding.resolve(behavior, catalog: catalog)
            if hits[index] != nil || (declaredPaths && Self.matchesDeclaredPaths(behavior, options)) {
                scope = .declared
            } else if !anythingDeclared, origins.contains(where: Self.onlySignedRequestsCanRead) {
                // A public website (DefaultRootObject, HTML error pages) that sends no query string to
                // its bucket cannot be serving presigned URLs: inferring scope would cry wolf (issue 8 §4).
                let queryForwarded = forwarding.map { $0.isResolved ? !$0.forwardsNoQueryString : nil } ?? false
                if !distribution.websiteSigns.isEmpty, queryForwarded != true {
                    websites.append(behavior.displayName)
                    continue
                }
                scope = .inferred
            } else {
                skipped.append(behavior.displayName)
                continue
            }
            let target = RuleContext.Target(distribution: distribution, behavior: behavior, origins: origins,
                                            forwarding: forwarding, scope: scope)
            // Rules that speak of S3 say nothing about an ALB or an API origin (issue 8 §4).
            let targetIsS3 = origins.contains { S3Endpoint.parse(host: $0.domainName) != nil }
            let requests: [SimulatedRequest?] = hits[index] ?? [nil]
            for request in requests {
                let context = RuleContext(target: target, url: request?.url, auth: request?.auth ?? .none,
                                          simulation: request, options: options, now: now)
                for rule in rules where rule.kind == .configuration && (targetIsS3 || Self.nonS3Rules.contains(rule.id)) {
                    for violation in rule.check(context) { outcome.findings.append(Self.finding(violation, rule: rule, target: target)) }
                }
            }
        }
        if !skipped.isEmpty {
            outcome.notes.append("\(distribution.displayName): \(skipped.count) behavior(s) skipped "
                + "(\(skipped.joined(separator: ", "))): not declared to serve presigned URLs "
                + "and CloudFront can read their origin itself (OAC/OAI) or it is not S3. Use --presigned-paths to include them.")
        }
        if !websites.isEmpty {
            outcome.notes.append("\(distribution.displayName): \(websites.count) behavior(s) skipped (\(websites.joined(separator: ", "))) "
                + "as a public website: \(distribution.websiteSigns.joined(separator: ", ")), and no query string "
                + "(so no presigned URL) is known to reach the bucket. Use --url or --presigned-paths to check them "
                + "for presigned URLs.")
        }
        return outcome
    }

    static func finding(_ violation: Violation, rule: Rule, target: RuleContext.Target?) -> Finding {
        var severity = violation.severity ?? rule.description.severity
        var findingNotes = [String]()
        if target?.scope == .inferred {
            severity = min(severity, .warning)
            findingNotes.append("Scope inferred: this behavior's S3 origin has no OAC or OAI, so it can only serve signed "
                + "(or public) requests; findings are capped at warning. Declare it with --url or --presigned-paths "
                + "to get full severity.")
        }
        return Finding(
            rule: rule.id, name: rule.description.name, severity: severity, message: violation.message,
            fix: violation.fix ?? rule.description.fix, location: violation.location,
            resource: target?.distribution.resource, distribution: target?.distribution.displayName,
            behavior: target?.behavior.displayName, origin: violation.origin, scope: target?.scope, notes: findingNotes)
    }

    /// The configuration rules that apply to a behavior whose origins are not S3 at all.
    static let nonS3Rules: Set<RuleID> = ["CFD107"]

    /// A behavior whose TargetOriginId names neither an origin nor an origin group: CloudFront's API
    /// refuses such a config (NoSuchOrigin), so it cannot be deployed and no rule can judge it. A note,
    /// not a finding: there is no presigned-URL behaviour to diagnose, and a rule ID for "invalid
    /// config" would fail CI for something the AWS API itself already rejects.
    static func missingTargetNote(_ behavior: Behavior, in distribution: Distribution) -> String? {
        guard distribution.origin(id: behavior.targetOriginId) == nil,
              distribution.originGroup(id: behavior.targetOriginId) == nil else { return nil }
        let at = behavior.location(of: .targetOriginId)
        return "\(distribution.displayName): behavior \(behavior.displayName) targets '\(behavior.targetOriginId)' "
            + "(\(at), \(at.pointer)), which names no origin or origin group; CloudFront refuses this configuration "
            + "(NoSuchOrigin). The behavior was not analysed."
    }

    /// An S3 REST origin CloudFront cannot read by itself (no OAC, no OAI): only signed or public
    /// requests can succeed, so it is presumably there for presigned URLs.
    static func onlySignedRequestsCanRead(_ origin: Origin) -> Bool {
        guard let endpoint = S3Endpoint.parse(host: origin.domainName), endpoint.form != .website else { return false }
        return !origin.cloudFrontCanRead
    }

    static func matchesDeclaredPaths(_ behavior: Behavior, _ options: RuleOptions) -> Bool {
        let pattern = behavior.pathPattern ?? "*"
        return options.presignedPaths.contains { glob in
            glob == pattern || PathPattern.matches(pattern: glob, path: pattern)
        }
    }

    /// Faults of the URL itself that a configuration finding outranks (issue 8 §2): CFD610 is what is
    /// left when no configuration fact explains the request, and a URL without a signature (CFD603)
    /// that the cache serves anyway is first of all the cache leak (CFD303).
    static func residual(_ rule: RuleID) -> Bool {
        rule == "CFD610" || rule == "CFD603"
    }

    /// Confirmed first, errors first, configuration causes before the URL's own faults, then by
    /// file, line, column, rule — the same input always gives the same order.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        // Positions are sorted, not (position, finding) pairs: each finding is copied once, into
        // its place (a large account's report has tens of thousands).
        findings.indices.sorted { a, b in
            let x = findings[a], y = findings[b]
            if x.confirmed != y.confirmed { return x.confirmed }
            if x.severity != y.severity { return x.severity > y.severity }
            if residual(x.rule) != residual(y.rule) { return residual(y.rule) }
            let lx = x.location, ly = y.location
            if lx?.file != ly?.file { return (lx?.file ?? "") < (ly?.file ?? "") }
            if lx?.line != ly?.line { return (lx?.line ?? 0) < (ly?.line ?? 0) }
            if lx?.column != ly?.column { return (lx?.column ?? 0) < (ly?.column ?? 0) }
            if x.rule != y.rule { return x.rule < y.rule }
            return a < b
        }.map { findings[$0] }
    }
}
