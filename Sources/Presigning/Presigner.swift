@_exported import PresignedURLs

/// Signs S3 GET URLs with SigV4 query authentication, the way botocore's
/// `generate_presigned_url` does (byte for byte: fixtures/presign/presign-vectors.json), over the
/// same canonicalisation and OpenSSL HMAC code cfdoctor verifies URLs with. No network, no clock:
/// the caller passes the time.
///
/// ```swift
/// import Presigning
///
/// let credentials = Credentials(accessKeyId: "AKIA…", secretAccessKey: secret)
/// let request = PresignRequest(bucket: "cf-signed-urls-test", key: "test.txt", region: "eu-west-1",
///                              expiresIn: 3600, roundingWindow: 1800,
///                              cdn: .init(host: "d111111abcdef8.cloudfront.net"), cacheTTL: 1800)
/// let signed = try Presigner.presignGET(request, credentials: credentials, now: Timestamp(seconds: unixTime))
/// print(signed.url)                    // https://d111111abcdef8.cloudfront.net/test.txt?X-Amz-…
/// print(signed.exposure!.seconds)      // 5400: 1 h validity + 30 min cache
/// ```
public enum Presigner {
    /// The most `X-Amz-Expires` S3 accepts: 7 days ("Request has expired" / AuthorizationQueryParametersError above it).
    public static let maximumExpiry: Int64 = 604_800

    /// Signs a GET for `request` with `credentials` as of `now` (rounded down to the request's
    /// window). Throws a `PresignError` naming the input at fault; nothing is printed.
    public static func presignGET(_ request: PresignRequest, credentials: Credentials,
                                  now: Timestamp) throws(PresignError) -> PresignedGET {
        try validate(credentials)
        try validate(timing: request)
        let partition = try partition(of: request.region, allowUnlisted: request.allowsUnlistedRegion)
        let target = try S3Target.resolve(request, partition: partition)

        let window = request.roundingWindow ?? 0
        let signedAt = window > 0 ? Timestamp(seconds: floorDivide(now.seconds, window) * window) : now
        let scope = "\(signedAt.scopeDate)/\(request.region)/s3/aws4_request"
        var parameters = request.responseOverrides.parameters
        if let versionId = request.versionId { parameters.append(("versionId", versionId)) }
        // botocore's order: operation parameters, then the auth parameters in this fixed order.
        parameters += [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope)"),
            ("X-Amz-Date", signedAt.amzDate),
            ("X-Amz-Expires", String(request.expiresIn)),
            ("X-Amz-SignedHeaders", "host"),
        ]
        if let token = credentials.effectiveSessionToken { parameters.append(("X-Amz-Security-Token", token)) }

        let signed = SigV4Signer.Request(rawPath: target.path, parameters: parameters, headers: ["host": target.host])
        // canonicalRequest returns nil only when a signed header has no value; host is always set.
        let canonical = SigV4Signer.canonicalRequest(signed, signedHeaders: ["host"]) ?? ""
        let key = SigV4Signer.signingKey(secret: credentials.secretAccessKey, date: signedAt.scopeDate,
                                         region: request.region, service: "s3")
        let signature = SigV4Signer.signature(
            stringToSign: SigV4Signer.stringToSign(amzDate: signedAt.amzDate, scope: scope, canonicalRequest: canonical),
            signingKey: key)
        let query = parameters.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }
            .joined(separator: "&") + "&X-Amz-Signature=" + signature

        let s3URL = "\(request.scheme)://\(target.host)\(target.path)?\(query)"
        var url = s3URL
        if let cdn = request.cdn {
            let viewerPath = try CDNRewrite.viewerPath(for: target.path, cdn: cdn, key: request.key)
            url = "\(request.scheme)://\(try CDNRewrite.validatedHost(cdn.host))\(viewerPath)?\(query)"
        }
        return PresignedGET(url: url, s3URL: s3URL, signedHost: target.host, signedPath: target.path, signedAt: signedAt,
                            expiresIn: request.expiresIn, roundingWindow: window, region: request.region,
                            cacheTTL: request.cacheTTL)
    }

    /// `value` rounded down to a multiple of `window` (also for times before 1970).
    static func floorDivide(_ value: Int64, _ window: Int64) -> Int64 {
        let quotient = value / window
        return value % window < 0 ? quotient - 1 : quotient
    }

    private static func validate(_ credentials: Credentials) throws(PresignError) {
        guard !credentials.accessKeyId.isEmpty else { throw .missingAccessKeyId }
        guard !credentials.accessKeyId.unicodeScalars.contains(where: { $0 == "/" || $0.properties.isWhitespace || $0.value < 0x20 })
        else { throw .malformedAccessKeyId }
        guard !credentials.secretAccessKey.isEmpty else { throw .missingSecretAccessKey }
    }

    private static func validate(timing request: PresignRequest) throws(PresignError) {
        guard !request.key.isEmpty else { throw .emptyKey }
        // "a maximum length of 1,024 bytes" of UTF-8 (S3 User Guide, "Naming Amazon S3 objects",
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html).
        guard request.key.utf8.count <= 1024 else { throw .keyTooLong(bytes: request.key.utf8.count) }
        guard (1...maximumExpiry).contains(request.expiresIn) else { throw .expiresOutOfRange(seconds: request.expiresIn) }
        if let window = request.roundingWindow {
            guard window >= 1 else { throw .invalidRoundingWindow(seconds: window) }
            guard window < request.expiresIn else {
                throw .windowNotShorterThanExpiry(window: window, expires: request.expiresIn)
            }
        }
        if let ttl = request.cacheTTL, ttl < 0 { throw .negativeCacheTTL(seconds: ttl) }
    }

    private static func partition(of region: String, allowUnlisted: Bool) throws(PresignError) -> AWSRegion.Partition {
        guard AWSRegion.isWellFormed(region) else { throw .malformedRegion(region) }
        if let partition = AWSRegion.partition(of: region) { return partition }
        guard allowUnlisted else { throw .unknownRegion(region) }
        return AWSRegion.assumedPartition(of: region)
    }
}
