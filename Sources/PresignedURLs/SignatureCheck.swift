import Hashing

/// The outcome of recomputing a URL's signature the way S3 would for a received request.
public struct SignatureCheck: Sendable {
    public var matches: Bool
    /// The SigV4 canonical request (nil for SigV2, or when a signed header's value is unknown).
    public var canonicalRequest: String?
    public var stringToSign: String
    public var expectedSignature: String
    public var providedSignature: String
    /// Signed headers whose value S3 would need but the request does not carry.
    public var unknownSignedHeaders: [String]
}

public enum SignatureVerifier {
    /// SigV4 query auth. Returns nil when the URL lacks what is needed to compute a signature.
    public static func verifySigV4(_ query: SigV4Query, request: ReceivedRequest, secret: String) -> SignatureCheck? {
        guard let credential = query.credential, let amzDate = query.amzDateText, let provided = query.signature else { return nil }
        var headers = request.headers
        headers["host"] = request.host
        let signer = SigV4Signer.Request(rawPath: request.rawPath, parameters: request.parameters, headers: headers)
        let unknown = query.signedHeaders.filter { headers[$0] == nil }
        guard unknown.isEmpty, let canonical = SigV4Signer.canonicalRequest(signer, signedHeaders: query.signedHeaders) else {
            return SignatureCheck(matches: false, canonicalRequest: nil, stringToSign: "", expectedSignature: "",
                                  providedSignature: provided, unknownSignedHeaders: unknown)
        }
        let stringToSign = SigV4Signer.stringToSign(amzDate: amzDate, scope: credential.scope, canonicalRequest: canonical)
        let key = SigV4Signer.signingKey(secret: secret, date: credential.date, region: credential.region,
                                         service: credential.service)
        let expected = SigV4Signer.signature(stringToSign: stringToSign, signingKey: key)
        return SignatureCheck(matches: expected == provided.lowercased(), canonicalRequest: canonical,
                              stringToSign: stringToSign, expectedSignature: expected, providedSignature: provided,
                              unknownSignedHeaders: [])
    }

    /// SigV2 query auth (legacy S3 "Query String Request Authentication Alternative").
    public static func verifySigV2(_ query: SigV2Query, request: ReceivedRequest, bucket: String?,
                                   secret: String) -> SignatureCheck? {
        guard let expires = query.expiresText, let provided = query.signature else { return nil }
        let stringToSign = SigV2Signer.stringToSign(expires: expires, request: request, virtualHostBucket: bucket)
        let expected = Base64.encode(Digest.hmacSHA1(key: Array(secret.utf8), data: Array(stringToSign.utf8)))
        return SignatureCheck(matches: expected == provided, canonicalRequest: nil, stringToSign: stringToSign,
                              expectedSignature: expected, providedSignature: provided, unknownSignedHeaders: [])
    }
}

/// SigV2's string to sign: `GET\n\n\n<Expires>\n<x-amz-* headers><resource>`. Every `x-amz-*`
/// header S3 receives is part of it — so CloudFront's `X-Amz-Cf-Id` on a custom origin turns into
/// SignatureDoesNotMatch for SigV2 URLs (real body: fixtures/errors/, ngx_aws_auth issue #6).
public enum SigV2Signer {
    /// Query parameters that are part of the SigV2 resource (botocore `HmacV1Auth.QSAOfInterest`).
    static let subresources: Set<String> = [
        "accelerate", "acl", "cors", "defaultObjectAcl", "location", "logging", "partNumber", "policy",
        "requestPayment", "torrent", "versioning", "versionId", "versions", "website", "uploads", "uploadId",
        "response-content-type", "response-content-language", "response-expires", "response-cache-control",
        "response-content-disposition", "response-content-encoding", "delete", "lifecycle", "tagging", "restore",
        "storageClass", "notification", "replication", "analytics", "metrics", "inventory", "select",
        "select-type", "object-lock",
    ]

    public static func stringToSign(expires: String, request: ReceivedRequest, virtualHostBucket: String?) -> String {
        var amzHeaders = request.headers.filter { $0.key.hasPrefix("x-amz-") }
        if let token = request.parameters.first(where: { $0.name == "x-amz-security-token" }) {
            amzHeaders["x-amz-security-token"] = token.value
        }
        let headerLines = amzHeaders.keys.sorted().map { "\($0):\(amzHeaders[$0]!)\n" }.joined()
        var resource = (virtualHostBucket.map { "/" + $0 } ?? "") + request.rawPath
        let sub = request.parameters.filter { subresources.contains($0.name) }.sorted { $0.name < $1.name }
        if !sub.isEmpty {
            resource += "?" + sub.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }.joined(separator: "&")
        }
        return "GET\n\n\n\(expires)\n\(headerLines)\(resource)"
    }
}
