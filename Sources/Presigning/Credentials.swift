/// The AWS credentials a URL is signed with: an access key ID, its secret, and for temporary
/// (STS) credentials the session token, which then travels in the URL as `X-Amz-Security-Token`.
///
/// The secret is used for HMAC only. `description`, `debugDescription` and `dump` never show it,
/// so a credentials value that ends up in a log line does not leak the key.
public struct Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `AKIA…` (long-term) or `ASIA…` (temporary); it appears in the URL's `X-Amz-Credential`.
    public var accessKeyId: String
    /// The secret access key. Never printed.
    public var secretAccessKey: String
    /// The STS session token for temporary credentials; nil (or empty) for long-term keys.
    /// A URL signed with it stops working when the session ends, whatever its expiry says.
    public var sessionToken: String?

    /// Credentials as given; they are checked when a URL is signed (`PresignError`).
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// `Credentials(AKIAIOSFODNN7EXAMPLE, secret redacted)`; the session token is not shown either.
    public var description: String {
        "Credentials(\(accessKeyId), secret redacted\(sessionToken?.isEmpty == false ? ", session token redacted" : ""))"
    }

    /// Same as `description`: the secret is redacted.
    public var debugDescription: String { description }

    /// What `dump` and debuggers show: the access key ID only.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyId": accessKeyId, "secretAccessKey": "<redacted>",
                                "sessionToken": sessionToken == nil ? "nil" : "<redacted>"])
    }

    /// The token to put in the URL: nil when absent or empty.
    var effectiveSessionToken: String? {
        guard let sessionToken, !sessionToken.isEmpty else { return nil }
        return sessionToken
    }
}
