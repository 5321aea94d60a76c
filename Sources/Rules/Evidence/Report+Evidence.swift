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
        // A body answers one request: if what it echoes differs from the URL, it is someone else's.
        if let mismatch = foreignBodyReason(evidence) {
            return report.applyingForeignBody(evidence, mismatch: mismatch)
        }
        let comparisons = simulations.compactMap { CanonicalRequestComparison(evidence: evidence, simulation: $0) }
        // A line-level diff is sharper than the code alone: it names the part that changed.
        var confirming = diagnosis.supports
        var signatureWrong: String?
        if let comparison = comparisons.first, let diff = comparison.signedDiff {
            confirming = diff.differences.flatMap { difference in
                difference.cause.rules.map { Diagnosis.Explanation(rule: $0, reason: "S3's canonical request differs at line "
                    + "\(difference.line) (\(difference.part.rawValue)): \(difference.reason)") }
            }
            if diff.isEmpty, comparison.signedHostKnown {
                signatureWrong = "S3 computed exactly the canonical request the URL was signed for, so the signature itself "
                    + "(or the secret key) is wrong"
            } else if diff.isEmpty {
                // Path and query are what was signed; the host is unknown for a CloudFront URL. A
                // configuration finding about the host explains it; without one the signature is wrong.
                let host = "S3's path and query match what the URL signed, so the host is what differs: S3 used host:"
                    + (comparison.s3Host ?? "(none)")
                let hostRules: [RuleID] = ["CFD401", "CFD102", "CFD101"]
                if findings.contains(where: { hostRules.contains($0.rule) }) {
                    confirming = hostRules.map { Diagnosis.Explanation(rule: $0, reason: host) }
                } else {
                    signatureWrong = "S3's canonical request has the URL's path and query and the origin's host (host:"
                        + "\(comparison.s3Host ?? "(none)")), and nothing in the configuration changes the host: the signature "
                        + "or the secret key is wrong, unless the URL was signed for another host than the origin's"
                }
            }
        }
        if let signatureWrong {
            confirming = [Diagnosis.Explanation(rule: "CFD610", reason: signatureWrong)]
            if !report.findings.contains(where: { $0.rule == "CFD610" }), let simulation = simulations.first,
               let rule = Catalog.rule(id: "CFD610") {
                report.findings.append(Finding(
                    rule: rule.id, name: rule.description.name, severity: .error,
                    message: "S3 answered SignatureDoesNotMatch over the very request the URL describes: the signature does "
                        + "not belong to it (changed after signing, re-encoded, or made with another secret key).",
                    fix: "Presign again with the key of the URL's access key ID and hand the URL out byte for byte; "
                        + "set the secret key (--secret-key-env) to verify it here.",
                    location: simulation.request.behavior.location, distribution: simulation.distribution,
                    behavior: simulation.request.behavior.displayName, origin: simulation.request.origin?.id))
            }
        }
        report.findings = report.findings.map { finding in
            var finding = finding
            if let reason = confirming.first(where: { $0.rule == finding.rule })?.reason {
                // Proven failing: whatever its severity from the configuration alone (inferred scope,
                // unknown signed host), a confirmed finding is an error.
                finding.confirmed = true
                finding.severity = .error
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

    /// Why the body answers another request than the simulated URL's, or nil when it may be its own.
    public func foreignBodyReason(_ evidence: Evidence) -> String? {
        simulations.lazy.compactMap { Self.foreignBody(evidence, url: $0.request.url) }.first
    }

    /// What in the body differs from the URL, when the body echoes the request it answered
    /// (SignatureProvided, AWSAccessKeyId, the canonical request's path and X-Amz-Date).
    static func foreignBody(_ evidence: Evidence, url: PresignedURL) -> String? {
        guard case .sigV4(let query) = QueryAuth(url) else { return nil }
        let facts = evidence.facts
        if let provided = facts.signatureProvided, !provided.isEmpty, let signature = query.signature,
           provided != signature {
            return "its SignatureProvided is not this URL's X-Amz-Signature"
        }
        if let key = facts.echoedAccessKeyId, let credential = query.credential, key != credential.accessKeyId {
            return "its AWSAccessKeyId \(key) is not this URL's access key ID \(credential.accessKeyId)"
        }
        if let canonical = facts.canonicalRequest {
            let lines = canonical.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > 2 {
                let path = String(lines[1])
                if !path.hasSuffix(String(url.rawPath)) {
                    return "its canonical request asks for \(path), not this URL's path \(url.rawPath)"
                }
                if let date = query.amzDateText, lines[2].contains("X-Amz-Date="), !lines[2].contains("X-Amz-Date=\(date)") {
                    return "its canonical request carries another X-Amz-Date than this URL's \(date)"
                }
            }
        }
        return nil
    }

    /// A body of another request. Behind a cache key without the signature (CFD303) that is the
    /// cached answer to another URL for the same object; otherwise it proves nothing about this URL.
    private func applyingForeignBody(_ evidence: Evidence, mismatch: String) -> Report {
        var report = self
        let code = evidence.code ?? "error"
        if let index = report.findings.firstIndex(where: { $0.rule == "CFD303" }) {
            report.findings[index].confirmed = true
            report.findings[index].severity = .error
            report.findings[index].notes.append("Confirmed by the error body (\(code)): the body answers another request "
                + "(\(mismatch)); CloudFront served the cached error of a URL that shares this one's cache key.")
            report.findings = Engine.sorted(report.findings)
            return report
        }
        report.notes.append("The error body (\(code)) does not belong to this URL: \(mismatch). It answers another request, "
            + "so nothing is confirmed from it; pass the body this URL got.")
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
