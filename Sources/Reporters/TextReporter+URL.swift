import Checking
import PresignedURLs

extension TextReporter {
    /// `url`: decoded fields, the signature check, findings, then the summary line. The URL, its
    /// signature and token appear as given only when the presentation carries them (`asGiven`).
    func url(_ presentation: Presentation, _ view: URLView) -> String {
        var out = ""
        func field(_ name: String, _ value: String?) {
            guard let value else { return }
            out += "  " + name.padding(to: 15) + value + "\n"
        }
        let decoded = view.decoded, given = view.asGiven
        out += style.bold("Presigned URL") + "\n"
        field("url", given?.url ?? decoded.url)
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
        field("signature", given.map(\.signature) ?? decoded.signature)
        field("session token", given.map(\.securityToken) ?? decoded.securityToken)
        for parameter in decoded.otherParameters { field("parameter", "\(parameter.name)=\(parameter.value)") }

        if let cloudFront = view.cloudFront { out += self.cloudFront(cloudFront) }

        if let check = view.signatureCheck {
            out += "\n" + style.bold("Signature") + " "
            switch check.outcome {
            case .matches: out += style.green("✓ " + check.summary) + "\n"
            case .mismatch: out += style.red("✗ " + check.summary) + "\n"
            default: out += check.summary + "\n"
            }
            if let canonical = check.canonicalRequest {
                out += "  canonical request:\n" + layout.indent(canonical, by: 4)
            }
            if let stringToSign = check.stringToSign { out += "  string to sign:\n" + layout.indent(stringToSign, by: 4) }
            if case .mismatch = check.outcome {
                field("expected", given?.expectedSignature ?? "REDACTED")
            }
        }

        if !presentation.activeFindings.isEmpty {
            out += "\n" + style.bold("Findings") + "\n"
            for finding in presentation.activeFindings { out += render(finding) }
        }
        out += suppressedLine(presentation.suppressedFindings)
        for note in presentation.notes { out += "\n" + withoutLastCharacter(dimmed("note: " + note, by: 0)) }
        if !presentation.notes.isEmpty { out += "\n" }
        out += "\n" + style.bold(presentation.verdict) + "\n"
        return out
    }
}
