extension Evidence {
    /// Reads the body. The mapping follows SPEC §7 ("Error bodies are evidence") and the captured
    /// responses in fixtures/errors/SOURCES.md and docs/aws-facts.md.
    public init(_ body: ErrorBody) {
        code = body.code
        facts = Facts(body)
        supports = []
        rulesOut = []
        reachedS3 = body.kind == .s3Error
        meaning = ""
        switch body.kind {
        case .notAnError:
            meaning = "Not an S3 or CloudFront error: \(body.notAnErrorReason ?? "unrecognised input")."
        case .cloudFrontHTMLPage:
            let reason = body.htmlPage?.reason.map { " (\"\($0)\")" } ?? ""
            meaning = "CloudFront refused the request itself\(reason) and never contacted S3: AWS WAF, geo "
                + "restriction, an alternate domain name the distribution does not list, or a request CloudFront "
                + "considers malformed. No presigned-URL rule explains it."
        case .cloudFrontError:
            readCloudFrontError(body)
        case .s3Error:
            readS3Error(body)
            // S3 answered, so CloudFront forwarded the request instead of checking signed URLs itself.
            ruleOut("CFD304", "S3 answered, so no trusted key group or signer stopped the request at CloudFront")
        }
    }

    private mutating func support(_ rule: String, _ reason: String) {
        if !supports.contains(where: { $0.rule == rule }) { supports.append(Explanation(rule: rule, reason: reason)) }
    }

    private mutating func ruleOut(_ rule: String, _ reason: String) {
        if !rulesOut.contains(where: { $0.rule == rule }) { rulesOut.append(Explanation(rule: rule, reason: reason)) }
    }

    /// S3 evaluated the query signature, so the X-Amz-* parameters reached it.
    private mutating func queryReachedS3() {
        ruleOut("CFD301", "S3 evaluated the X-Amz-* query parameters, so the query string reached it")
    }

    private mutating func readCloudFrontError(_ body: ErrorBody) {
        meaning = "CloudFront answered \(body.code ?? "an error") itself, before contacting S3: the behavior requires "
            + "CloudFront signed URLs or cookies (trusted key groups or trusted signers), which an S3 presigned URL "
            + "is not. (docs/aws-facts.md #11)"
        support("CFD304", "CloudFront's own \(body.code ?? "error") (\(body.message ?? "no message")): the behavior "
            + "restricts viewer access with trusted key groups or signers")
        let untested = "CloudFront answered before contacting S3, so nothing S3 checks has been tested yet"
        for rule in ["CFD101", "CFD102", "CFD103", "CFD201", "CFD202", "CFD203", "CFD301", "CFD302", "CFD601"] {
            ruleOut(rule, untested)
        }
    }

    private mutating func readS3Error(_ body: ErrorBody) {
        let message = body.message ?? ""
        let lower = message.lowercased()
        switch body.code ?? "" {
        case "AccessDenied":
            readAccessDenied(body, lower)
        case "SignatureDoesNotMatch":
            readSignatureDoesNotMatch()
        case "AuthorizationQueryParametersError":
            queryReachedS3()
            if lower.contains("region") && lower.contains("is wrong") {
                meaning = "The URL's credential scope names another region than the bucket's: SigV4 keys are "
                    + "derived per region, so S3 refuses it before checking the signature."
                support("CFD103", "credential scope region \(facts.signedRegion.map { "'\($0)'" } ?? "") is wrong; "
                    + "S3 expects \(facts.region.map { "'\($0)'" } ?? "the bucket's region")")
            } else if lower.contains("requires the x-amz-algorithm") {
                meaning = "Some but not all of the SigV4 query parameters reached S3."
                support("CFD302", "S3 saw some X-Amz-* parameters but not all: an allow-list dropped the others")
                support("CFD603", "or the URL itself lacks one of the required X-Amz-* parameters")
            } else if lower.contains("x-amz-expires must") {
                meaning = "X-Amz-Expires is outside 1…604800 seconds (seven days), the range S3 accepts."
                support("CFD602", "S3: \(message)")
            } else {
                meaning = "S3 could not read the SigV4 query parameters: \(message)"
                support("CFD603", "a required X-Amz-* parameter is missing or malformed")
            }
        case "InvalidArgument":
            if lower.contains("only one auth mechanism") {
                meaning = "Two authentications reached S3: the viewer's X-Amz-* query signature and an Authorization "
                    + "header that CloudFront added by signing the origin request (OAC, or an OAI)."
                support("CFD203", "S3 got the presigned query and CloudFront's own Authorization header"
                    + (body.value("ArgumentName").map { " (ArgumentName \($0))" } ?? ""))
                queryReachedS3()
            } else if lower.contains("region") && lower.contains("is wrong") {
                meaning = "The credential scope names another region than the bucket's."
                support("CFD103", "credential scope region \(facts.signedRegion.map { "'\($0)'" } ?? "") is wrong; "
                    + "S3 expects \(facts.region.map { "'\($0)'" } ?? "the bucket's region")")
                queryReachedS3()
            } else {
                meaning = "S3 rejected an argument: \(message)"
            }
        case "AuthorizationHeaderMalformed":
            meaning = "An Authorization header reached S3. A presigned URL carries none, so CloudFront signed the "
                + "origin request (OAC or OAI), and for the wrong region."
            support("CFD203", "an Authorization header reached S3 along with the presigned URL: CloudFront signs origin requests")
            support("CFD101", "the signing region came from an origin host that names another region than the bucket's")
        case "PermanentRedirect", "TemporaryRedirect":
            meaning = "The bucket lives in another region than the endpoint the request went to: S3 answers with the "
                + "endpoint to use\(facts.endpoint.map { " (\($0))" } ?? "") instead of serving the object."
            support("CFD101", "the origin domain does not name the bucket's region; use the regional host"
                + (facts.endpoint.map { " (S3 points to \($0))" } ?? ""))
            support("CFD103", "the URL must be signed for the bucket's region as well")
        case "NoSuchBucket":
            meaning = "S3 took the bucket name from the Host header and found no such bucket."
            support("CFD401", "a forwarded viewer Host makes S3 look for a bucket named after the CloudFront or alias domain"
                + (facts.bucket.map { " (bucket '\($0)')" } ?? ""))
        case "NoSuchKey":
            meaning = "The signature was accepted, but the key S3 looked up does not exist."
            support("CFD105", "S3 looked up another key than the one you expect: OriginPath prefixes the viewer path"
                + (body.value("Key").map { " (S3 looked for '\($0)')" } ?? ""))
            let accepted = "S3 accepted the request's authentication and looked the key up"
            for rule in ["CFD101", "CFD102", "CFD103", "CFD201", "CFD202", "CFD203", "CFD301", "CFD302", "CFD601", "CFD610"] {
                ruleOut(rule, accepted)
            }
        case "ExpiredToken":
            meaning = "The URL was signed with temporary credentials (X-Amz-Security-Token) whose session has ended: "
                + "the URL died with the session, whatever its X-Amz-Expires says."
            support("CFD607", "the session token in the URL has expired")
            queryReachedS3()
        case "InvalidToken":
            meaning = "S3 could not read the URL's X-Amz-Security-Token."
            support("CFD607", "the URL relies on a session token, which S3 rejected")
            support("CFD611", "a literal + in the token decodes as a space (docs/aws-facts.md #7): encode it as %2B")
            queryReachedS3()
        case "InvalidAccessKeyId":
            meaning = "The access key ID in X-Amz-Credential does not exist (deleted, another account or partition, "
                + "or an ended session)."
            if facts.accessKeyId?.hasPrefix("ASIA") == true {
                support("CFD607", "the key ID starts with ASIA: temporary credentials whose session no longer exists")
            }
            queryReachedS3()
        case "InvalidRequest" where lower.contains("aws4-hmac-sha256"):
            meaning = "The URL uses legacy SigV2 query authentication, which this bucket's region does not accept."
            support("CFD606", "S3 asks for AWS4-HMAC-SHA256: re-sign with SigV4")
        case "RequestTimeTooSkewed":
            meaning = "The request time differs from S3's clock by more than 15 minutes."
            support("CFD609", "X-Amz-Date is too far from S3's clock")
        default:
            meaning = "S3 answered \(body.code ?? "an error without a code"): no cfdoctor rule explains it directly."
        }
    }

    private mutating func readAccessDenied(_ body: ErrorBody, _ lower: String) {
        let headers = facts.headersNotSigned
        if !headers.isEmpty {
            meaning = "S3 checked the query signature and found request headers it does not cover: every x-amz-* "
                + "header must be listed in X-Amz-SignedHeaders (S3 API Reference, sigv4-query-string-auth)."
            queryReachedS3()
            if headers.contains("x-amz-cf-id") {
                support("CFD201", "S3 names X-Amz-Cf-Id as unsigned: the article's symptom of an S3 bucket set up as a "
                    + "custom origin (CustomOriginConfig)")
                support("CFD202", "or an origin custom header adds an x-amz-* header S3 then sees unsigned")
            }
            let others = headers.filter { $0.hasPrefix("x-amz-") && $0 != "x-amz-cf-id" }
            if !others.isEmpty {
                support("CFD202", "unsigned \(others.joined(separator: ", ")): added by an origin custom header or "
                    + "forwarded from the viewer")
            }
            if headers.contains("host") {
                support("CFD603", "host is not in X-Amz-SignedHeaders: the URL was signed without it")
            }
        } else if lower.contains("request has expired") {
            meaning = "The URL's X-Amz-Date + X-Amz-Expires\(facts.expires.map { " (\($0))" } ?? "") is before S3's clock"
                + "\(facts.serverTime.map { " (\($0))" } ?? ""): the URL has expired."
            support("CFD601", "S3 says the request has expired"
                + (facts.expires.map { ": it expired at \($0)" } ?? "")
                + (facts.serverTime.map { ", S3's time was \($0)" } ?? ""))
            support("CFD501", "URLs outliving their signature usually come from caching: a cache TTL longer than the "
                + "signature lifetime keeps handing out or serving what should have expired")
            queryReachedS3()
        } else if lower.contains("not yet valid") {
            meaning = "X-Amz-Date is in the future by S3's clock."
            support("CFD609", "S3 says the request is not yet valid")
            queryReachedS3()
        } else {
            meaning = "A bare Access Denied: S3 saw no usable signature and treated the request as anonymous, or the "
                + "signature verified but the signer may not read the object (IAM or bucket policy)."
            support("CFD301", "with no X-Amz-* parameters, S3 treats the request as anonymous and a private bucket "
                + "answers a bare Access Denied: CloudFront did not forward the query string")
            support("CFD302", "an allow-list that drops X-Amz-Algorithm or X-Amz-Signature has the same effect")
        }
    }

    private mutating func readSignatureDoesNotMatch() {
        queryReachedS3()
        let stringToSign = facts.stringToSign ?? ""
        if !stringToSign.isEmpty, !stringToSign.hasPrefix("AWS4-HMAC-SHA256") {
            meaning = "S3 recomputed a legacy SigV2 signature over what it received and got another value."
            if stringToSign.lowercased().contains("x-amz-cf-id") {
                support("CFD201", "S3's SigV2 StringToSign includes x-amz-cf-id: CloudFront added it to the origin "
                    + "request, and SigV2 signs every x-amz-* header")
            }
            support("CFD606", "the URL uses legacy SigV2 query authentication")
            return
        }
        meaning = "S3 recomputed the SigV4 signature over the request it received and got another value: something "
            + "between the signer and S3 changed the host, path or query (or the secret key is wrong)."
        if let canonical = facts.canonicalRequest, canonical.contains("\n"), !canonical.contains("X-Amz-Algorithm=") {
            meaning += " This canonical request has no X-Amz-* query parameters: it was signed with an Authorization "
                + "header, not as a presigned URL."
        }
        if let host = Self.hostLine(in: facts.canonicalRequest), !Self.isS3Host(host) {
            support("CFD401", "S3's canonical request has host:\(host), not an S3 host: CloudFront forwarded the viewer Host")
        }
        support("CFD102", "the host S3 received is not the host the URL was signed for"
            + (Self.hostLine(in: facts.canonicalRequest).map { " (S3 used host:\($0))" } ?? ""))
        support("CFD101", "typically the global bucket.s3.amazonaws.com origin for a URL signed for the regional host")
        support("CFD105", "OriginPath changes the path S3 signs over")
        support("CFD302", "a dropped or re-encoded query parameter changes the canonical query")
        support("CFD610", "or the URL was signed with another secret key")
    }

    public static func hostLine(in canonicalRequest: String?) -> String? {
        guard let canonicalRequest else { return nil }
        for line in canonicalRequest.split(separator: "\n") where line.lowercased().hasPrefix("host:") {
            return String(line.dropFirst(5)).trimmingWhitespace()
        }
        return nil
    }

    public static func isS3Host(_ host: String) -> Bool {
        let host = host.lowercased()
        return host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn")
    }
}

extension Evidence.Facts {
    init(_ body: ErrorBody) {
        headersNotSigned = body.headersNotSigned
        canonicalRequest = body.canonicalRequest
        stringToSign = body.stringToSign
        region = body.value("Region")
        endpoint = body.value("Endpoint")
        bucket = body.value("Bucket") ?? body.value("BucketName")
        expires = body.value("Expires")
        serverTime = body.value("ServerTime")
        xAmzExpires = body.value("X-Amz-Expires")
        accessKeyId = body.value("AWSAccessKeyId") ?? body.value("ArgumentValue").flatMap { value in
            value.contains("/") ? String(value.prefix(while: { $0 != "/" })) : nil
        }
        requestId = body.value("RequestId") ?? body.htmlPage?.requestId
        signedRegion = Self.wrongRegion(in: body.message ?? "")
    }

    /// "the region 'us-east-1' is wrong; expecting 'eu-central-1'" → us-east-1.
    static func wrongRegion(in message: String) -> String? {
        guard let marker = message.range(of: "the region '") else { return nil }
        let rest = message[marker.upperBound...]
        guard let end = rest.firstIndex(of: "'"), rest[end...].hasPrefix("' is wrong") else { return nil }
        return String(rest[..<end])
    }
}
