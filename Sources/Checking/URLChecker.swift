import PresignedURLs
import Rules

/// `url`: one presigned URL judged on its own (CFD601–CFD609, CFD611), and with a secret key its
/// signature verified as the URL stands (CFD610) — all through the engine.
public struct URLCheckRequest: Sendable {
    public var url: PresignedURL
    public var now: Timestamp
    public var settings: Settings
    public var secretKeyVariable: String
    public var secrets: any SecretProvider

    public init(url: PresignedURL, now: Timestamp, settings: Settings = Settings(),
                secretKeyVariable: String = "AWS_SECRET_ACCESS_KEY", secrets: any SecretProvider = EnvironmentSecrets()) {
        self.url = url
        self.now = now
        self.settings = settings
        self.secretKeyVariable = secretKeyVariable
        self.secrets = secrets
    }
}

public struct URLCheckResult: Sendable {
    public var report: Report
    public var decoded: DecodedURL
    /// nil without a secret key: nothing was verified.
    public var verification: URLVerification?
    public var settings: Settings
    /// The URL's signature and token, and the secret key: what redaction removes.
    var secrets: [String]
    var secretKey: String?

    public var failed: Bool { settings.effectiveFailOn.fails(report) }
    public var verdict: String { report.verdict(failing: failed) }
}

public enum URLChecker {
    public static func check(_ request: URLCheckRequest) -> URLCheckResult {
        let url = request.url, now = request.now
        let secret = request.secrets.secret(named: request.secretKeyVariable)
        let verification = secret.map { URLVerification(url, secret: $0) }
        var report = Engine().run(distributions: [], urls: [url], options: RuleOptions(now: now), now: now,
                                  additional: verification?.violation.map { [$0] } ?? [])
            .settled(by: request.settings)
        if let verification {
            report.notes += verification.notes(variable: request.secretKeyVariable)
        } else if request.secretKeyVariable != "AWS_SECRET_ACCESS_KEY" {
            // Asked for by name but absent: say so rather than silently not verifying.
            report.notes.append("$\(request.secretKeyVariable) is not set (or empty): the signature was not verified.")
        }
        let decoded = DecodedURL(url, auth: QueryAuth(url), now: now)
        report.notes += decoded.remarks
        return URLCheckResult(report: report, decoded: decoded, verification: verification, settings: request.settings,
                              secrets: Redaction.secrets(of: [url]) + [secret].compactMap { $0 }, secretKey: secret)
    }
}
