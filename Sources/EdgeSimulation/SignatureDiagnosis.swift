import CloudFrontModel
import PresignedURLs

/// With the secret key: does the signature verify for what S3 receives, and if not, for which
/// host and path was the URL actually signed? That is the diagnosis users need (issue #3).
public struct SignatureDiagnosis: Sendable {
    public struct Candidate: Sendable, Equatable {
        public var host: String
        public var rawPath: String
        public var label: String
    }

    /// True when the request S3 receives carries a valid signature.
    public var receivedVerifies: Bool
    /// What S3 computes for the request it receives (SigV4 canonical request, or SigV2 string to sign).
    public var receivedCheck: SignatureCheck
    /// The host and path the URL verifies for, when it is not the received one.
    public var signedFor: Candidate?
    /// How many host/path combinations were tried.
    public var candidatesTried: Int
    /// Signed headers whose values cfdoctor cannot know (the check is then inconclusive).
    public var unknownSignedHeaders: [String] { receivedCheck.unknownSignedHeaders }

    /// The request S3 receives through CloudFront, in the form the verifier needs.
    static func received(_ request: SimulatedRequest) -> ReceivedRequest {
        var headers = [String: String]()
        for header in request.addedHeaders where header.name.lowercased().hasPrefix("x-amz-") {
            // Through an S3 origin S3 accepts CloudFront's X-Amz-Cf-Id (docs/aws-facts.md #1); through
            // a custom origin it is an ordinary unsigned header that SigV2 also signs over.
            if header.name.lowercased() == "x-amz-cf-id", request.origin?.isCustom != true { continue }
            headers[header.name.lowercased()] = header.value
        }
        return ReceivedRequest(host: request.originHost, rawPath: request.originRawPath,
                               parameters: request.forwardedParameters, headers: headers)
    }

    public static func diagnose(_ request: SimulatedRequest, secret: String) -> SignatureDiagnosis? {
        let received = received(request)
        guard let check = verify(request, received: received, secret: secret) else { return nil }
        if check.matches || !check.unknownSignedHeaders.isEmpty {
            return SignatureDiagnosis(receivedVerifies: check.matches, receivedCheck: check, signedFor: nil, candidatesTried: 1)
        }
        var tried = 1
        // The candidate equal to the received host and path still counts when CloudFront dropped query
        // parameters: the URL as signed (all its parameters) may verify there (CFD301/CFD302).
        let queryChanged = request.url.parameters.count != received.parameters.count
        for candidate in candidates(for: request) {
            guard queryChanged || candidate.host != received.host || candidate.rawPath != received.rawPath else { continue }
            tried += 1
            var attempt = received
            attempt.host = candidate.host
            attempt.rawPath = candidate.rawPath
            // What the client sent: all its query parameters, none of CloudFront's headers.
            attempt.parameters = request.url.parameters.map { ($0.name, $0.value) }
            attempt.headers = [:]
            if verify(request, received: attempt, secret: secret)?.matches == true {
                return SignatureDiagnosis(receivedVerifies: false, receivedCheck: check, signedFor: candidate, candidatesTried: tried)
            }
        }
        return SignatureDiagnosis(receivedVerifies: false, receivedCheck: check, signedFor: nil, candidatesTried: tried)
    }

    private static func verify(_ request: SimulatedRequest, received: ReceivedRequest, secret: String) -> SignatureCheck? {
        switch request.auth {
        case .sigV4(let query):
            return SignatureVerifier.verifySigV4(query, request: received, secret: secret)
        case .sigV2(let query):
            let bucket = S3Endpoint.parse(host: received.host).flatMap { $0.addressing == .virtualHosted ? $0.bucket : nil }
            return SignatureVerifier.verifySigV2(query, request: received, bucket: bucket, secret: secret)
        case .none:
            return nil
        }
    }

    /// Hosts and paths a client may have signed for: the URL's own host, the origin's, and every
    /// S3 spelling of the origin's bucket in the credential's region, each with and without the
    /// origin path.
    static func candidates(for request: SimulatedRequest) -> [Candidate] {
        let viewerPath = String(request.url.rawPath)
        var result = [Candidate]()
        func add(_ host: String, _ path: String, _ label: String) {
            let candidate = Candidate(host: host.lowercased(), rawPath: path, label: label)
            if !result.contains(candidate) { result.append(candidate) }
        }
        add(request.url.host, viewerPath, "the URL's own host")
        let paths = [(viewerPath, "")] + (request.origin.map { $0.originPath.isEmpty ? [] : [($0.originPath + viewerPath, " with OriginPath")] } ?? [])
        if let origin = request.origin {
            for (path, suffix) in paths { add(origin.domainName, path, "the origin host" + suffix) }
        }
        let originEndpoint = request.origin.flatMap { S3Endpoint.parse(host: $0.domainName) }
        guard let bucket = originEndpoint?.bucket ?? request.url.bucketAndKey.bucket else { return result }
        let region = request.auth.sigV4?.credential?.region ?? originEndpoint?.servingRegion ?? "us-east-1"
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        // Signed path-style (s3.REGION.amazonaws.com/BUCKET/key) and then the host swapped: the viewer
        // path still starts with the bucket.
        if viewerPath.hasPrefix("/" + bucket + "/") {
            add("s3.\(region).\(suffix)", viewerPath, "regional path-style")
            add("s3.\(suffix)", viewerPath, "global path-style")
        }
        for (path, pathLabel) in paths {
            add("\(bucket).s3.\(region).\(suffix)", path, "regional virtual-hosted" + pathLabel)
            add("\(bucket).s3-\(region).\(suffix)", path, "legacy dash-regional" + pathLabel)
            add("\(bucket).s3.\(suffix)", path, "legacy global" + pathLabel)
            add("\(bucket).s3.dualstack.\(region).\(suffix)", path, "dualstack" + pathLabel)
            add("\(bucket).s3-accelerate.amazonaws.com", path, "Transfer Acceleration" + pathLabel)
            add("s3.\(region).\(suffix)", "/" + bucket + path, "regional path-style" + pathLabel)
            add("s3.\(suffix)", "/" + bucket + path, "global path-style" + pathLabel)
        }
        return result
    }
}
