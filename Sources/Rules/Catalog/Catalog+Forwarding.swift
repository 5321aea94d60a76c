extension Catalog {
    /// Policies, forwarding, caching and edge features: CFD107, CFD108, CFD2xx, CFD3xx, CFD4xx, CFD502–CFD504.
    static let forwardingRules: [Rule] = [
        .behaviorTargetsNonS3Origin,
        .failoverOriginMismatch,
        .originCustomHeaderXAmz,
        .cloudFrontSignsOriginRequests,
        .unsignedAccessViaCloudFront,
        .signatureParamsNotForwarded,
        .signatureNotInCacheKey,
        .trustedSignersEnabled,
        .edgeFunctionMayRewrite,
        .signedResponseOverrideDropped,
        .hostHeaderForwarded,
        .signedHeaderNotForwarded,
        .cachingDisabled,
        .urlNotCacheFriendly,
        .exposureOverBudget,
    ]
}
