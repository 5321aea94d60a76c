/// A presigned GET URL and the times that matter for caching it.
///
/// Validity: the URL is handed out from `signedAt` until the next window starts
/// (`signedAt + roundingWindow`) and works until `expiresAt = signedAt + expiresIn`. So a viewer
/// who gets it keeps at most `expiresIn` seconds (start of the window) and at least
/// `expiresIn − roundingWindow` (end of the window).
public struct PresignedGET: Sendable, Equatable {
    /// The URL to hand out: on the CDN host when one was given, else the S3 URL.
    public var url: String
    /// The same signature on the S3 host it was computed for: works directly against S3.
    public var s3URL: String
    /// The `Host` S3 must receive for the signature to verify.
    public var signedHost: String
    /// The path S3 must receive, percent-encoded (origin path included).
    public var signedPath: String
    /// `X-Amz-Date`: the signing time, rounded down to the window.
    public var signedAt: Timestamp
    /// `X-Amz-Expires`.
    public var expiresIn: Int64
    /// The rounding window in seconds; 0 when the exact time was signed.
    public var roundingWindow: Int64
    /// The credential scope's region.
    public var region: String
    /// The cache TTL asked for in the request, if any.
    public var cacheTTL: Int64?

    /// When S3 stops accepting the signature: `signedAt + expiresIn`.
    public var expiresAt: Timestamp { signedAt + expiresIn }
    /// The last moment this URL is handed out; the next window signs a new one.
    public var handedOutUntil: Timestamp { signedAt + max(roundingWindow, 0) }
    /// The least validity a viewer gets: a URL handed out at the end of the window.
    public var minimumValidity: Int64 { expiresIn - roundingWindow }
    /// The most validity a viewer gets: a URL handed out at the start of the window.
    public var maximumValidity: Int64 { expiresIn }

    /// The exposure for the request's `cacheTTL`; nil when none was given.
    public var exposure: Exposure? { cacheTTL.map(exposure(cacheTTL:)) }

    /// How long the object stays reachable through this URL when the CDN may keep it `cacheTTL`
    /// seconds: see `Exposure`.
    public func exposure(cacheTTL: Int64) -> Exposure {
        Exposure(signedAt: signedAt, expiresAt: expiresAt, cacheTTL: cacheTTL)
    }
}

/// The worst-case time an object is reachable through one presigned URL served through a cache.
///
/// S3 checks the signature only on a cache miss. The worst case is a request at the last moment
/// the signature is valid (`expiresAt`): it fills the cache, and the cached copy is served to
/// anyone holding the URL for `cacheTTL` more seconds. So the object is reachable from
/// `signedAt` until `expiresAt + cacheTTL`, a window of `expiresIn + cacheTTL`. The seed article's
/// numbers: signed at 13:00 (rounded to the half hour), expiry 1 h, TTL 30 min → reachable until
/// 14:30, 90 minutes.
public struct Exposure: Sendable, Equatable {
    /// The signing time (start of the exposure).
    public var signedAt: Timestamp
    /// When the signature expires.
    public var expiresAt: Timestamp
    /// The longest the cache may keep the object, in seconds.
    public var cacheTTL: Int64

    /// A URL's exposure for a signing time, an expiry and a cache TTL.
    public init(signedAt: Timestamp, expiresAt: Timestamp, cacheTTL: Int64) {
        self.signedAt = signedAt
        self.expiresAt = expiresAt
        self.cacheTTL = cacheTTL
    }

    /// The last moment a cached copy can still be served: `expiresAt + cacheTTL`.
    public var reachableUntil: Timestamp { expiresAt + cacheTTL }
    /// `expiresAt + cacheTTL − signedAt`, in seconds.
    public var seconds: Int64 { reachableUntil - signedAt }
}
