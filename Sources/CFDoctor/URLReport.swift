import CloudFrontSigning
import PresignedURLs
import Rules

/// `cfdoctor url` as text: decoded fields, the signature check, findings, then the verdict.
struct URLTextReport {
    var decoded: DecodedURL
    var report: Report
    var verification: URLVerification?
    /// The user's own URL in text mode without --redact: signature and token shown as given.
    var showSecrets: Bool
    var style: TerminalStyle
    /// The CloudFront signed URL or cookies the URL carries (CFD701–CFD707), if any.
    var cloudFront: CloudFrontDecoded? = nil

    func render() -> String {
        var out = ""
        func field(_ name: String, _ value: String?) {
            guard let value else { return }
            out += "  " + name.padding(to: 15) + value + "\n"
        }
        out += style.bold("Presigned URL") + "\n"
        field("url", showSecrets ? decoded.originalURL : decoded.url)
        field("host", decoded.host + " — " + (decoded.hostForm.map { "\($0.summary) (partition \($0.partition))" }
            ?? "not an S3 host"))
        field("bucket", decoded.bucket)
        field("key", decoded.key)
        field("auth", decoded.auth == "none" ? "none (no S3 query authentication)" : decoded.algorithm.map { "\(decoded.auth), \($0)" })
        field("access key id", decoded.accessKeyId)
        field("scope", decoded.credentialScope)
        field("region", decoded.region.map { "\($0) (credential scope)" }
            ?? decoded.hostForm?.servingRegion.map { "\($0) (from the host)" })
        field("signed at", decoded.signedAt)
        field("expires", decoded.expiresAt.map { at in
            at + (decoded.expiresInSeconds.map { " (X-Amz-Expires \(DurationText.explain($0)))" } ?? "") })
        if let timeLeft = decoded.timeLeft {
            field("time left", (decoded.secondsLeft ?? 0) < 0 ? style.red(timeLeft) : timeLeft)
        }
        if !decoded.signedHeaders.isEmpty { field("signed headers", decoded.signedHeaders.joined(separator: ";")) }
        field("signature", showSecrets ? decoded.rawSignature : decoded.signature)
        field("session token", showSecrets ? decoded.rawSecurityToken : decoded.securityToken)
        for parameter in decoded.otherParameters { field("parameter", "\(parameter.name)=\(parameter.value)") }

        if let cloudFront { out += CloudFrontURLSection.render(cloudFront, style: style) }

        if let verification {
            out += "\n" + style.bold("Signature") + " "
            switch verification.outcome {
            case .matches: out += style.green("✓ " + verification.summary) + "\n"
            case .mismatch: out += style.red("✗ " + verification.summary) + "\n"
            default: out += verification.summary + "\n"
            }
            if let check = verification.check {
                if let canonical = check.canonicalRequest {
                    out += "  canonical request:\n" + indent(redactedCanonical(canonical), by: 4)
                }
                if !check.stringToSign.isEmpty { out += "  string to sign:\n" + indent(check.stringToSign, by: 4) }
                if case .mismatch = verification.outcome {
                    field("expected", showSecrets ? check.expectedSignature : "REDACTED")
                }
            }
        }

        let text = TextReport(report: report, distributions: [], style: style)
        if !report.findings.isEmpty {
            out += "\n" + style.bold("Findings") + "\n"
            for finding in report.findings { out += text.render(finding) }
        }
        for note in report.notes { out += "\n" + style.dim("note: " + note) }
        if !report.notes.isEmpty { out += "\n" }
        out += "\n" + style.bold(report.verdict) + "\n"
        return out
    }

    /// The canonical query holds the session token: hide it unless secrets may be shown.
    private func redactedCanonical(_ canonical: String) -> String {
        guard !showSecrets, let token = decoded.rawSecurityToken, !token.isEmpty else { return canonical }
        return canonical.replacingAll(PercentEncoding.encode(token), with: "REDACTED")
    }

    private func indent(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n") + "\n"
    }
}

/// `cfdoctor url --format json`: the `check` report's keys plus the decoded `url` and `signatureCheck`.
/// Signatures and session tokens are always redacted here (SPEC §8).
struct URLJSONDocument: Encodable {
    struct SignatureCheckJSON: Encodable {
        var status: String
        var version: String
        var canonicalRequest: String?
        var stringToSign: String?
    }

    var version = 1
    var findings: [JSONReport.FindingJSON]
    var verdict: String
    var summary: [String: Int]
    var notes: [String]
    var url: DecodedURL
    var signatureCheck: SignatureCheckJSON?
    var cloudFront: CloudFrontDecoded?

    enum CodingKeys: String, CodingKey { case version, findings, verdict, summary, notes, url, signatureCheck, cloudFront }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(findings, forKey: .findings)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(summary, forKey: .summary)
        try c.encode(notes, forKey: .notes)
        try c.encode(url, forKey: .url)
        // null without a secret key: nothing was verified.
        try c.encode(signatureCheck, forKey: .signatureCheck)
        // Only for CloudFront signed URLs and cookies, so other URLs' documents stay as they were.
        try c.encodeIfPresent(cloudFront, forKey: .cloudFront)
    }

    init(report: Report, decoded: DecodedURL, verification: URLVerification?) {
        let base = JSONReport.document(report)
        findings = base.findings
        verdict = base.verdict
        summary = base.summary
        notes = base.notes
        url = decoded
        signatureCheck = verification.map { v in
            var canonical = v.check?.canonicalRequest
            if let token = decoded.rawSecurityToken, !token.isEmpty {
                canonical = canonical?.replacingAll(PercentEncoding.encode(token), with: "REDACTED")
            }
            return SignatureCheckJSON(status: v.status, version: v.version, canonicalRequest: canonical,
                                      stringToSign: v.check.map(\.stringToSign).flatMap { $0.isEmpty ? nil : $0 })
        }
    }
}

extension String {
    func replacingAll(_ needle: String, with replacement: String) -> String {
        guard !needle.isEmpty else { return self }
        return split(separator: needle, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
