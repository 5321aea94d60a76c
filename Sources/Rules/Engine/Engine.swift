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

    /// `secretKey` (from the environment, never an argument) lets the simulation verify signatures.
    /// `additional` are violations found outside the rules' own checks (the signature of a URL as
    /// it stands, verified by `cfdoctor url`): they become findings the same way, so severity
    /// overrides and suppressions treat them like any other.
    public func run(distributions: [Distribution], urls: [PresignedURL], options: RuleOptions,
                    now: Timestamp, secretKey: String? = nil, additional: [(rule: Rule, violation: Violation)] = []) -> Report {
        var findings = [Finding]()
        var simulations = [Report.Simulation]()
        var notes = [String]()
        var seen = Set<String>()

        func add(_ violation: Violation, rule: Rule, target: RuleContext.Target?) {
            var severity = violation.severity ?? rule.description.severity
            var findingNotes = [String]()
            if target?.scope == .inferred {
                severity = min(severity, .warning)
                findingNotes.append("Scope inferred: this behavior's S3 origin has no OAC or OAI, so it can only serve signed "
                    + "(or public) requests; findings are capped at warning. Declare it with --url or --presigned-paths "
                    + "to get full severity.")
            }
            let finding = Finding(
                rule: rule.id, name: rule.description.name, severity: severity, message: violation.message,
                fix: violation.fix ?? rule.description.fix, location: violation.location,
                resource: target?.distribution.resource, distribution: target?.distribution.displayName,
                behavior: target?.behavior.displayName, origin: violation.origin, scope: target?.scope, notes: findingNotes)
            let key = [finding.rule.rawValue, finding.distribution ?? "", finding.location?.description ?? "", finding.message].joined(separator: "|")
            if seen.insert(key).inserted { findings.append(finding) }
        }

        for (rule, violation) in additional { add(violation, rule: rule, target: nil) }

        // URL rules: each URL on its own.
        for url in urls {
            let context = RuleContext(target: nil, url: url, auth: QueryAuth(url), simulation: nil, options: options, now: now)
            for rule in rules where rule.kind == .url {
                for violation in rule.check(context) { add(violation, rule: rule, target: nil) }
            }
        }

        for distribution in distributions {
            // Which URLs go through this distribution, and the behavior each hits.
            var hits = [Int: [SimulatedRequest]]()
            for url in urls {
                let candidates = EdgeSimulator.distributions(serving: url, among: distributions)
                guard candidates.contains(where: { distributions[$0].location == distribution.location }),
                      let request = EdgeSimulator.simulate(url, through: distribution, catalog: catalog,
                                                                    secretKey: secretKey) else { continue }
                hits[request.behaviorIndex, default: []].append(request)
                simulations.append(Report.Simulation(distribution: distribution.displayName, request: request))
            }
            let declaredPaths = !options.presignedPaths.isEmpty
            let anythingDeclared = !hits.isEmpty || distribution.behaviors.contains { Self.matchesDeclaredPaths($0, options) }
            var skipped = [String]()
            var unknownPolicies = Set<String>()
            for (index, behavior) in distribution.behaviors.enumerated() {
                let origins = distribution.origins(for: behavior)
                if let note = Self.missingTargetNote(behavior, in: distribution) {
                    notes.append(note)
                    continue
                }
                let scope: Scope
                if hits[index] != nil || (declaredPaths && Self.matchesDeclaredPaths(behavior, options)) {
                    scope = .declared
                } else if !anythingDeclared, origins.contains(where: Self.onlySignedRequestsCanRead) {
                    scope = .inferred
                } else {
                    skipped.append(behavior.displayName)
                    continue
                }
                let forwarding = Forwarding.resolve(behavior, catalog: catalog)
                unknownPolicies.formUnion(forwarding?.unknownPolicies ?? [])
                let target = RuleContext.Target(distribution: distribution, behavior: behavior, origins: origins,
                                                forwarding: forwarding, scope: scope)
                let requests: [SimulatedRequest?] = hits[index] ?? [nil]
                for request in requests {
                    let context = RuleContext(target: target, url: request?.url, auth: request?.auth ?? .none,
                                              simulation: request, options: options, now: now)
                    for rule in rules where rule.kind == .configuration {
                        for violation in rule.check(context) { add(violation, rule: rule, target: target) }
                    }
                }
            }
            if !skipped.isEmpty {
                notes.append("\(distribution.displayName): \(skipped.count) behavior(s) skipped "
                    + "(\(skipped.joined(separator: ", "))): not declared to serve presigned URLs "
                    + "and CloudFront can read their origin itself (OAC/OAI) or it is not S3. Use --presigned-paths to include them.")
            }
            for id in unknownPolicies.sorted() {
                notes.append("\(distribution.displayName): policy \(id) is neither an AWS managed policy nor in the inputs; "
                    + "rules that depend on it could not decide. Pass its `aws cloudfront get-cache-policy` / "
                    + "`get-origin-request-policy` output with --policies.")
            }
        }
        for url in urls where !distributions.isEmpty && !simulations.contains(where: { $0.request.url.original == url.original }) {
            notes.append("The URL for \(url.host)\(url.rawPath) goes through none of the given distributions (no matching "
                + "domain, alias or origin bucket); only its own checks ran.")
        }
        return Report(findings: Self.sorted(findings), simulations: simulations, notes: notes)
    }

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

    /// Errors first, then by file, line, column, rule — the same input always gives the same order.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.confirmed != y.confirmed { return x.confirmed }
            if x.severity != y.severity { return x.severity > y.severity }
            let lx = x.location, ly = y.location
            if lx?.file != ly?.file { return (lx?.file ?? "") < (ly?.file ?? "") }
            if lx?.line != ly?.line { return (lx?.line ?? 0) < (ly?.line ?? 0) }
            if lx?.column != ly?.column { return (lx?.column ?? 0) < (ly?.column ?? 0) }
            if x.rule != y.rule { return x.rule < y.rule }
            return a.offset < b.offset
        }.map(\.element)
    }
}
