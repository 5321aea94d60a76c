import CloudFrontModel
import PresignedURLs

/// Simulates CloudFront for one viewer URL: picks the behavior, then builds the origin request.
///
/// CloudFront semantics relied on:
/// - Behaviors are evaluated in order, the default last; the first match wins (Developer Guide,
///   "Cache behavior settings → Path pattern").
/// - The origin request goes to the origin's `DomainName` with `Host` set to it, unless the viewer
///   `Host` header is forwarded; the path is `OriginPath` + the viewer path ("Origin path").
/// - CloudFront adds `X-Amz-Cf-Id` to every origin request (CloudFront API Reference, "headers
///   CloudFront automatically includes in every origin request"; docs/aws-facts.md #1). Through an
///   origin configured as S3 presigned URLs work; through a custom origin S3 rejects it as an
///   unsigned header, "HeadersNotSigned: x-amz-cf-id" (the seed article; real reports).
/// - Origin custom headers are added to every origin request ("Add custom headers to origin requests").
/// - With origin access control (signing always / no-override without a viewer Authorization
///   header) or an OAI, CloudFront authenticates to S3 itself ("Restrict access to an Amazon S3 origin").
public enum EdgeSimulator {
    /// The behavior CloudFront uses for `path`: index into `distribution.behaviors`.
    public static func behaviorIndex(for rawPath: String, in distribution: Distribution) -> Int? {
        distribution.behaviors.firstIndex { behavior in
            guard let pattern = behavior.pathPattern else { return true }
            return PathPattern.matches(pattern: pattern, path: rawPath)
        }
    }

    /// The distributions a URL may go through: one whose domain or alias is the URL's host; else
    /// one with an origin for the URL's bucket; else the only one given.
    public static func distributions(serving url: PresignedURL, among distributions: [Distribution]) -> [Int] {
        let byDomain = distributions.indices.filter { index in
            let d = distributions[index]
            return d.domainName?.lowercased() == url.host || d.aliases.contains { $0.lowercased() == url.host }
        }
        if !byDomain.isEmpty { return byDomain }
        if let bucket = url.bucketAndKey.bucket {
            let byBucket = distributions.indices.filter { index in
                distributions[index].origins.contains { S3Endpoint.parse(host: $0.domainName)?.bucket == bucket }
            }
            if !byBucket.isEmpty { return byBucket }
        }
        return distributions.count == 1 ? [0] : []
    }

    /// `secretKey`, when given, verifies the signature as S3 would and finds the host the URL was
    /// signed for. It is used for HMAC only and never stored in the result.
    public static func simulate(_ url: PresignedURL, through distribution: Distribution,
                                catalog: PolicyCatalog, secretKey: String? = nil) -> SimulatedRequest? {
        guard let index = behaviorIndex(for: String(url.rawPath), in: distribution) else { return nil }
        let behavior = distribution.behaviors[index]
        let group = distribution.originGroup(id: behavior.targetOriginId)
        let origin = distribution.origins(for: behavior).first
        let forwarding = Forwarding.resolve(behavior, catalog: catalog)
        let toS3 = origin.map { S3Endpoint.parse(host: $0.domainName) != nil } ?? false

        let query = url.parameters.map { parameter in
            SimulatedRequest.QueryDecision(
                name: parameter.name, value: parameter.value,
                forwarded: forwarding.flatMap { $0.forwardsQuery(parameter.name, toS3Origin: toS3) },
                inCacheKey: forwarding.flatMap { $0.queryInCacheKey(parameter.name) })
        }
        let hostForwarded = forwarding?.forwardsHeader("Host") ?? false
        // The viewer's Host is the CloudFront domain (or a CNAME); a URL that still carries the S3
        // host stands for the same request sent to the distribution's own domain.
        // `get-distribution-config` has no DomainName: then the viewer's Host is unknown, and nothing may
        // be compared against a made-up one (issue 8 §4).
        let viewerHost = url.endpoint == nil ? url.host : (distribution.aliases.first ?? distribution.domainName)
        let originHost = hostForwarded ? (viewerHost ?? SimulatedRequest.unknownViewerHost) : (origin?.domainName.lowercased() ?? "")

        var headers = [SimulatedRequest.AddedHeader]()
        if let origin {
            headers.append(.init(
                name: "X-Amz-Cf-Id", value: "<request id>",
                reason: origin.isCustom
                    ? "custom origin: S3 sees an unsigned x-amz-* header"
                    : "added to every origin request; accepted through an S3 origin"))
            for header in origin.customHeaders {
                headers.append(.init(name: header.name, value: "<origin custom header>",
                                     reason: "origin custom header \(header.name)"))
            }
            // OAC and OAI sign the origin request with SigV4 header auth: Authorization plus the
            // X-Amz-Date and X-Amz-Content-Sha256 headers it signs (S3 names them in HeadersNotSigned or
            // answers "Only one auth mechanism allowed" next to a presigned query).
            let signer: String? = origin.originAccessControlId.map { "origin access control \($0) signs the request" }
                ?? origin.originAccessIdentity.map { _ in "origin access identity authenticates the request" }
            if let signer {
                headers.append(.init(name: "Authorization", value: origin.originAccessControlId != nil ? "AWS4-HMAC-SHA256 …" : "<OAI credentials>",
                                     reason: signer))
                headers.append(.init(name: "X-Amz-Date", value: "<signing time>", reason: signer))
                headers.append(.init(name: "X-Amz-Content-Sha256", value: "<payload hash>", reason: signer))
            }
        }
        let signedHost: SimulatedRequest.SignedHost = url.endpoint != nil ? .known(url.host) : .unknown
        var request = SimulatedRequest(
            url: url, auth: QueryAuth(url), behaviorIndex: index, behavior: behavior, origin: origin,
            originGroup: group, forwarding: forwarding, signedHost: signedHost, originHost: originHost,
            hostForwardedFromViewer: hostForwarded,
            originRawPath: (origin?.originPath ?? "") + url.rawPath, query: query, addedHeaders: headers)
        if let secretKey, let diagnosis = SignatureDiagnosis.diagnose(request, secret: secretKey) {
            request.signature = diagnosis
            if diagnosis.receivedVerifies {
                request.signedHost = .verified(originHost)
            } else if let signed = diagnosis.signedFor {
                request.signedHost = .verified(signed.host)
            }
        }
        return request
    }
}
