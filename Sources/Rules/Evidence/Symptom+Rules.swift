import S3Errors

/// What one symptom says about a rule: it supports it (a likely cause) or argues against it.
enum Implication {
    case supports(RuleID, String)
    case rulesOut(RuleID, String)
}

extension Symptom {
    /// The rules this symptom supports and argues against, most likely first (SPEC §7; the AWS
    /// behaviour behind each is quoted in the rule's own rationale).
    var implications: [Implication] {
        switch self {
        case .answeredByS3:
            return [.rulesOut("CFD304", "S3 answered, so no trusted key group or signer stopped the request at CloudFront")]
        case .queryReachedS3:
            return [.rulesOut("CFD301", "S3 evaluated the X-Amz-* query parameters, so the query string reached it")]
        case .cloudFrontRequiresItsOwnSignature(let code, let message):
            let untested = "CloudFront answered before contacting S3, so nothing S3 checks has been tested yet"
            return [.supports("CFD304", "CloudFront's own \(code ?? "error") (\(message ?? "no message")): the behavior "
                        + "restricts viewer access with trusted key groups or signers")]
                + Self.untestedByS3.map { .rulesOut($0, untested) }
        case .cloudFrontRefusedItsSignature(let code, let message):
            let said = "CloudFront's \(code ?? "error") (\"\(message ?? "")\")"
            var implications: [Implication]
            switch message == "Unknown Key" ? "InvalidKey" : code ?? "" {
            case "InvalidKey":
                implications = [.supports("CFD705", "\(said): the Key-Pair-Id is not a public key of the behavior's trusted key groups")]
            case "MalformedPolicy":
                implications = [.supports("CFD703", "\(said): the policy is not in the form CloudFront requires")]
            case "MalformedSignature":
                implications = [.supports("CFD703", "\(said): the Signature is not in CloudFront's base64"),
                                .supports("CFD701", "or it was cut off or re-encoded on the way")]
            default:
                implications = [
                    .supports("CFD701", "\(said): the signature does not verify for this URL and key"),
                    .supports("CFD702", "or the policy's time window has passed or not begun"),
                    .supports("CFD704", "or the policy's Resource does not cover this URL"),
                    .supports("CFD707", "or the viewer's IP address is outside the policy's IpAddress range"),
                ]
            }
            let checked = "CloudFront read a CloudFront signature, so the behavior does restrict viewer access"
            let untested = "CloudFront answered before contacting S3, so nothing S3 checks has been tested yet"
            return implications + [.rulesOut("CFD304", checked), .rulesOut("CFD706", checked)]
                + Self.untestedByS3.map { .rulesOut($0, untested) }
        case .unsignedHeaders(let headers):
            var implications = [Implication]()
            if headers.contains("x-amz-cf-id") {
                implications.append(.supports("CFD201", "S3 names X-Amz-Cf-Id as unsigned: the article's symptom of an S3 "
                    + "bucket set up as a custom origin (CustomOriginConfig)"))
                implications.append(.supports("CFD202", "or an origin custom header adds an x-amz-* header S3 then sees unsigned"))
            }
            let others = headers.filter { $0.hasPrefix("x-amz-") && !["x-amz-cf-id", "x-amz-date", "x-amz-content-sha256"].contains($0) }
            if !others.isEmpty {
                implications.append(.supports("CFD202", "unsigned \(others.joined(separator: ", ")): added by an origin "
                    + "custom header or forwarded from the viewer"))
            }
            let originSigning = headers.filter { ["x-amz-date", "x-amz-content-sha256", "authorization"].contains($0) }
            if !originSigning.isEmpty {
                implications.append(.supports("CFD203", "unsigned \(originSigning.joined(separator: ", ")): the headers OAC or an "
                    + "OAI add when CloudFront signs the origin request (Authorization, X-Amz-Date, X-Amz-Content-Sha256)"))
            }
            if headers.contains("host") {
                implications.append(.supports("CFD603", "host is not in X-Amz-SignedHeaders: the URL was signed without it"))
            }
            return implications
        case .expired(let expires, let serverTime):
            return [
                .supports("CFD601", "S3 says the request has expired" + (expires.map { ": it expired at \($0)" } ?? "")
                    + (serverTime.map { ", S3's time was \($0)" } ?? "")),
            ]
        case .expiredAnswerFromCache:
            return [.supports("CFD501", "the expired answer came from CloudFront's cache (X-Cache: Hit from cloudfront, or "
                + "Age): a cache TTL longer than the signature lifetime keeps serving what should have expired")]
        case .notYetValid:
            return [.supports("CFD609", "S3 says the request is not yet valid")]
        case .clockSkewed:
            return [.supports("CFD609", "X-Amz-Date is too far from S3's clock")]
        case .anonymousRequest:
            return [
                .supports("CFD301", "with no X-Amz-* parameters, S3 treats the request as anonymous and a private bucket "
                    + "answers a bare Access Denied: CloudFront did not forward the query string"),
                .supports("CFD302", "an allow-list that drops X-Amz-Algorithm or X-Amz-Signature has the same effect"),
            ]
        case .wrongRegion(let signed, let expected):
            return [.supports("CFD103", "credential scope region \(signed.map { "'\($0)'" } ?? "") is wrong; "
                + "S3 expects \(expected.map { "'\($0)'" } ?? "the bucket's region")")]
        case .missingQueryParameters:
            return [
                .supports("CFD302", "S3 saw some X-Amz-* parameters but not all: an allow-list dropped the others"),
                .supports("CFD603", "or the URL itself lacks one of the required X-Amz-* parameters"),
            ]
        case .expiresOutOfRange(let message):
            return [.supports("CFD602", "S3: \(message)")]
        case .malformedQueryParameters:
            return [.supports("CFD603", "a required X-Amz-* parameter is missing or malformed")]
        case .authMechanismConflict(let argumentName):
            return [.supports("CFD203", "S3 got the presigned query and CloudFront's own Authorization header"
                + (argumentName.map { " (ArgumentName \($0))" } ?? ""))]
        case .authorizationHeaderForWrongRegion:
            return [
                .supports("CFD203", "an Authorization header reached S3 along with the presigned URL: CloudFront signs origin requests"),
                .supports("CFD101", "the signing region came from an origin host that names another region than the bucket's"),
            ]
        case .bucketInAnotherRegion(let endpoint):
            return [
                .supports("CFD101", "the origin domain does not name the bucket's region; use the regional host"
                    + (endpoint.map { " (S3 points to \($0))" } ?? "")),
                .supports("CFD103", "the URL must be signed for the bucket's region as well"),
            ]
        case .noSuchBucket(let bucket):
            return [.supports("CFD401", "a forwarded viewer Host makes S3 look for a bucket named after the CloudFront or "
                + "alias domain" + (bucket.map { " (bucket '\($0)')" } ?? ""))]
        case .noSuchKey(let key):
            let accepted = "S3 accepted the request's authentication and looked the key up"
            return [.supports("CFD105", "S3 looked up another key than the one you expect: OriginPath prefixes the viewer path"
                        + (key.map { " (S3 looked for '\($0)')" } ?? ""))]
                + (Self.untestedByS3 + ["CFD610"]).map { .rulesOut($0, accepted) }
        case .expiredSessionToken:
            return [.supports("CFD607", "the session token in the URL has expired")]
        case .invalidSessionToken:
            return [
                .supports("CFD607", "the URL relies on a session token, which S3 rejected"),
                .supports("CFD611", "a literal + in the token decodes as a space: encode it as %2B"),
            ]
        case .unknownAccessKey(let temporary):
            guard temporary else { return [] }
            return [.supports("CFD607", "the key ID starts with ASIA: temporary credentials whose session no longer exists")]
        case .sigV2Rejected:
            return [.supports("CFD606", "S3 asks for AWS4-HMAC-SHA256: re-sign with SigV4")]
        case .sigV2SignatureMismatch(let stringToSignHasCloudFrontID):
            let cloudFrontID: [Implication] = stringToSignHasCloudFrontID
                ? [.supports("CFD201", "S3's SigV2 StringToSign includes x-amz-cf-id: CloudFront added it to the origin "
                    + "request, and SigV2 signs every x-amz-* header")]
                : []
            return cloudFrontID + [.supports("CFD606", "the URL uses legacy SigV2 query authentication")]
        case .signatureMismatch(let host):
            var implications = [Implication]()
            if let host, !Evidence.isS3Host(host) {
                implications.append(.supports("CFD401", "S3's canonical request has host:\(host), not an S3 host: "
                    + "CloudFront forwarded the viewer Host"))
            }
            return implications + [
                .supports("CFD102", "the host S3 received is not the host the URL was signed for"
                    + (host.map { " (S3 used host:\($0))" } ?? "")),
                .supports("CFD101", "typically the global bucket.s3.amazonaws.com origin for a URL signed for the regional host"),
                .supports("CFD105", "OriginPath changes the path S3 signs over"),
                .supports("CFD302", "a dropped or re-encoded query parameter changes the canonical query"),
                .supports("CFD610", "or the URL was signed with another secret key"),
            ]
        }
    }

    /// The checks S3 makes before it looks a key up (region, host, headers, query, expiry).
    private static let untestedByS3: [RuleID] = [
        "CFD101", "CFD102", "CFD103", "CFD201", "CFD202", "CFD203", "CFD301", "CFD302", "CFD601",
    ]
}
