/// Every rule, in ID order: the one registry. A new rule is its own file
/// (`Catalog/CFDnnn_UpperCamelName.swift`) and one line here; `RuleRegistryTests` checks that every
/// rule file is listed.
public enum Catalog {
    public static let all: [Rule] = [
        .originDomainMissingRegion,
        .originHostMismatch,
        .credentialRegionMismatch,
        .websiteEndpointOrigin,
        .originPathPrefix,
        .pathStyleOrigin,
        .behaviorTargetsNonS3Origin,
        .failoverOriginMismatch,
        .s3OriginAsCustomOrigin,
        .originCustomHeaderXAmz,
        .cloudFrontSignsOriginRequests,
        .unsignedAccessViaCloudFront,
        .queryStringNotForwarded,
        .signatureParamsNotForwarded,
        .signatureNotInCacheKey,
        .trustedSignersEnabled,
        .edgeFunctionMayRewrite,
        .signedResponseOverrideDropped,
        .policyUnresolved,
        .hostHeaderForwarded,
        .signedHeaderNotForwarded,
        .ttlExceedsSignatureLifetime,
        .cachingDisabled,
        .urlNotCacheFriendly,
        .exposureOverBudget,
        .urlExpired,
        .expiresOutOfRange,
        .missingSigV4Parameter,
        .credentialDateMismatch,
        .wrongServiceScope,
        .sigV2URL,
        .temporaryCredentials,
        .globalEndpointURL,
        .notYetValid,
        .signatureMismatch,
        .badPercentEncoding,
        .cloudFrontSignatureInvalid,
        .cloudFrontURLExpired,
        .cloudFrontPolicyMalformed,
        .cloudFrontResourceMismatch,
        .cloudFrontKeyNotTrusted,
        .signedURLNotRequired,
        .ipCondition,
    ]

    /// A rule by ID (any case) or kebab-case name.
    public static func rule(_ idOrName: String) -> Rule? {
        all.first { $0.id.rawValue.lowercased() == idOrName.lowercased() || $0.description.name == idOrName.lowercased() }
    }

    public static func rule(id: RuleID) -> Rule? {
        all.first { $0.id == id }
    }
}
