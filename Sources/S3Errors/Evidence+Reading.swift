extension Evidence {
    /// Reads the body. What each code and message proves follows SPEC §7 ("Error bodies are
    /// evidence") and the captured responses in fixtures/errors/SOURCES.md and docs/aws-facts.md.
    public init(_ body: ErrorBody) {
        code = body.code
        facts = Facts(body)
        symptoms = []
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
        case .cloudFrontError where body.code != "MissingKey" && !(body.message ?? "").hasPrefix("Missing Key-Pair-Id"):
            readCloudFrontSignatureRefusal(body)
        case .cloudFrontError:
            meaning = "CloudFront answered \(body.code ?? "an error") itself, before contacting S3: the behavior requires "
                + "CloudFront signed URLs or cookies (trusted key groups or trusted signers), which an S3 presigned URL "
                + "is not."
            symptoms = [.cloudFrontRequiresItsOwnSignature(code: body.code, message: body.message)]
        case .s3Error:
            readS3Error(body)
            symptoms.append(.answeredByS3)
        }
    }

    /// CloudFront checked a CloudFront signed URL or cookie and refused it.
    private mutating func readCloudFrontSignatureRefusal(_ body: ErrorBody) {
        let why: String
        switch body.message == "Unknown Key" ? "InvalidKey" : body.code ?? "" {
        case "InvalidKey": why = "it does not know the Key-Pair-Id as a key this behavior trusts"
        case "MalformedPolicy": why = "it cannot read the policy (not JSON, milliseconds, a missing DateLessThan, …)"
        case "MalformedSignature": why = "it cannot decode the Signature (not CloudFront's base64, or cut off)"
        default: why = "the signature, the time window, the resource or the viewer's IP address does not satisfy the policy"
        }
        meaning = "CloudFront refused the CloudFront signed URL or cookie itself (\(body.code ?? "error") "
            + "\"\(body.message ?? "")\"), before contacting S3: \(why)."
        symptoms = [.cloudFrontRefusedItsSignature(code: body.code, message: body.message)]
    }

    private mutating func readS3Error(_ body: ErrorBody) {
        let message = body.message ?? ""
        let lower = message.lowercased()
        switch body.code ?? "" {
        case "AccessDenied":
            readAccessDenied(lower)
        case "SignatureDoesNotMatch":
            readSignatureDoesNotMatch()
        case "AuthorizationQueryParametersError":
            symptoms.append(.queryReachedS3)
            if lower.contains("region") && lower.contains("is wrong") {
                meaning = "The URL's credential scope names another region than the bucket's: SigV4 keys are "
                    + "derived per region, so S3 refuses it before checking the signature."
                symptoms.append(.wrongRegion(signed: facts.signedRegion, expected: facts.region))
            } else if lower.contains("requires the x-amz-algorithm") {
                meaning = "Some but not all of the SigV4 query parameters reached S3."
                symptoms.append(.missingQueryParameters)
            } else if lower.contains("x-amz-expires must") {
                meaning = "X-Amz-Expires is outside 1…604800 seconds (seven days), the range S3 accepts."
                symptoms.append(.expiresOutOfRange(message: message))
            } else {
                meaning = "S3 could not read the SigV4 query parameters: \(message)"
                symptoms.append(.malformedQueryParameters)
            }
        case "InvalidArgument":
            if lower.contains("only one auth mechanism") {
                meaning = "Two authentications reached S3: the viewer's X-Amz-* query signature and an Authorization "
                    + "header that CloudFront added by signing the origin request (OAC, or an OAI)."
                symptoms += [.authMechanismConflict(argumentName: body.value("ArgumentName")), .queryReachedS3]
            } else if lower.contains("region") && lower.contains("is wrong") {
                meaning = "The credential scope names another region than the bucket's."
                symptoms += [.wrongRegion(signed: facts.signedRegion, expected: facts.region), .queryReachedS3]
            } else {
                meaning = "S3 rejected an argument: \(message)"
            }
        case "AuthorizationHeaderMalformed":
            meaning = "An Authorization header reached S3. A presigned URL carries none, so CloudFront signed the "
                + "origin request (OAC or OAI), and for the wrong region."
            symptoms.append(.authorizationHeaderForWrongRegion)
        case "PermanentRedirect", "TemporaryRedirect":
            meaning = "The bucket lives in another region than the endpoint the request went to: S3 answers with the "
                + "endpoint to use\(facts.endpoint.map { " (\($0))" } ?? "") instead of serving the object."
            symptoms.append(.bucketInAnotherRegion(endpoint: facts.endpoint))
        case "NoSuchBucket":
            meaning = "S3 took the bucket name from the Host header and found no such bucket."
            symptoms.append(.noSuchBucket(bucket: facts.bucket))
        case "NoSuchKey":
            meaning = "The signature was accepted, but the key S3 looked up does not exist."
            symptoms.append(.noSuchKey(key: body.value("Key")))
        case "ExpiredToken":
            meaning = "The URL was signed with temporary credentials (X-Amz-Security-Token) whose session has ended: "
                + "the URL died with the session, whatever its X-Amz-Expires says."
            symptoms += [.expiredSessionToken, .queryReachedS3]
        case "InvalidToken":
            meaning = "S3 could not read the URL's X-Amz-Security-Token."
            symptoms += [.invalidSessionToken, .queryReachedS3]
        case "InvalidAccessKeyId":
            meaning = "The access key ID in X-Amz-Credential does not exist (deleted, another account or partition, "
                + "or an ended session)."
            symptoms += [.unknownAccessKey(temporary: facts.accessKeyId?.hasPrefix("ASIA") == true), .queryReachedS3]
        case "InvalidRequest" where lower.contains("x-amz-cf-id") && lower.contains("must be included in signature"):
            // S3's answer when CloudFront's X-Amz-Cf-Id reaches it unsigned (pypi/infra#219).
            meaning = "S3 requires the x-amz-cf-id header that CloudFront added to be signed: the bucket is reached as a "
                + "custom origin, where CloudFront's X-Amz-Cf-Id is an ordinary unsigned x-amz-* header."
            symptoms += [.unsignedHeaders(["x-amz-cf-id"])]
        case "InvalidRequest" where lower.contains("aws4-hmac-sha256"):
            meaning = "The URL uses legacy SigV2 query authentication, which this bucket's region does not accept."
            symptoms.append(.sigV2Rejected)
        case "RequestTimeTooSkewed":
            meaning = "The request time differs from S3's clock by more than 15 minutes."
            symptoms.append(.clockSkewed)
        default:
            meaning = "S3 answered \(body.code ?? "an error without a code"): no cfdoctor rule explains it directly."
        }
    }

    private mutating func readAccessDenied(_ lower: String) {
        if !facts.headersNotSigned.isEmpty {
            meaning = "S3 checked the query signature and found request headers it does not cover: every x-amz-* "
                + "header must be listed in X-Amz-SignedHeaders (S3 API Reference, sigv4-query-string-auth)."
            symptoms += [.queryReachedS3, .unsignedHeaders(facts.headersNotSigned)]
        } else if lower.contains("request has expired") {
            meaning = "The URL's X-Amz-Date + X-Amz-Expires\(facts.expires.map { " (\($0))" } ?? "") is before S3's clock"
                + "\(facts.serverTime.map { " (\($0))" } ?? ""): the URL has expired."
            symptoms += [.expired(expires: facts.expires, serverTime: facts.serverTime), .queryReachedS3]
            if facts.servedFromCache { symptoms.append(.expiredAnswerFromCache) }
        } else if lower.contains("not yet valid") {
            meaning = "X-Amz-Date is in the future by S3's clock."
            symptoms += [.notYetValid, .queryReachedS3]
        } else {
            meaning = "A bare Access Denied: S3 saw no usable signature and treated the request as anonymous, or the "
                + "signature verified but the signer may not read the object (IAM or bucket policy)."
            symptoms.append(.anonymousRequest)
        }
    }

    private mutating func readSignatureDoesNotMatch() {
        symptoms.append(.queryReachedS3)
        let stringToSign = facts.stringToSign ?? ""
        if !stringToSign.isEmpty, !stringToSign.hasPrefix("AWS4-HMAC-SHA256") {
            meaning = "S3 recomputed a legacy SigV2 signature over what it received and got another value."
            symptoms.append(.sigV2SignatureMismatch(stringToSignHasCloudFrontID: stringToSign.lowercased().contains("x-amz-cf-id")))
            return
        }
        meaning = "S3 recomputed the SigV4 signature over the request it received and got another value: something "
            + "between the signer and S3 changed the host, path or query (or the secret key is wrong)."
        if let canonical = facts.canonicalRequest, canonical.contains("\n"), !canonical.contains("X-Amz-Algorithm=") {
            meaning += " This canonical request has no X-Amz-* query parameters: it was signed with an Authorization "
                + "header, not as a presigned URL."
        }
        symptoms.append(.signatureMismatch(canonicalHost: Self.hostLine(in: facts.canonicalRequest)))
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
        signatureProvided = body.value("SignatureProvided")
        echoedAccessKeyId = body.value("AWSAccessKeyId")
        let cacheStatus = body.head?.header("X-Cache")?.lowercased() ?? ""
        servedFromCache = cacheStatus.hasPrefix("hit from cloudfront") || body.head?.header("Age") != nil
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
