import IaCInputs

/// The template's `AWS::CloudFront::CachePolicy` / `OriginRequestPolicy` resources, which join the
/// policy catalog under their logical IDs (what `Ref` returns stands in for the generated ID), and
/// the `Metadata.cfdoctor.ignore` suppressions.
extension CloudFormationLoader {
    /// A template's policy is known by its logical ID and file, so two templates (two CDK stacks)
    /// may each have a `CachePolicy` without a conflict in the catalog.
    static func scopedID(_ resource: CloudFormationTemplate.Resource) -> String {
        "\(resource.logicalID) (\(resource.cursor.file))"
    }

    /// Points behaviors that reference one of the template's policies (by `Ref`/`Fn::GetAtt Id`,
    /// which resolve to the logical ID) at its scoped ID.
    static func linkingPolicies(_ distribution: Distribution, _ template: CloudFormationTemplate) -> Distribution {
        let local = Set(template.resources(ofType: "AWS::CloudFront::CachePolicy").map(\.logicalID)
            + template.resources(ofType: "AWS::CloudFront::OriginRequestPolicy").map(\.logicalID))
        func scoped(_ id: String) -> String {
            guard local.contains(id), let resource = template.resource(id) else { return id }
            return scopedID(resource)
        }
        var linked = distribution
        for index in linked.behaviors.indices {
            if case .policies(let cache, let request) = linked.behaviors[index].cacheSettings {
                linked.behaviors[index].cacheSettings = .policies(cachePolicyId: scoped(cache), originRequestPolicyId: request.map(scoped))
            }
        }
        return linked
    }

    static func cachePolicy(_ resource: CloudFormationTemplate.Resource, _ resolver: inout IntrinsicResolver,
                                    notes: inout [String]) -> CachePolicy? {
        guard let cursor = resource.properties?["CachePolicyConfig"] else { return nil }
        let config = resolver.resolve(cursor)
        let parameters = config["ParametersInCacheKeyAndForwardedToOrigin"]
        guard let queries = selection(parameters?["QueryStringsConfig"], "QueryStringBehavior", "QueryStrings"),
              let headers = selection(parameters?["HeadersConfig"], "HeaderBehavior", "Headers"),
              let cookies = selection(parameters?["CookiesConfig"], "CookieBehavior", "Cookies"),
              let minimum = ttl(config["MinTTL"], 0), let maximum = ttl(config["MaxTTL"], max(31_536_000, minimum)),
              let defaultTTL = ttl(config["DefaultTTL"], max(86_400, minimum))
        else {
            notes.append("\(resource.logicalID): the cache policy's settings are not known from the template; behaviors using it stay unjudged.")
            return nil
        }
        return CachePolicy(id: scopedID(resource), name: config["Name"]?.text ?? resource.logicalID,
                           ttl: TTLs(minimum: minimum, default: defaultTTL, maximum: maximum),
                           queryStrings: queries, headers: headers, cookies: cookies, isManaged: false, location: resource.cursor.location)
    }

    static func originRequestPolicy(_ resource: CloudFormationTemplate.Resource, _ resolver: inout IntrinsicResolver,
                                            notes: inout [String]) -> OriginRequestPolicy? {
        guard let cursor = resource.properties?["OriginRequestPolicyConfig"] else { return nil }
        let config = resolver.resolve(cursor)
        guard let queries = selection(config["QueryStringsConfig"], "QueryStringBehavior", "QueryStrings"),
              let headers = selection(config["HeadersConfig"], "HeaderBehavior", "Headers"),
              let cookies = selection(config["CookiesConfig"], "CookieBehavior", "Cookies")
        else {
            notes.append("\(resource.logicalID): the origin request policy's settings are not known from the template; "
                + "behaviors using it stay unjudged.")
            return nil
        }
        return OriginRequestPolicy(id: scopedID(resource), name: config["Name"]?.text ?? resource.logicalID,
                                   queryStrings: queries, headers: headers, cookies: cookies, isManaged: false,
                                   location: resource.cursor.location)
    }

    /// `{QueryStringBehavior, QueryStrings: [..]}`; nil when any part is unknown.
    static func selection(_ config: IaCValue?, _ behaviorKey: String, _ namesKey: String) -> Selection? {
        guard let config else { return .nothing }
        guard let behavior = config[behaviorKey]?.text ?? (config[behaviorKey] == nil ? "none" : nil) else { return nil }
        let names = config[namesKey]?.elements.map(\.text) ?? []
        guard !names.contains(nil) else { return nil }
        return Selection(behavior, names.compactMap { $0 })
    }

    static func ttl(_ value: IaCValue?, _ fallback: Int64) -> Int64? {
        guard let value else { return fallback }
        return value.int64
    }

    // MARK: - Suppressions

    /// `Metadata: { cfdoctor: { ignore: [CFD503, {id: CFD501, reason: "…"}] } }`.
    static func ignores(_ resource: CloudFormationTemplate.Resource) -> [InlineIgnore] {
        guard let list = resource.metadata?["cfdoctor"]?["ignore"] else { return [] }
        let entries = list.node.elements != nil ? list.elements : [list]
        return entries.compactMap { entry in
            if let id = entry.string {
                return InlineIgnore(rules: [id], resource: resource.logicalID, reason: nil, location: entry.location)
            }
            guard let id = entry["id"]?.string else { return nil }
            return InlineIgnore(rules: [id], resource: resource.logicalID, reason: entry["reason"]?.string, location: entry.location)
        }
    }
}
