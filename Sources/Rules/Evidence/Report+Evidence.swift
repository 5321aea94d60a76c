import CloudFrontModel
import EdgeSimulation
import PresignedURLs
import S3Errors

extension Report {
    /// The report with an error body taken as evidence (SPEC §7, "Error bodies are evidence, not
    /// rules"): findings the body supports are confirmed and ranked first, findings it argues
    /// against say so, contradictions with the configuration become notes, and a
    /// SignatureDoesNotMatch body's CanonicalRequest is compared line by line with the one the
    /// URL was signed for. A post-processing step, so the engine itself does not change.
    public func applying(_ diagnosis: Diagnosis, distributions: [Distribution]) -> Report {
        let evidence = diagnosis.evidence
        var report = self
        let comparisons = simulations.compactMap { CanonicalRequestComparison(evidence: evidence, simulation: $0) }
        // A line-level diff is sharper than the code alone: it names the part that changed.
        var confirming = diagnosis.supports
        if let comparison = comparisons.first, let diff = comparison.signedDiff {
            confirming = diff.differences.flatMap { difference in
                difference.cause.rules.map { Diagnosis.Explanation(rule: $0, reason: "S3's canonical request differs at line "
                    + "\(difference.line) (\(difference.part.rawValue)): \(difference.reason)") }
            }
            if diff.isEmpty, comparison.signedHostKnown {
                confirming = [Diagnosis.Explanation(rule: "CFD610", reason: "S3 computed the canonical request the URL "
                    + "was signed for, so the signature itself (or the secret key) is wrong")]
            } else if diff.isEmpty {
                let host = "S3's path and query match what the URL signed, so the host is what differs: S3 used host:"
                    + (comparison.s3Host ?? "?")
                confirming = [Diagnosis.Explanation(rule: "CFD102", reason: host),
                              Diagnosis.Explanation(rule: "CFD101", reason: host),
                              Diagnosis.Explanation(rule: "CFD610", reason: "or the URL was signed with another secret key")]
            }
        }
        report.findings = findings.map { finding in
            var finding = finding
            if let reason = confirming.first(where: { $0.rule == finding.rule })?.reason {
                finding.confirmed = true
                finding.notes.append("Confirmed by the error body (\(evidence.code ?? "error")): \(reason)")
            } else if let reason = diagnosis.reason(rulingOut: finding.rule) {
                finding.notes.append("The error body argues against this: \(reason)")
            }
            return finding
        }
        report.findings = Engine.sorted(report.findings)
        report.notes += contradictions(evidence, confirming: confirming, distributions: distributions)
        report.notes += comparisons.map(\.note)
        return report
    }

    private func contradictions(_ evidence: Evidence, confirming: [Diagnosis.Explanation],
                                distributions: [Distribution]) -> [String] {
        var notes = [String]()
        let origins = simulations.isEmpty
            ? distributions.flatMap(\.origins)
            : simulations.compactMap(\.request.origin)
        if evidence.facts.headersNotSigned.contains("x-amz-cf-id"), !origins.isEmpty,
           origins.allSatisfy({ if case .s3 = $0.kind { return true } else { return false } }),
           !origins.contains(where: { $0.customHeaders.contains { $0.name.lowercased().hasPrefix("x-amz-") } }) {
            notes.append("The error body contradicts the configuration: S3 reports x-amz-cf-id as not signed, the "
                + "symptom of an S3 bucket set up as a custom origin (CFD201), but every origin in scope is an S3 "
                + "origin (S3OriginConfig) and none adds x-amz-* custom headers. Check that this export is the "
                + "distribution that answered, and whether an edge function adds headers.")
        } else if let first = confirming.first,
                  !findings.contains(where: { finding in confirming.contains { $0.rule == finding.rule } }) {
            let rules = confirming.map(\.rule)
            // Several of these rules are written in parallel branches; say so instead of blaming the export.
            guard Catalog.rule(id: first.rule) != nil else {
                notes.append("The error body (\(evidence.code ?? "error")) points to \(first.rule) — \(first.reason). "
                    + "This build of cfdoctor has no check for \(first.rule), so the configuration was not examined for it.")
                return notes
            }
            notes.append("The error body (\(evidence.code ?? "error")) points to \(rules.map(\.rawValue).joined(separator: ", ")), but the "
                + "configuration shows no such finding: the export may not be the deployed distribution, or the cause "
                + "lies outside it. Most likely: \(confirming[0].rule) — \(confirming[0].reason).")
        }
        return notes
    }
}
