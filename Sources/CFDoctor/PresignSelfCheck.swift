import CloudFrontModel
import Presigning
import Rules

/// After signing for a distribution, runs `check` on the produced URL through it (with the secret,
/// so the signature is verified for what CloudFront sends to S3): any error or warning becomes a
/// warning line, so a URL that cannot work is never handed out silently.
enum PresignSelfCheck {
    struct Problem {
        var message: String
        var isError: Bool
    }

    static func run(_ signed: PresignedGET, origin: PresignOrigin, secret: String) -> [Problem]? {
        guard let url = try? PresignedURL(signed.url) else { return nil }
        let engine = Engine(rules: Catalog.all, catalog: origin.catalog)
        let report = engine.run(distributions: [origin.distribution], urls: [url], options: RuleOptions(now: signed.signedAt),
                                now: signed.signedAt, secretKey: secret)
        return report.findings.filter { $0.severity >= .warning }.map { finding in
            Problem(message: "cfdoctor check on this URL: \(finding.rule) \(finding.name) (\(finding.severity)): \(finding.message)",
                    isError: finding.severity == .error)
        }
    }
}
