import CloudFrontSigning
import PresignedURLs
import Rules

public struct URLCheckResult: Sendable {
    public var report: Report
    public var decoded: DecodedURL
    /// nil without a secret key: nothing was verified.
    public var verification: URLVerification?
    /// The CloudFront signed URL or cookies the URL carries (CFD701–CFD707), decoded; nil for other URLs.
    public var cloudFront: CloudFrontDecoded?
    public var settings: Settings
    /// The URL's signature and token, and the secret key: what redaction removes.
    var secrets: [String]
    /// The environment's secret key (as written and percent-encoded), used or not: hidden even in
    /// the user's own URL echoed as given.
    var secretKeyForms: [String]

    public var failed: Bool { settings.effectiveFailOn.fails(report) }
    public var verdict: String { report.verdict(failing: failed) }
}

/// `url`: one presigned URL judged on its own (CFD601–CFD609, CFD611), and with a secret key its
/// signature verified as the URL stands (CFD610) — all through the engine, so the settings'
/// severities and suppressions apply to every finding.
public enum URLChecker {
    public static func check(_ url: PresignedURL, now: Timestamp, settings: Settings = Settings(),
                             secretKeyVariable: String = "AWS_SECRET_ACCESS_KEY",
                             secrets: any SecretProvider = EnvironmentSecrets(),
                             cloudFront: CloudFrontSigningOptions = CloudFrontSigningOptions()) -> URLCheckResult {
        let choice = SecretKeyChoice(variable: secretKeyVariable, urls: [url], secrets: secrets)
        let secret = choice.secret
        let verification = secret.map { URLVerification(url, secret: $0) }
        var options = RuleOptions(now: now)
        options.cloudFront = cloudFront
        var report = Engine().run(distributions: [], urls: [url], options: options, now: now,
                                  additional: (verification?.violation ?? (QueryAuth(url).sigV4?.signatureHasUpperCaseHex == true
                                      ? URLVerification.upperCaseViolation : nil)).map { [$0] } ?? [])
            .settled(by: settings)
        report.notes += choice.notes
        if let verification {
            report.notes += verification.notes(variable: secretKeyVariable)
        } else if choice.notFor.isEmpty, secretKeyVariable != "AWS_SECRET_ACCESS_KEY" {
            // Asked for by name but absent: say so rather than silently not verifying.
            report.notes.append("$\(secretKeyVariable) is not set (or empty): the signature was not verified.")
        }
        let decoded = DecodedURL(url, auth: QueryAuth(url), now: now)
        report.notes += decoded.remarks
        // Input that is no signature at all was refused by the caller (CloudFrontSigningOptions.validate).
        let request = CloudFrontSignedRequest.fromURL(url.original)
            ?? CloudFrontSignedRequest.fromCookies(cloudFront.cookies, url: url.original)
        let analysis = request.flatMap { try? CloudFrontAnalysis.analyse($0, now: now.seconds, keys: cloudFront.publicKeys) }
        return URLCheckResult(report: report, decoded: decoded, verification: verification,
                              cloudFront: analysis.map { CloudFrontDecoded($0, now: now.seconds) }, settings: settings,
                              secrets: Redaction.secrets(of: [url]) + Redaction.secretKey(secrets.secret(named: secretKeyVariable)),
                              secretKeyForms: Redaction.secretKey(secrets.secret(named: secretKeyVariable)))
    }
}
