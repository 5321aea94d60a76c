extension Catalog {
    /// CloudFront's own signed URLs and cookies: CFD701–CFD707.
    static let cloudFrontSigningRules: [Rule] = [
        .cloudFrontSignatureInvalid,
        .cloudFrontURLExpired,
        .cloudFrontPolicyMalformed,
        .cloudFrontResourceMismatch,
        .cloudFrontKeyNotTrusted,
        .signedURLNotRequired,
        .ipCondition,
    ]
}
