extension Catalog {
    /// Host forms and the URL itself: CFD102–CFD106, CFD601–CFD611.
    static let urlRules: [Rule] = [
        .originHostMismatch,
        .credentialRegionMismatch,
        .websiteEndpointOrigin,
        .originPathPrefix,
        .pathStyleOrigin,
        .urlExpired,
        .expiresOutOfRange,
        .missingSigV4Parameter,
        .credentialDateMismatch,
        .wrongServiceScope,
        .sigV2URL,
        .temporaryCredentials,
        .globalEndpointURL,
        .notYetValid,
        .badPercentEncoding,
    ]
}
