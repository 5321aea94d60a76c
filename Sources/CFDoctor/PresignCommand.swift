import ArgumentParser
import Checking
import Presigning

/// `cfdoctor presign`: the seed article's "Solution #2" as a command — sign a GET with the
/// signing time rounded down to a window and a fixed expiry, for the regional host, and hand it
/// out on the CloudFront domain; print how long it is valid and how long the object stays
/// reachable through the cache. The work is `PresignPlanner`'s (Checking); this file holds the
/// options, which of them go together, and the flag each library error is about.
struct PresignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presign",
        abstract: "Make a cache-friendly presigned GET URL (signing time rounded down, fixed expiry, CDN host).",
        discussion: """
            Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and (for temporary credentials) \
            AWS_SESSION_TOKEN only, never from arguments; the secret is never printed. The URL contains the \
            signature (and the session token): that is the product.

            Validity: every request in a --round window gets the same URL, valid until signed-at + --expires: \
            at most --expires, at least --expires minus --round. Exposure: a request at the last valid moment \
            fills the cache, which serves the object for the cache TTL more, so the object is reachable for \
            --expires + TTL from the signing time (the article: 1h + 30m = 1h30m).

            With --distribution, the host, bucket, region, OriginPath and TTLs come from the export: the URL is \
            signed for exactly the Host CloudFront sends to the S3 origin. The URL is then checked through the \
            distribution as `cfdoctor check --url` would (signature included), with the settings file's and \
            --ignore's suppressions and severities; what it finds is printed as warnings, and exit status 1 means \
            the URL will fail through this distribution (it is printed anyway).

            Examples:
              cfdoctor presign --bucket b-1 --key test.txt --region eu-west-1 \\
                --round 30m --cdn-domain d111111abcdef8.cloudfront.net --cache-ttl 30m
              cfdoctor presign --distribution dist.json --path /test.txt \\
                --cdn-domain d111111abcdef8.cloudfront.net --round 30m --max-exposure 2h
            """)

    @Option(help: ArgumentHelp("The bucket (not with --distribution).", valueName: "name"))
    var bucket: String?

    @Option(help: ArgumentHelp("The object key as stored, not percent-encoded (not with --distribution).", valueName: "key"))
    var key: String?

    @Option(help: ArgumentHelp("The bucket's region, e.g. eu-west-1 (from the origin host with --distribution).", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("How long the signature is valid after the (rounded) signing time: 1s to 7d.", valueName: "duration"))
    var expires = "1h"

    @Option(help: ArgumentHelp("Round the signing time down to this window (UTC epoch multiples), e.g. 30m.", valueName: "duration"))
    var round: String?

    @Option(help: ArgumentHelp("Hand the URL out on this host (a CloudFront domain or alias) instead of the S3 host.", valueName: "host"))
    var cdnDomain: String?

    @Option(help: ArgumentHelp("The longest the CDN caches the object, for the exposure (not with --distribution).", valueName: "duration"))
    var cacheTTL: String?

    @Option(help: ArgumentHelp("Warn when the worst-case exposure is longer than this.", valueName: "duration"))
    var maxExposure: String?

    @Option(help: ArgumentHelp("Sign as of this time instead of the clock (RFC 3339 or 20180930T145820Z); it is rounded too.",
                               valueName: "time"))
    var now: String?

    @Flag(help: "Path-style addressing (s3.REGION.amazonaws.com/bucket/key), e.g. for bucket names with dots.")
    var pathStyle = false

    @Flag(help: "Sign for the legacy global host bucket.s3.amazonaws.com (only if your origin really uses it).")
    var globalEndpoint = false

    @Flag(help: "Accept a well-formed region this build does not list (a newly launched one).")
    var allowUnknownRegion = false

    @Option(help: ArgumentHelp("A CloudFront distribution export: sign for its S3 origin, use its TTLs.", valueName: "file"))
    var distribution: String?

    @Option(help: ArgumentHelp("With --distribution: the viewer path, e.g. /reports/q1.csv (not percent-encoded).", valueName: "path"))
    var path: String?

    @Option(help: ArgumentHelp("Signed response-content-disposition, e.g. 'attachment; filename=\"a.pdf\"'.", valueName: "value"))
    var responseContentDisposition: String?

    @Option(help: ArgumentHelp("Signed response-content-type.", valueName: "value"))
    var responseContentType: String?

    @Option(help: ArgumentHelp("Signed response-cache-control.", valueName: "value"))
    var responseCacheControl: String?

    @Option(help: ArgumentHelp("Signed response-content-encoding.", valueName: "value"))
    var responseContentEncoding: String?

    @Option(help: ArgumentHelp("Signed response-content-language.", valueName: "value"))
    var responseContentLanguage: String?

    @Option(help: ArgumentHelp("Presign this version of the object.", valueName: "id"))
    var versionId: String?

    @Option(name: .customLong("config"),
            help: ArgumentHelp("With --distribution: the settings file for the self-check; default: the nearest .cfdoctor.yml.",
                               valueName: "file"))
    var configFile: String?

    @OptionGroup var ignore: IgnoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var limits: InputLimitOptions

    func run() throws {
        let job = PresignJob(
            target: try target(), expiresIn: try parseDuration(expires, flag: "--expires") ?? 3600,
            roundingWindow: try parseDuration(round, flag: "--round"),
            responseOverrides: ResponseOverrides(
                cacheControl: responseCacheControl, contentDisposition: responseContentDisposition,
                contentEncoding: responseContentEncoding, contentLanguage: responseContentLanguage,
                contentType: responseContentType),
            versionId: versionId, allowsUnlistedRegion: allowUnknownRegion,
            maxExposure: try parseDuration(maxExposure, flag: "--max-exposure"),
            settings: distribution == nil ? Settings()
                : (try SettingsFile.locate(explicit: configFile) ?? Settings()).overridden(by: Settings(ignore: ignore.suppressions)),
            now: try TimeOptions.resolve(now))
        let result: PresignResult
        do throws(PresignFailure) {
            result = try PresignPlanner.presign(job)
        } catch {
            throw InputFailure(message(for: error))
        }
        let presentation = Presentation(redacting: result)
        output.emit(presentation)
        if case .presign(let view) = presentation.subject {
            for warning in view.warnings { printError("cfdoctor: warning: \(warning)") }
        }
        // The URL is printed either way; exit 1 says it will fail through this distribution.
        if result.failed { throw ExitCode(1) }
    }

    /// What to sign, from the flags that go together.
    private func target() throws(InputFailure) -> PresignJob.Target {
        if pathStyle && globalEndpoint { throw InputFailure("--path-style and --global-endpoint exclude each other") }
        guard let distribution else {
            if path != nil { throw InputFailure("--path needs --distribution; without it, give --key") }
            guard let bucket else { throw InputFailure("--bucket is required (or --distribution)") }
            guard let key else { throw InputFailure("--key is required (or --distribution with --path)") }
            guard let region else { throw InputFailure("--region is required, e.g. --region eu-west-1 (the bucket's region)") }
            return .object(bucket: bucket, key: key, region: region,
                           addressing: pathStyle ? .pathStyle : globalEndpoint ? .legacyGlobal : .virtualHosted,
                           cdnHost: cdnDomain, cacheTTL: try parseDuration(cacheTTL, flag: "--cache-ttl"))
        }
        for (flag, value) in [("--bucket", bucket), ("--key", key), ("--cache-ttl", cacheTTL)] where value != nil {
            throw InputFailure("\(flag) cannot be used with --distribution: it comes from the distribution's origin and behavior")
        }
        if pathStyle || globalEndpoint {
            throw InputFailure("--path-style/--global-endpoint cannot be used with --distribution: the host is the origin's DomainName")
        }
        guard let path else { throw InputFailure("--distribution needs --path, the viewer path to sign (e.g. /reports/q1.csv)") }
        return .distribution(try InputFiles.named(distribution, limit: limits.limit), viewerPath: path, region: region, cdnHost: cdnDomain)
    }

    /// The library's one line, with the flag that caused it where that helps.
    private func message(for failure: PresignFailure) -> String {
        switch failure {
        case .signing(let error):
            let message = Self.message(for: error)
            // With --distribution the key is derived from --path.
            return distribution != nil && message.hasPrefix("--key: ") ? "--path: " + message.dropFirst("--key: ".count) : message
        case .pathNamesNoObject(let path): return "--path '\(path)' names no object"
        case .regionContradictsOrigin(let requested, let host, let named):
            return "--region \(requested) contradicts the origin host \(host), which names \(named) (CFD103)"
        case .originNamesNoRegion(let host):
            return "origin \(host) names no region (legacy global host): give --region, the bucket's region, "
                + "and consider the regional origin host (CFD101)"
        case .noCDNHost(let file):
            return "\(file) does not name the distribution's domain (get-distribution-config has none): give --cdn-domain"
        case .missingCredential, .input, .distributionCount, .unservable: return failure.description
        }
    }

    static func message(for error: PresignError) -> String {
        switch error {
        case .expiresOutOfRange: "--expires: \(error)"
        case .invalidRoundingWindow, .windowNotShorterThanExpiry: "--round: \(error)"
        case .malformedRegion: "--region: \(error)"
        case .unknownRegion: "--region: \(error); if it is new, add --allow-unknown-region"
        case .bucketNotVirtualHostable: "--bucket: \(error) (--path-style)"
        case .invalidBucketName, .globalHostUnavailable: "--bucket: \(error)"
        case .emptyKey, .keyTooLong, .keyOutsideOriginPath: "--key: \(error)"
        case .soapKeyNeedsPathStyle: "--key: \(error) (--path-style)"
        case .invalidCDNHost: "--cdn-domain: \(error)"
        case .missingAccessKeyId, .malformedAccessKeyId: "AWS_ACCESS_KEY_ID: \(error)"
        case .missingSecretAccessKey: "AWS_SECRET_ACCESS_KEY: \(error)"
        default: "\(error)"
        }
    }
}
