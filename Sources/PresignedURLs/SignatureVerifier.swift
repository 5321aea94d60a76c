import Hashing

/// Recomputes a presigned URL's signature as S3 would for the request it receives.
public enum SignatureVerifier {
    /// SigV4 query auth. Returns nil when the URL lacks what is needed to compute a signature.
    public static func verifySigV4(_ query: SigV4Query, request: ReceivedRequest, secret: String) -> SignatureCheck? {
        guard let credential = query.credential, let amzDate = query.amzDateText, let provided = query.signature else { return nil }
        // Host from the request, every other header from its headers (no merged dictionary copy).
        func header(_ name: String) -> String? { name == "host" ? request.host : request.headers[name] }
        let unknown = query.signedHeaders.filter { header($0) == nil }
        guard unknown.isEmpty,
              let canonical = SigV4Signer.canonicalRequest(method: "GET", rawPath: request.rawPath, parameters: request.parameters,
                                                           signedHeaders: query.signedHeaders, header: header) else {
            return SignatureCheck(matches: false, canonicalRequest: nil, stringToSign: "", expectedSignature: "",
                                  providedSignature: provided, unknownSignedHeaders: unknown)
        }
        let context = DigestContext()
        let stringToSign = SigV4Signer.stringToSign(
            amzDate: amzDate, scope: [credential.date, credential.region, credential.service, credential.terminator],
            canonicalRequest: canonical, context: context)
        let expected = SigV4Signer.signature(secret: secret, date: credential.date, region: credential.region,
                                             service: credential.service, stringToSign: stringToSign, context: context)
        // S3 compares the lower-case hex case-sensitively: an upper-case signature is rejected with
        // SignatureDoesNotMatch (aws/aws-sdk-js#3322; LocalStack answers the same in the e2e lab).
        return SignatureCheck(matches: expected == provided, canonicalRequest: canonical,
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
