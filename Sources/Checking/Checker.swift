import CloudFrontModel
import PresignedURLs
import Rules
import S3Errors

/// The `check` pipeline: inputs → model → simulation → rules → severities and suppressions →
/// error-body evidence. The command line only reads files and maps the result to an exit status.
public enum Checker {
    public static func check(_ request: CheckRequest) throws(InputFailure) -> CheckResult {
        var catalog = PolicyCatalog()
        var distributions = [Distribution]()
        var loaderNotes = [String]()
        var inline = [Suppression]()
        var everyInputIsInfrastructureCode = !request.configurations.isEmpty
        for (input, policiesOnly) in request.configurations.map({ ($0, false) }) + request.policies.map({ ($0, true) }) {
            let loaded = try InputDocuments.load(input, options: LoadOptions(region: request.region, parameters: request.parameters))
            if !policiesOnly, !loaded.isInfrastructureCode { everyInputIsInfrastructureCode = false }
            loaderNotes += loaded.notes
            for ignore in loaded.inlineIgnores { inline.append(try Suppression(inline: ignore)) }
            if policiesOnly, !loaded.distributions.isEmpty || (loaded.cachePolicies.isEmpty && loaded.originRequestPolicies.isEmpty) {
                throw InputFailure("\(input.name): --policies expects `aws cloudfront get-cache-policy`, "
                    + "`get-origin-request-policy`, `list-cache-policies` or `list-origin-request-policies` output, found \(loaded.shape)")
            }
            distributions += loaded.distributions
            do throws(PolicyConflict) {
                for policy in loaded.cachePolicies { try catalog.addLoaded(policy) }
                for policy in loaded.originRequestPolicies { try catalog.addLoaded(policy) }
            } catch {
                throw InputFailure(error.description)
            }
        }
        // A template or plan without a distribution is a fine result in CI: a note, exit 0.
        if distributions.isEmpty, !everyInputIsInfrastructureCode {
            throw InputFailure("no distribution found in \(request.configurations.map(\.name).joined(separator: ", "))")
        }
        let settings = request.settings
        var options = RuleOptions(now: request.now, signatureLifetime: settings.signatureLifetime,
                                  maxExposure: settings.maxExposure, presignedPaths: settings.presignedPaths)
        options.cloudFront = request.cloudFront
        let secret = request.urls.isEmpty ? nil : request.secrets.secret(named: request.secretKeyVariable)
        var report = Engine(catalog: catalog).run(distributions: distributions, urls: request.urls, options: options,
                                                  now: request.now, secretKey: secret)
            .settled(by: settings, inline: inline)
        report.notes = loaderNotes + report.notes
        if let errorBody = request.errorBody {
            report = try applyErrorBody(errorBody, to: report, distributions: distributions)
        }
        if let file = settings.file { report.notes.append("Settings loaded from \(file).") }
        return CheckResult(report: report, distributions: distributions, settings: settings,
                           secrets: Redaction.secrets(of: request.urls) + [secret].compactMap { $0 })
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
        report = report.applying(explanation.evidence, distributions: distributions)
        report.notes.insert("Error body: \(explanation.verdict). \(explanation.evidence.meaning)", at: 0)
        return report
    }
}

extension Report {
    /// Per-rule severities, then suppressions: what the settings say about the engine's findings,
    /// applied the same way to every command.
    /// `inline`: suppressions declared in the inputs themselves, after the settings' own.
    func settled(by settings: Settings, inline: [Suppression] = []) -> Report {
        overridingSeverities(settings.severity).suppressing(settings.ignore + inline)
    }
}
