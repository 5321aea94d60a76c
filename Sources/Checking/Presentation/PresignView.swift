import PresignedURLs
import Rules

/// `presign`'s own fields. The URL, with its signature and session token, is the product: it is
/// shown whole in every format. The secret key never is, and findings and warnings are redacted
/// like `check`'s. The JSON reporter encodes these as the command's own fields next to the
/// findings, every key present (null when unknown).
public struct PresignView: Sendable {
    public struct Exposure: Sendable, Encodable {
        public var cacheTTL: Int64
        public var seconds: Int64
        public var reachableUntil: String
        /// Over the exposure budget; null without one.
        @NullWhenAbsent public var overBudget: Bool?
    }

    /// Where the URL was signed for, with `--distribution`.
    public struct Origin: Sendable, Encodable {
        public var file: String
        public var distribution: String
        public var behavior: String
        public var origin: String
        public var originPath: String
        /// The behavior's TTLs; null when its cache policy is unknown.
        @NullWhenAbsent public var minTTL: Int64?
        @NullWhenAbsent public var defaultTTL: Int64?
        @NullWhenAbsent public var maxTTL: Int64?
    }

    /// The URL to hand out (on the CDN host when one was given).
    public var url: String
    /// The same signature on the S3 host.
    public var s3URL: String
    public var signedHost: String
    public var bucket: String
    public var key: String
    public var region: String
    public var signedAt: String
    public var amzDate: String
    public var roundingWindow: Int64
    public var handedOutUntil: String
    public var expiresIn: Int64
    public var expiresAt: String
    public var minimumValidity: Int64
    public var maximumValidity: Int64
    public var exposure: Exposure?
    public var maxExposure: Int64?
    public var distribution: Origin?
    /// What the signer should know: origin and exposure warnings, then what `check --url` finds
    /// on the URL through the distribution (warnings and errors that count).
    public var warnings: [String]

    /// The host viewers use, when it is not the S3 host (text only).
    public var viewerHost: String?
}

extension Presentation {
    /// `presign`'s result: the self-check's findings and the warnings redacted, the URL whole.
    public init(redacting result: PresignResult) {
        let redaction = Redaction(secrets: result.secrets)
        let signed = result.signed
        let problems = result.report.findings.filter { $0.suppressed == nil && $0.severity >= .warning }.map {
            "cfdoctor check on this URL: \($0.rule) \($0.name) (\($0.severity)): \(redaction.scrub($0.message))"
        }
        let view = PresignView(
            url: signed.url, s3URL: signed.s3URL, signedHost: signed.signedHost, bucket: result.request.bucket,
            key: result.request.key, region: signed.region, signedAt: signed.signedAt.rfc3339, amzDate: signed.signedAt.amzDate,
            roundingWindow: signed.roundingWindow, handedOutUntil: signed.handedOutUntil.rfc3339, expiresIn: signed.expiresIn,
            expiresAt: signed.expiresAt.rfc3339, minimumValidity: signed.minimumValidity, maximumValidity: signed.maximumValidity,
            exposure: signed.exposure.map {
                PresignView.Exposure(cacheTTL: $0.cacheTTL, seconds: $0.seconds, reachableUntil: $0.reachableUntil.rfc3339,
                                     overBudget: result.overBudget)
            },
            maxExposure: result.maxExposure,
            distribution: result.origin.map {
                PresignView.Origin(file: $0.file, distribution: $0.distribution.displayName, behavior: $0.behavior.displayName,
                                   origin: $0.origin.id, originPath: $0.originPath, minTTL: $0.ttl?.minimum,
                                   defaultTTL: $0.ttl?.default, maxTTL: $0.ttl?.maximum)
            },
            warnings: redaction.scrub(result.notices) + problems,
            viewerHost: signed.url == signed.s3URL ? nil : result.request.cdn?.host.lowercased())
        self.init(report: result.report, verdict: result.report.verdict(failing: result.failed), subject: .presign(view),
                  redaction: redaction, outputRedaction: Redaction(secrets: result.secretKeyForms))
    }
}
