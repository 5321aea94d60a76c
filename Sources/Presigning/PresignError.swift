/// Why a URL cannot be signed. Every message is one line that names the input at fault and never
/// contains the secret access key or the session token.
public enum PresignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The access key ID is empty.
    case missingAccessKeyId
    /// The access key ID contains characters that would break the credential scope.
    case malformedAccessKeyId
    /// The secret access key is empty.
    case missingSecretAccessKey
    /// The object key is empty: there is nothing to presign.
    case emptyKey
    /// The key's UTF-8 encoding is longer than S3's 1,024-byte limit.
    case keyTooLong(bytes: Int)
    /// The key `soap` cannot be requested virtual-hosted style; path-style must be asked for.
    case soapKeyNeedsPathStyle
    /// `X-Amz-Expires` must be 1 to 604,800 seconds (7 days).
    case expiresOutOfRange(seconds: Int64)
    /// A rounding window must be at least 1 second.
    case invalidRoundingWindow(seconds: Int64)
    /// A window as long as the expiry or longer hands out URLs that are already expired.
    case windowNotShorterThanExpiry(window: Int64, expires: Int64)
    /// A cache TTL cannot be negative.
    case negativeCacheTTL(seconds: Int64)
    /// The region is not a region name at all.
    case malformedRegion(String)
    /// The region has the right shape but is not one this build knows.
    case unknownRegion(String)
    /// The bucket name breaks S3's naming rules.
    case invalidBucketName(String, reason: String)
    /// A dotted bucket cannot be virtual-hosted over HTTPS; path-style must be asked for.
    case bucketNotVirtualHostable(String)
    /// The legacy global host exists only in the standard `aws` partition.
    case globalHostUnavailable(region: String)
    /// The explicit S3 host is not one a presigned GET can be sent to.
    case unsupportedHost(String, reason: String)
    /// The explicit S3 host names another bucket or region than the request.
    case hostMismatch(String, reason: String)
    /// The CDN host is not a bare host name.
    case invalidCDNHost(String, reason: String)
    /// With an origin path, the key S3 receives must start with it.
    case keyOutsideOriginPath(key: String, originPath: String)

    /// One line for users.
    public var description: String {
        switch self {
        case .missingAccessKeyId: "the access key ID is empty"
        case .malformedAccessKeyId: "the access key ID contains '/', whitespace or control characters"
        case .missingSecretAccessKey: "the secret access key is empty"
        case .emptyKey: "the object key is empty"
        case .keyTooLong(let bytes): "the object key is \(bytes) bytes in UTF-8; S3 keys are at most 1024"
        case .soapKeyNeedsPathStyle: "S3 does not serve the key 'soap' to virtual-hosted-style requests; ask for path-style addressing"
        case .expiresOutOfRange(let seconds):
            "expiry \(seconds) s is out of range: S3 accepts 1 to 604800 seconds (7 days)"
        case .invalidRoundingWindow(let seconds): "rounding window \(seconds) s must be at least 1 second"
        case .windowNotShorterThanExpiry(let window, let expires):
            "rounding window \(DurationText.format(window)) is not shorter than the expiry \(DurationText.format(expires)): "
                + "a URL handed out at the end of a window would already be expired"
        case .negativeCacheTTL(let seconds): "cache TTL \(seconds) s is negative"
        case .malformedRegion(let region): "'\(region)' is not an AWS region name (expected e.g. eu-west-1)"
        case .unknownRegion(let region): "'\(region)' is not a known AWS region (botocore 1.43.11 list)"
        case .invalidBucketName(let name, let reason): "'\(name)' is not a valid bucket name: \(reason)"
        case .bucketNotVirtualHostable(let name):
            "bucket '\(name)' contains dots, so its virtual-hosted HTTPS host is not covered by S3's certificate; "
                + "ask for path-style addressing"
        case .globalHostUnavailable(let region): "the global host s3.amazonaws.com does not serve region \(region)"
        case .unsupportedHost(let host, let reason): "cannot presign for host '\(host)': \(reason)"
        case .hostMismatch(let host, let reason): "host '\(host)' does not match the request: \(reason)"
        case .invalidCDNHost(let host, let reason): "CDN host '\(host)' is not usable: \(reason)"
        case .keyOutsideOriginPath(let key, let originPath):
            "key '\(key)' is not under the origin path '\(originPath)', so no viewer path reaches it"
        }
    }
}
