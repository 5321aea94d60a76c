/// Everything that decides a presigned GET URL except the credentials and the clock.
///
/// Defaults follow the seed article's lessons: a regional virtual-hosted host
/// (`bucket.s3.REGION.amazonaws.com`, what CloudFront's origin should name), never the legacy
/// global host unless `.legacyGlobal` is asked for, and `https`.
public struct PresignRequest: Sendable, Equatable {
    /// Which S3 host the signature is computed for. S3 recomputes the signature over the `Host`
    /// it receives, so behind CloudFront this must be exactly the origin's `DomainName`.
    public enum Addressing: Sendable, Equatable {
        /// `bucket.s3.REGION.amazonaws.com` (`.com.cn` in China). The default.
        case virtualHosted
        /// `s3.REGION.amazonaws.com/bucket/key`: only on request (dotted bucket names), as AWS
        /// plans to retire it.
        case pathStyle
        /// `bucket.s3.amazonaws.com`, the legacy global host the AWS console proposes as a
        /// CloudFront origin. Only when the origin really uses it (cfdoctor rule CFD101 explains why not).
        case legacyGlobal
        /// Exactly this S3 host (e.g. a CloudFront origin's `DomainName`, even in the legacy
        /// `s3-REGION` dash form). Virtual-hosted hosts must name the request's bucket; hosts that
        /// name a region must name the request's region.
        case exactHost(String)
    }

    /// Where viewers send the URL instead of S3: a CloudFront domain or alias. The signature
    /// stays the one computed for the S3 host; CloudFront sends that host to S3.
    public struct CDN: Sendable, Equatable {
        /// The host viewers use, e.g. `d111111abcdef8.cloudfront.net` or `media.example.com`.
        public var host: String
        /// The origin's `OriginPath` (`/production`), which CloudFront puts in front of the
        /// viewer's path: the viewer URL leaves it out, the signature covers it. Empty when unset.
        public var originPath: String

        /// A CDN host, optionally with the origin's OriginPath.
        public init(host: String, originPath: String = "") {
            self.host = host
            self.originPath = originPath
        }
    }

    /// The bucket name.
    public var bucket: String
    /// The object key as stored (not percent-encoded): `reports/Q1 2024.pdf`.
    public var key: String
    /// The bucket's region; it is also the credential scope's region.
    public var region: String
    /// Seconds the signature is valid after the (rounded) signing time: `X-Amz-Expires`, 1…604800.
    public var expiresIn: Int64
    /// Round the signing time down to a multiple of this many seconds since the Unix epoch (UTC),
    /// so every request in a window gets the same URL and the edge can cache it (the article's
    /// "Solution #2"). nil signs with the exact time.
    public var roundingWindow: Int64?
    /// The S3 host to sign for.
    public var addressing: Addressing
    /// Swap the S3 host for a CDN host in the URL handed out.
    public var cdn: CDN?
    /// Signed `response-*` overrides.
    public var responseOverrides: ResponseOverrides
    /// `versionId`: presign one version of a versioned object.
    public var versionId: String?
    /// The cache TTL the URL will be served with, for `PresignedGET.exposure`.
    public var cacheTTL: Int64?
    /// `https` (default) or `http`.
    public var scheme: String
    /// Accept a well-formed region that is not in `AWSRegion.known` (one launched after this
    /// build), assuming its partition from the name (`cn-` China, `us-gov-` GovCloud, else standard).
    public var allowsUnlistedRegion = false

    /// A GET for `bucket`/`key` in `region`, valid for `expiresIn` seconds (default 1 hour).
    public init(bucket: String, key: String, region: String, expiresIn: Int64 = 3600, roundingWindow: Int64? = nil,
                addressing: Addressing = .virtualHosted, cdn: CDN? = nil,
                responseOverrides: ResponseOverrides = ResponseOverrides(), versionId: String? = nil,
                cacheTTL: Int64? = nil, scheme: String = "https") {
        self.bucket = bucket
        self.key = key
        self.region = region
        self.expiresIn = expiresIn
        self.roundingWindow = roundingWindow
        self.addressing = addressing
        self.cdn = cdn
        self.responseOverrides = responseOverrides
        self.versionId = versionId
        self.cacheTTL = cacheTTL
        self.scheme = scheme
    }
}
