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
