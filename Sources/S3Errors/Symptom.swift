/// What an error body shows happened to the request, in S3's and CloudFront's terms. Which
/// cfdoctor rules a symptom supports or argues against is the rule engine's business
/// (Sources/Rules/Evidence/Symptom+Rules.swift); this layer only reads the body.
public enum Symptom: Sendable, Equatable {
    /// S3 answered, so CloudFront forwarded the request instead of checking its own signed URLs.
    case answeredByS3
    /// S3 evaluated the X-Amz-* query parameters, so the query string reached it.
    case queryReachedS3
    /// CloudFront answered itself (`MissingKey`, …) before contacting S3.
    case cloudFrontRequiresItsOwnSignature(code: String?, message: String?)
    /// CloudFront read a CloudFront signed URL or cookie and refused it: `InvalidKey` "Unknown Key",
    /// `MalformedPolicy`, `MalformedSignature`, or its lower-case `AccessDenied` "Access denied".
    case cloudFrontRefusedItsSignature(code: String?, message: String?)
    /// `AccessDenied` naming request headers the query signature does not cover.
    case unsignedHeaders([String])
    /// "Request has expired".
    case expired(expires: String?, serverTime: String?)
    /// "Request has expired", and the HTTP head says CloudFront's cache gave the answer
    /// (`X-Cache: Hit from cloudfront`, or an `Age` header).
    case expiredAnswerFromCache
    /// "Request is not yet valid", or `RequestTimeTooSkewed`.
    case notYetValid
    case clockSkewed
    /// A bare `AccessDenied`: no usable signature reached S3.
    case anonymousRequest
    /// The credential scope names another region than the bucket's.
    case wrongRegion(signed: String?, expected: String?)
    /// Some but not all SigV4 query parameters reached S3.
    case missingQueryParameters
    /// X-Amz-Expires outside 1…604800; the message is S3's.
    case expiresOutOfRange(message: String)
    /// S3 could not read the SigV4 query parameters for another reason.
    case malformedQueryParameters
    /// "Only one auth mechanism allowed": the query signature and an Authorization header.
    case authMechanismConflict(argumentName: String?)
    /// `AuthorizationHeaderMalformed`: an Authorization header, signed for the wrong region.
    case authorizationHeaderForWrongRegion
    /// `PermanentRedirect` / `TemporaryRedirect`: the bucket is in another region than the endpoint.
    case bucketInAnotherRegion(endpoint: String?)
    /// `NoSuchBucket`: S3 took the bucket name from the Host header.
    case noSuchBucket(bucket: String?)
    /// `NoSuchKey`: authentication accepted, the key does not exist.
    case noSuchKey(key: String?)
    case expiredSessionToken
    case invalidSessionToken
    /// `InvalidAccessKeyId`; `temporary` when the key ID starts with ASIA.
    case unknownAccessKey(temporary: Bool)
    /// The region accepts only AWS4-HMAC-SHA256.
    case sigV2Rejected
    /// `SignatureDoesNotMatch` over a legacy SigV2 string to sign.
    case sigV2SignatureMismatch(stringToSignHasCloudFrontID: Bool)
    /// `SignatureDoesNotMatch` over SigV4; the host line of S3's canonical request when it gave one.
    case signatureMismatch(canonicalHost: String?)
}
