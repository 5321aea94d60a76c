/// The host and path a presigned GET is signed for.
struct S3Target: Equatable {
    var host: String
    /// Percent-encoded with AWS `UriEncode` (`/` kept), as botocore writes it.
    var path: String

    static func resolve(_ request: PresignRequest, partition: AWSRegion.Partition) throws(PresignError) -> S3Target {
        if let problem = BucketName.problem(request.bucket) { throw .invalidBucketName(request.bucket, reason: problem) }
        // "Object key names with the value "soap" aren't supported for virtual-hosted-style
        // requests" (S3 User Guide, "Naming Amazon S3 objects").
        let soap = request.key == "soap"
        let encodedKey = PercentEncoding.encode(request.key, keepSlash: true)
        let virtualPath = "/" + encodedKey
        let pathStylePath = "/" + request.bucket + "/" + encodedKey
        switch request.addressing {
        case .virtualHosted:
            guard BucketName.isVirtualHostable(request.bucket) || request.scheme == "http" else {
                throw .bucketNotVirtualHostable(request.bucket)
            }
            guard !soap else { throw .soapKeyNeedsPathStyle }
            return S3Target(host: "\(request.bucket).s3.\(request.region).\(partition.dnsSuffix)", path: virtualPath)
        case .pathStyle:
            return S3Target(host: "s3.\(request.region).\(partition.dnsSuffix)", path: pathStylePath)
        case .legacyGlobal:
            guard partition == .aws else { throw .globalHostUnavailable(region: request.region) }
            guard BucketName.isVirtualHostable(request.bucket) || request.scheme == "http" else {
                throw .bucketNotVirtualHostable(request.bucket)
            }
            guard !soap else { throw .soapKeyNeedsPathStyle }
            return S3Target(host: "\(request.bucket).s3.amazonaws.com", path: virtualPath)
        case .exactHost(let host):
            guard let endpoint = S3Endpoint.parse(host: host) else {
                throw .unsupportedHost(host, reason: "not an S3 host name (expected e.g. bucket.s3.eu-west-1.amazonaws.com)")
            }
            switch endpoint.form {
            case .regional, .dashRegional, .global, .external1, .accelerate:
                break
            case .website:
                throw .unsupportedHost(host, reason: "S3 website endpoints serve no authenticated requests")
            case .accessPoint, .objectLambda, .multiRegionAccessPoint:
                throw .unsupportedHost(host, reason: "\(endpoint.summary) hosts are not supported")
            }
            if let region = endpoint.region, region != request.region {
                throw .hostMismatch(host, reason: "the host names region \(region), the request \(request.region)")
            }
            if endpoint.partition.rawValue != partition.rawValue {
                throw .hostMismatch(host, reason: "the host is in partition \(endpoint.partition.rawValue), region "
                    + "\(request.region) in \(partition.rawValue)")
            }
            if endpoint.addressing == .virtualHosted {
                guard endpoint.bucket == request.bucket else {
                    throw .hostMismatch(host, reason: "the host names bucket '\(endpoint.bucket ?? "")', the request '\(request.bucket)'")
                }
                guard !soap else { throw .soapKeyNeedsPathStyle }
                return S3Target(host: endpoint.host, path: virtualPath)
            }
            return S3Target(host: endpoint.host, path: pathStylePath)
        }
    }
}

/// The URL viewers use: the CDN host and the path CloudFront turns into the signed one.
enum CDNRewrite {
    static func validatedHost(_ host: String) throws(PresignError) -> String {
        guard !host.isEmpty else { throw .invalidCDNHost(host, reason: "it is empty") }
        guard !host.contains("/") else {
            throw .invalidCDNHost(host, reason: "give the host name only (d111111abcdef8.cloudfront.net), without scheme or path")
        }
        let allowed = host.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
        }
        guard allowed, !host.hasPrefix("."), !host.hasPrefix("-"), !host.contains("..") else {
            throw .invalidCDNHost(host, reason: "a host name has letters, digits, dots and hyphens only")
        }
        return host.lowercased()
    }

    /// CloudFront requests `OriginPath + viewer path` from the origin, so the viewer path is the
    /// signed path without the origin path in front.
    static func viewerPath(for signedPath: String, cdn: PresignRequest.CDN, key: String) throws(PresignError) -> String {
        guard !cdn.originPath.isEmpty else { return signedPath }
        let prefix = PercentEncoding.encode(cdn.originPath, keepSlash: true)
        guard cdn.originPath.hasPrefix("/"), !cdn.originPath.hasSuffix("/"), signedPath.hasPrefix(prefix + "/") else {
            throw .keyOutsideOriginPath(key: key, originPath: cdn.originPath)
        }
        return String(signedPath.dropFirst(prefix.count))
    }
}
