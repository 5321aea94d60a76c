import PresignedURLs

/// Everything `url` shows about a URL. Encoded as the JSON `url` object, every key present (null
/// when unknown) like the findings. Its public fields are redacted; the raw values stay internal
/// to this library, and reach a reporter only through `URLView.AsGiven` when the user may see them.
public struct DecodedURL: Encodable, Sendable {
    public struct HostForm: Encodable, Sendable {
        public var summary: String
        public var form: String
        public var addressing: String
        public var region: String?
        public var servingRegion: String?
        public var partition: String
        public var dualstack: Bool
        public var fips: Bool
    }

    public struct Parameter: Encodable, Sendable {
        public var name: String
        public var value: String
    }

    public var url: String
    public var scheme: String
    public var host: String
    @NullWhenAbsent public var hostForm: HostForm? = nil
    @NullWhenAbsent public var bucket: String? = nil
    public var key: String
    public var auth: String
    @NullWhenAbsent public var algorithm: String? = nil
    @NullWhenAbsent public var accessKeyId: String? = nil
    @NullWhenAbsent public var credentialScope: String? = nil
    @NullWhenAbsent public var region: String? = nil
    @NullWhenAbsent public var service: String? = nil
    @NullWhenAbsent public var signedAt: String? = nil
    @NullWhenAbsent public var expiresAt: String? = nil
    @NullWhenAbsent public var expiresInSeconds: Int64? = nil
    /// Negative once expired.
    @NullWhenAbsent public var secondsLeft: Int64? = nil
    @NullWhenAbsent public var timeLeft: String? = nil
    public var signedHeaders: [String]
    @NullWhenAbsent public var signature: String? = nil
    @NullWhenAbsent public var securityToken: String? = nil
    public var otherParameters: [Parameter]
    public var encodingProblems: [String]

    /// Not encoded: the unredacted URL, for the text view of the user's own input.
    var originalURL: String
    var rawSignature: String?
    var rawSecurityToken: String?
    /// Observations that are not rule findings (become report notes).
    var remarks: [String]

    enum CodingKeys: String, CodingKey {
        case url, scheme, host, hostForm, bucket, key, auth, algorithm, accessKeyId, credentialScope, region, service,
             signedAt, expiresAt, expiresInSeconds, secondsLeft, timeLeft, signedHeaders, signature, securityToken,
             otherParameters, encodingProblems
    }

    init(_ url: PresignedURL, auth: QueryAuth, now: Timestamp) {
        self.url = url.redacted
        originalURL = url.original
        scheme = url.scheme
        host = url.host
        hostForm = url.endpoint.map {
            HostForm(summary: $0.summary, form: $0.form.rawValue, addressing: $0.addressing.rawValue, region: $0.region,
                     servingRegion: $0.servingRegion, partition: $0.partition.rawValue, dualstack: $0.dualstack, fips: $0.fips)
        }
        let (bucket, key) = url.bucketAndKey
        self.bucket = bucket
        self.key = key
        signedHeaders = []
        encodingProblems = url.encodingProblems.map { "\($0.part.rawValue): \($0.detail)" }
        remarks = []
        var authNames: Set<String> = PresignedURL.sensitiveParameters
        var expiry: Timestamp?
        var signedAtTime: Timestamp?
        switch auth {
        case .sigV4(let query):
            self.auth = "sigv4"
            authNames.formUnion(SigV4Query.parameterNames)
            algorithm = query.algorithm
            accessKeyId = query.credential?.accessKeyId
            credentialScope = query.credential.map { "\($0.date)/\($0.region)/\($0.service)/\($0.terminator)" }
            region = query.credential?.region
            service = query.credential?.service
            signedAtTime = query.amzDate
            expiresInSeconds = query.expires
            expiry = query.expiry
            signedHeaders = query.signedHeaders
            rawSignature = query.signature
            rawSecurityToken = query.securityToken
        case .sigV2(let query):
            self.auth = "sigv2"
            authNames.formUnion(["AWSAccessKeyId", "Expires"])
            algorithm = "HmacSHA1 (SigV2)"
            accessKeyId = query.accessKeyId
            expiry = query.expires
            rawSignature = query.signature
            rawSecurityToken = query.securityToken
        case .none:
            self.auth = "none"
        }
        signedAt = signedAtTime?.rfc3339
        expiresAt = expiry?.rfc3339
        if let expiry {
            let left = expiry - now
            secondsLeft = left
            if let signedAtTime, signedAtTime > now {
                timeLeft = "not valid until \(signedAtTime.rfc3339) (in \(DurationText.format(signedAtTime - now)))"
            } else {
                timeLeft = left >= 0 ? "\(DurationText.format(left)) left" : "expired \(DurationText.format(-left)) ago"
            }
        }
        signature = rawSignature.map { _ in "REDACTED" }
        securityToken = rawSecurityToken.map { "REDACTED (\($0.utf8.count) bytes)" }
        otherParameters = url.parameters.filter { !authNames.contains($0.name) }.map { Parameter(name: $0.name, value: $0.value) }

        if let endpoint = url.endpoint, let scopeRegion = region, let hostRegion = endpoint.region ?? (endpoint.form == .external1 ? "us-east-1" : nil),
           hostRegion != scopeRegion {
            remarks.append("The host serves \(hostRegion) but the credential scope names \(scopeRegion): S3 answers "
                + "AuthorizationQueryParametersError \"the region '\(scopeRegion)' is wrong\".")
        }
        if url.endpoint == nil {
            remarks.append("\(url.host) is not an S3 host (a CloudFront domain or a custom name): which S3 host was signed "
                + "cannot be read from the URL; `cfdoctor check` with the distribution simulates it.")
        }
    }
}

extension DecodedURL {
    /// Every text field with `redaction`'s secrets removed: a pasted URL may carry the secret key
    /// itself (in a parameter, the path, anywhere), and the key is never printed (SPEC §8).
    func scrubbed(by redaction: Redaction) -> DecodedURL {
        var copy = self
        copy.url = redaction.scrub(url)
        copy.host = redaction.scrub(host)
        copy.bucket = redaction.scrub(bucket)
        copy.key = redaction.scrub(key)
        copy.accessKeyId = redaction.scrub(accessKeyId)
        copy.credentialScope = redaction.scrub(credentialScope)
        copy.signedHeaders = redaction.scrub(signedHeaders)
        copy.signature = redaction.scrub(signature)
        copy.securityToken = redaction.scrub(securityToken)
        copy.otherParameters = otherParameters.map { Parameter(name: redaction.scrub($0.name), value: redaction.scrub($0.value)) }
        copy.encodingProblems = redaction.scrub(encodingProblems)
        copy.originalURL = redaction.scrub(originalURL)
        copy.rawSignature = redaction.scrub(rawSignature)
        copy.rawSecurityToken = redaction.scrub(rawSecurityToken)
        copy.remarks = redaction.scrub(remarks)
        return copy
    }
}
