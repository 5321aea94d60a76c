/// Every rule, in ID order. A new rule adds its file and one line here.
public enum Catalog {
    public static let all: [Rule] = [
        .originDomainMissingRegion,
        .s3OriginAsCustomOrigin,
        .queryStringNotForwarded,
        .ttlExceedsSignatureLifetime,
    ]

    public static func rule(_ idOrName: String) -> Rule? {
        all.first { $0.id.caseInsensitiveEquals(idOrName) || $0.description.name == idOrName.lowercased() }
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
