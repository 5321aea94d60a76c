import CloudFrontModel
import PresignedURLs
import Rules
import S3Errors

/// The `check` pipeline: inputs → model → simulation → rules → severities and suppressions →
/// error-body evidence. The command line only reads files and maps the result to an exit status.
public enum Checker {
    /// `consuming`: each input's bytes are released as soon as it is loaded, so the rules and the
    /// report of a large export do not run next to a copy of the file.
    public static func check(_ request: consuming CheckRequest) throws(InputFailure) -> CheckResult {
        let inputNames = (request.configurations + request.policies).map(\.name)
        let configurationNames = request.configurations.map(\.name)
        var pending = request.configurations.map { ($0, false) } + request.policies.map { ($0, true) }
        request.configurations = []
        request.policies = []
        var catalog = PolicyCatalog()
        var distributions = [Distribution]()
        var loaderNotes = [String]()
        var inline = [Suppression]()
        var everyInputIsInfrastructureCode = !configurationNames.isEmpty
        for position in pending.indices {
            let (input, policiesOnly) = pending[position]
            let name = input.name
            pending[position].0 = NamedInput(name: name, bytes: [])
            let loaded = try InputDocuments.load(consume input, options: LoadOptions(region: request.region, parameters: request.parameters))
            if !policiesOnly, !loaded.isInfrastructureCode { everyInputIsInfrastructureCode = false }
            loaderNotes += loaded.notes
            for ignore in loaded.inlineIgnores { inline.append(try Suppression(inline: ignore)) }
            if policiesOnly, !loaded.distributions.isEmpty || (loaded.cachePolicies.isEmpty && loaded.originRequestPolicies.isEmpty) {
                throw InputFailure("\(name): --policies expects `aws cloudfront get-cache-policy`, "
                    + "`get-origin-request-policy`, `list-cache-policies` or `list-origin-request-policies` output, found \(loaded.shape)")
            }
            if distributions.isEmpty { distributions = loaded.distributions } else { distributions += loaded.distributions }
            do throws(PolicyConflict) {
                for policy in loaded.cachePolicies { try catalog.addLoaded(policy) }
                for policy in loaded.originRequestPolicies { try catalog.addLoaded(policy) }
            } catch {
                throw InputFailure(error.description)
            }
        }
        // A template or plan without a distribution is a fine result in CI: a note, exit 0.
        if distributions.isEmpty, !everyInputIsInfrastructureCode {
            throw InputFailure("no distribution found in \(configurationNames.joined(separator: ", "))")
        }
        let settings = request.settings
        var options = RuleOptions(now: request.now, signatureLifetime: settings.signatureLifetime,
                                  maxExposure: settings.maxExposure, presignedPaths: settings.presignedPaths)
        options.cloudFront = request.cloudFront
        let choice = SecretKeyChoice(variable: request.secretKeyVariable, urls: request.urls, secrets: request.secrets)
        let secret = choice.secret
        var report = Engine(catalog: catalog).run(distributions: distributions, urls: request.urls, options: options,
                                                  now: request.now, secretKey: secret, unverified: choice.notFor)
            .settled(by: settings, inline: inline)
        report.notes = loaderNotes + report.notes
        report.notes += choice.notes
        if secret == nil {
            // A CloudFront (or alias) URL does not say which host it was signed for (issue 8 §4).
            for simulation in report.simulations where simulation.request.signedHost == .unknown {
                report.notes.append("\(simulation.request.url.host) is not an S3 host, so the host the URL was signed for "
                    + "cannot be read from it: the host rules (CFD101, CFD102) judge the configuration alone. For certainty, "
                    + "check the S3 URL the backend presigned (before its host was swapped), or set the secret key "
                    + "($\(request.secretKeyVariable), or --secret-key-env NAME) so cfdoctor finds the signed host.")
            }
        }
        if let errorBody = request.errorBody {
            report = try applyErrorBody(errorBody, to: report, distributions: distributions)
        }
        if let file = settings.file { report.notes.append("Settings loaded from \(file).") }
        var result = CheckResult(report: report, distributions: distributions, settings: settings,
                                 secrets: Redaction.secrets(of: request.urls)
                                    + Redaction.secretKey(request.secrets.secret(named: request.secretKeyVariable)))
        result.inputs = inputNames
        return result
    }

    /// The body becomes evidence: confirmed findings first, contradictions and the canonical
    /// request comparison as notes.
    static func applyErrorBody(_ input: NamedInput, to report: Report, distributions: [Distribution]) throws(InputFailure) -> Report {
        let body = try InputDocuments.errorBody(input)
        let explanation = ErrorExplanation(body: body)
        var report = report
        guard body.kind != .notAnError else {
            report.notes.append("--error-body \(input.name): not used as evidence: \(explanation.verdict)")
            return report
        }
        let foreign = report.foreignBodyReason(explanation.evidence.evidence)
        report = report.applying(explanation.evidence, distributions: distributions)
        if foreign != nil {
            let cached = report.findings.first(where: \.confirmed).map { ": most likely \(ErrorExplanation.label($0.rule)), the "
                + "cached answer to another URL with the same cache key" } ?? " (see below)"
            report.notes.insert("Error body: S3 \(explanation.evidence.code ?? "error") for another request than this URL"
                + cached + ".", at: 0)
        } else if let confirmed = report.findings.first(where: \.confirmed), body.kind == .s3Error || body.kind == .cloudFrontError {
            // The headline follows the confirmed ranking (for SignatureDoesNotMatch, the line-by-line
            // canonical request comparison), so every note in the report agrees.
            let who = body.kind == .s3Error ? "S3" : "CloudFront"
            report.notes.insert("Error body: \(who) \(body.code ?? "error"): most likely \(ErrorExplanation.label(confirmed.rule)). "
                + explanation.evidence.meaning, at: 0)
        } else {
            report.notes.insert("Error body: \(explanation.verdict). \(explanation.evidence.meaning)", at: 0)
        }
        return report
    }
}

extension Report {
    /// Per-rule severities, then suppressions: what the settings say about the engine's findings,
    /// applied the same way to every command.
    /// `inline`: suppressions declared in the inputs themselves, after the settings' own.
    func settled(by settings: Settings, inline: [Suppression] = []) -> Report {
        var selected = self
        if !settings.only.isEmpty { selected.findings.removeAll { !settings.only.contains($0.rule) } }
        return selected.overridingSeverities(settings.severity).suppressing(settings.ignore + inline)
    }
}
