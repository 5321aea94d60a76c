/// Every rule, in ID order. Each group of rules keeps its own list (Catalog+….swift), so adding a
/// rule touches its own file and one line of its group's list.
public enum Catalog {
    public static let all: [Rule] = (coreRules + urlRules + forwardingRules + cloudFrontSigningRules).sorted { $0.id < $1.id }

    /// The article's four failures (issue #2).
    static let coreRules: [Rule] = [
        .originDomainMissingRegion,
        .s3OriginAsCustomOrigin,
        .queryStringNotForwarded,
        .ttlExceedsSignatureLifetime,
        .signatureMismatch,
    ]

    public static func rule(_ idOrName: String) -> Rule? {
        all.first { $0.id.lowercased() == idOrName.lowercased() || $0.description.name == idOrName.lowercased() }
    }
}
