import EdgeSimulation
import PresignedURLs
import S3Errors

/// For a SignatureDoesNotMatch body and a simulated URL: S3's CanonicalRequest against (1) the one
/// the URL was signed for — its signed host, its path, all its parameters — which names what
/// changed between the signer and S3, and (2) the one cfdoctor expects S3 to compute from the
/// simulated origin request (origin host, OriginPath + path, forwarded parameters), which checks
/// the simulation against reality.
struct CanonicalRequestComparison {
    var url: PresignedURL
    /// The host S3 used, from its canonical request.
    var s3Host: String?
    /// False for a CloudFront URL checked without the secret key: the signed host is unknown, so
    /// the comparison covers path and query only.
    var signedHostKnown: Bool
    var signedDiff: CanonicalRequestDiff?
    var simulatedDiff: CanonicalRequestDiff?

    init?(evidence: Evidence, simulation: Report.Simulation) {
        guard evidence.code == "SignatureDoesNotMatch", let actual = evidence.facts.canonicalRequest,
              let sigV4 = simulation.request.auth.sigV4 else { return nil }
        let request = simulation.request
        url = request.url
        let signedHeaders = sigV4.signedHeaders.isEmpty ? ["host"] : sigV4.signedHeaders
        s3Host = Evidence.hostLine(in: actual)
        signedHostKnown = request.signedHost.host != nil
        // Unknown signed host: compare with S3's own, so only path and query can differ.
        let signedHost = request.signedHost.host ?? s3Host ?? request.originHost
        let signed = SigV4Signer.canonicalRequest(
            SigV4Signer.Request(rawPath: String(request.url.rawPath),
                                parameters: request.url.parameters.map { ($0.name, $0.value) },
                                headers: ["host": signedHost]),
            signedHeaders: signedHeaders)
        // An unknown viewer Host is not compared: S3's own host line stands in for it.
        let simulatedHost = request.originHostUnknown ? (s3Host ?? request.originHost) : request.originHost
        let simulated = SigV4Signer.canonicalRequest(
            SigV4Signer.Request(rawPath: request.originRawPath, parameters: request.forwardedParameters,
                                headers: ["host": simulatedHost]),
            signedHeaders: signedHeaders)
        signedDiff = signed.flatMap { CanonicalRequestDiff(actual: actual, expected: $0) }
        simulatedDiff = simulated.flatMap { CanonicalRequestDiff(actual: actual, expected: $0) }
        if signedDiff == nil, simulatedDiff == nil { return nil }
    }

    /// Multi-line, for the report's notes. Query lines are summarised by parameter name: their
    /// values include the access key ID and possibly the session token.
    var note: String {
        var lines = ["SignatureDoesNotMatch: S3's CanonicalRequest compared with the one \(url.redacted) was signed for:"]
        if let signedDiff {
            if !signedHostKnown {
                lines.append("  the URL does not say which host it was signed for (a CloudFront URL), "
                    + "so only path and query are compared; S3 used host:\(s3Host ?? "?")")
            }
            if signedDiff.isEmpty {
                lines.append(signedHostKnown
                    ? "  identical: S3 received what was signed, so the signature or the secret key is wrong (CFD610)"
                    : "  path and query identical: the host is the part left to differ (CFD101, CFD102), or the secret key (CFD610)")
            }
            lines += signedDiff.differences.map(Self.describe)
        } else {
            lines.append("  not comparable: the URL signs headers whose values cfdoctor does not know")
        }
        if let simulatedDiff {
            lines.append(simulatedDiff.isEmpty
                ? "cfdoctor's simulated origin request produces exactly S3's canonical request."
                : "cfdoctor's simulated origin request differs from S3's (the deployed distribution may differ from this export):")
            lines += simulatedDiff.differences.map(Self.describe)
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ difference: CanonicalRequestDiff.Difference) -> String {
        var text = "  line \(difference.line) (\(difference.part.rawValue)): "
        if difference.part == .query {
            text += difference.reason
        } else {
            text += "S3 `\(difference.actual ?? "(none)")`, expected `\(difference.expected ?? "(none)")` — \(difference.reason)"
        }
        let rules = difference.cause.rules
        if !rules.isEmpty { text += " → " + rules.map(\.rawValue).joined(separator: ", ") }
        return text
    }
}
