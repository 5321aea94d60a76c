import Presigning
import PresignedURLs

/// What `presign` is asked to sign, before credentials are read: either an S3 object named
/// directly, or a viewer path through a distribution (host, bucket, key and TTLs then come
/// from the distribution's S3 origin and behavior).
public struct PresignJob: Sendable {
    public enum Target: Sendable {
        /// An S3 object named directly; `cdnHost` is where viewers send the URL instead of S3.
        case object(bucket: String, key: String, region: String, addressing: PresignRequest.Addressing,
                    cdnHost: String?, cacheTTL: Int64?)
        /// A viewer path (as a user writes it, not percent-encoded) through the one distribution
        /// in `input`. `region` is needed only when the origin host names none; `cdnHost`
        /// defaults to the distribution's first alias, else its domain name.
        case distribution(NamedInput, viewerPath: String, region: String?, cdnHost: String?)
    }

    public var target: Target
    /// `X-Amz-Expires`, in seconds.
    public var expiresIn: Int64
    /// Round the signing time down to a multiple of this many seconds; nil: the exact time.
    public var roundingWindow: Int64?
    public var responseOverrides: ResponseOverrides
    public var versionId: String?
    /// Accept a well-formed region this build does not list.
    public var allowsUnlistedRegion: Bool
    /// Warn when the worst-case exposure is longer than this many seconds.
    public var maxExposure: Int64?
    /// Severities and suppressions for the self-check through the distribution, as in `check`.
    public var settings: Settings
    /// The signing time; it is rounded down to the window.
    public var now: Timestamp
    /// Credentials are read from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
    /// `AWS_SESSION_TOKEN` here, and nowhere else.
    public var secrets: any SecretProvider

    public init(target: Target, expiresIn: Int64 = 3600, roundingWindow: Int64? = nil,
                responseOverrides: ResponseOverrides = ResponseOverrides(), versionId: String? = nil,
                allowsUnlistedRegion: Bool = false, maxExposure: Int64? = nil, settings: Settings = Settings(),
                now: Timestamp, secrets: any SecretProvider = EnvironmentSecrets()) {
        self.target = target
        self.expiresIn = expiresIn
        self.roundingWindow = roundingWindow
        self.responseOverrides = responseOverrides
        self.versionId = versionId
        self.allowsUnlistedRegion = allowsUnlistedRegion
        self.maxExposure = maxExposure
        self.settings = settings
        self.now = now
        self.secrets = secrets
    }

    /// The environment variables credentials come from.
    public static let accessKeyVariable = "AWS_ACCESS_KEY_ID"
    public static let secretKeyVariable = "AWS_SECRET_ACCESS_KEY"
    public static let sessionTokenVariable = "AWS_SESSION_TOKEN"
}
