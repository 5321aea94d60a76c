/// The members of an example's origin after `Id` and `DomainName`.
struct ExampleOrigin: Sendable {
    var members: String

    /// An S3 REST origin without an origin access identity.
    static let s3 = ExampleOrigin(members: #""S3OriginConfig": {"OriginAccessIdentity": ""}"#)

    /// An S3 origin with more members after `S3OriginConfig` (`"OriginAccessControlId": "E2…"`).
    static func s3(then more: String) -> ExampleOrigin {
        ExampleOrigin(members: s3.members + ", " + more)
    }

    /// A custom origin on the standard ports.
    static func custom(protocolPolicy: String) -> ExampleOrigin {
        ExampleOrigin(members: #""CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": ""#
            + protocolPolicy + #""}"#)
    }

    /// Members written out, for origins that fit neither form.
    static func members(_ text: String) -> ExampleOrigin {
        ExampleOrigin(members: text)
    }
}

extension String {
    /// The DistributionConfig most rule examples need — one origin and the default behavior that
    /// targets it — written the way `cfdoctor rules ID` prints it: minimal JSON, one line for the
    /// origin's identity, one for its other members, one per `behavior` line. `markedDomain` puts
    /// the `↓` marker before the domain; other markers go inside `origin` or `behavior`.
    static func oneOrigin(id: String = "s3", _ domain: String, origin: ExampleOrigin = .s3,
                          behavior: String...) -> String {
        oneOrigin(id: id, domain: #""\#(domain)""#, origin: origin, behavior: behavior)
    }

    static func oneOrigin(id: String = "s3", markedDomain domain: String, origin: ExampleOrigin = .s3,
                          behavior: String...) -> String {
        oneOrigin(id: id, domain: #"\#(RuleExample.marker)"\#(domain)""#, origin: origin, behavior: behavior)
    }

    private static func oneOrigin(id: String, domain: String, origin: ExampleOrigin, behavior: [String]) -> String {
        #"""
        {"Origins": {"Quantity": 1, "Items": [{"Id": "\#(id)", "DomainName": \#(domain),
          \#(origin.members)}]},
         "DefaultCacheBehavior": {"TargetOriginId": "\#(id)", \#(behavior.joined(separator: ",\n   "))}}
        """#
    }
}
