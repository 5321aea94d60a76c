import CloudFrontModel
import PresignedURLs
import Presigning
import Rules

/// What `presign` made: the URL and its times, where it was signed for, and — through a
/// distribution — what `check --url` finds on it (settled by the settings like `check`'s).
public struct PresignResult: Sendable {
    public var signed: PresignedGET
    public var request: PresignRequest
    /// nil unless signed for a distribution.
    public var origin: PresignOrigin?
    public var maxExposure: Int64?
    /// The self-check's findings; empty without a distribution.
    public var report: Report
    /// What the signer should know that is not a finding (unknown policy, legacy host, origin
    /// group, exposure over the budget), before redaction.
    var notices: [String]
    /// The URL's signature and token and the secret key: redacted from findings and notes (the
    /// URL itself is the product and printed whole).
    var secrets: [String]
    /// The secret key alone (as written and percent-encoded): the only secret the whole output
    /// may not contain anywhere.
    var secretKeyForms: [String] = []

    /// True when the URL will fail through the distribution (an error finding that counts); it is
    /// still printed.
    public var failed: Bool { FailThreshold.error.fails(report) }

    /// Whether the worst-case exposure exceeds `maxExposure`; nil when either is unknown.
    public var overBudget: Bool? {
        guard let budget = maxExposure, let exposure = signed.exposure else { return nil }
        return exposure.seconds > budget
    }
}

/// `presign`: sign a cache-friendly GET (SPEC §3) and, through a distribution, sign for exactly
/// the host CloudFront sends to S3 and check the URL as `check --url` would, so a URL that cannot
/// work is never handed out silently.
public enum PresignPlanner {
    public static func presign(_ job: PresignJob) throws(PresignFailure) -> PresignResult {
        let credentials = try credentials(from: job.secrets)
        var request: PresignRequest
        var origin: PresignOrigin?
        switch job.target {
        case .object(let bucket, let key, let region, let addressing, let cdnHost, let cacheTTL):
            request = PresignRequest(bucket: bucket, key: key, region: region, expiresIn: job.expiresIn,
                                     roundingWindow: job.roundingWindow, addressing: addressing,
                                     cdn: cdnHost.map { .init(host: $0) }, cacheTTL: cacheTTL)
        case .distribution(let input, let viewerPath, let region, let cdnHost):
            let loaded: LoadedInput
            // A template's RegionalDomainName needs the stack's region: the region given to sign for.
            do throws(InputFailure) { loaded = try InputDocuments.load(input, options: LoadOptions(region: region)) } catch { throw .input(error) }
            let resolved = try PresignOrigin.resolve(loaded, file: input.name, viewerPath: viewerPath, region: region, cdnHost: cdnHost)
            origin = resolved
            request = PresignRequest(bucket: resolved.bucket, key: resolved.key, region: resolved.region, expiresIn: job.expiresIn,
                                     roundingWindow: job.roundingWindow, addressing: .exactHost(resolved.originHost),
                                     cdn: .init(host: resolved.cdnHost, originPath: resolved.originPath),
                                     cacheTTL: resolved.ttl?.longest)
        }
        request.responseOverrides = job.responseOverrides
        request.versionId = job.versionId
        request.allowsUnlistedRegion = job.allowsUnlistedRegion

        let signed: PresignedGET
        do throws(PresignError) {
            signed = try Presigner.presignGET(request, credentials: credentials, now: job.now)
        } catch {
            throw .signing(error)
        }
        var result = PresignResult(signed: signed, request: request, origin: origin, maxExposure: job.maxExposure, report: Report(),
                                   notices: origin?.warnings ?? [],
                                   secrets: [credentials.secretAccessKey] + [credentials.sessionToken].compactMap { $0 })
        result.secretKeyForms = Redaction.secretKey(credentials.secretAccessKey)
        if result.overBudget == true, let exposure = signed.exposure, let budget = job.maxExposure {
            result.notices.append("worst-case exposure \(DurationText.format(exposure.seconds)) is over --max-exposure "
                + "\(DurationText.format(budget)): lower the cache TTL or --expires")
        }
        if case .distribution(let input, _, _, _) = job.target {
            try selfCheck(&result, input: input, settings: job.settings, secret: credentials.secretAccessKey)
        }
        return result
    }

    /// `check --url` on the URL through the distribution, with the secret, so the signature is
    /// verified for what CloudFront sends to S3. The exposure settings are left out: presign
    /// judges the exposure of the URL it made itself (`maxExposure`), and the URL carries its
    /// lifetime.
    static func selfCheck(_ result: inout PresignResult, input: NamedInput, settings: Settings,
                          secret: String) throws(PresignFailure) {
        guard let url = try? PresignedURL(result.signed.url) else { return }
        var settings = settings
        settings.maxExposure = nil
        settings.signatureLifetime = nil
        let variable = PresignJob.secretKeyVariable
        let checked: CheckResult
        do throws(InputFailure) {
            checked = try Checker.check(CheckRequest(configurations: [input], urls: [url], settings: settings,
                                                     now: result.signed.signedAt, secretKeyVariable: variable,
                                                     secrets: FixedSecrets([variable: secret]), region: result.request.region))
        } catch {
            throw .input(error)
        }
        result.report = checked.report
        result.secrets += checked.secrets
    }

    static func credentials(from secrets: any SecretProvider) throws(PresignFailure) -> Credentials {
        guard let accessKeyId = secrets.secret(named: PresignJob.accessKeyVariable) else {
            throw .missingCredential(variable: PresignJob.accessKeyVariable)
        }
        guard let secret = secrets.secret(named: PresignJob.secretKeyVariable) else {
            throw .missingCredential(variable: PresignJob.secretKeyVariable)
        }
        return Credentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                           sessionToken: secrets.secret(named: PresignJob.sessionTokenVariable))
    }
}
