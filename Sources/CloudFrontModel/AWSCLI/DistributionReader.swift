/// Reads the DistributionConfig JSON the AWS CLI prints for CloudFront (botocore's cloudfront
/// 2020-05-31 model is the reference for every key and `{Quantity, Items}` wrapper; see
/// fixtures/README.md). The shape loaders (`GetDistributionConfigLoader`, …) share it.
enum DistributionReader {
    static func missing(_ field: String, in cursor: Cursor) -> InputError {
        InputError(file: cursor.file, line: cursor.node.line, column: cursor.node.column,
                   message: "\(cursor.pointer.isEmpty ? "document" : cursor.pointer) has no \(field)")
    }

    static func invalid(_ cursor: Cursor, _ message: String) -> InputError {
        InputError(file: cursor.file, line: cursor.node.line, column: cursor.node.column, message: message)
    }

    /// `{Quantity, Items}`: CloudFront omits `Items` when `Quantity` is 0.
    static func items(_ wrapper: Cursor?) -> [Cursor] {
        wrapper?["Items"]?.elements ?? []
    }

    static func strings(_ wrapper: Cursor?) -> [String] {
        items(wrapper).compactMap(\.string)
    }

    static func distribution(config: Cursor, summary: Cursor?) throws(InputError) -> Distribution {
        guard let originsWrapper = config["Origins"] else { throw missing("Origins", in: config) }
        guard config["DefaultCacheBehavior"] != nil else { throw missing("DefaultCacheBehavior", in: config) }
        let origins = try items(originsWrapper).map { (item) throws(InputError) in try origin(item) }
        let groups = items(config["OriginGroups"]).map { group in
            OriginGroup(id: group["Id"]?.string ?? "",
                        memberOriginIds: items(group["Members"]).compactMap { $0["OriginId"]?.string },
                        location: group.location)
        }
        let behaviorItems = items(config["CacheBehaviors"])
        var behaviors = [Behavior]()
        behaviors.reserveCapacity(behaviorItems.count + 1)
        for item in behaviorItems {
            guard let pattern = item["PathPattern"]?.string else { throw missing("PathPattern", in: item) }
            behaviors.append(try behavior(item, pathPattern: pattern, origins: origins))
        }
        if let defaultBehavior = config["DefaultCacheBehavior"] {
            behaviors.append(try behavior(defaultBehavior, pathPattern: nil, origins: origins))
        }
        return Distribution(
            id: summary?["Id"]?.string, domainName: summary?["DomainName"]?.string,
            comment: config["Comment"]?.string, aliases: strings(config["Aliases"]),
            origins: origins, originGroups: groups, behaviors: behaviors,
            location: (summary ?? config).location,
            fields: FieldLocations { config[path: $0]?.location },
            defaultRootObject: nonEmpty(config["DefaultRootObject"]?.string),
            errorPagePaths: items(config["CustomErrorResponses"]).compactMap { nonEmpty($0["ResponsePagePath"]?.string) })
    }

    private static func origin(_ item: Cursor) throws(InputError) -> Origin {
        guard let id = item["Id"]?.string else { throw missing("Id", in: item) }
        guard let domain = item["DomainName"]?.string else { throw missing("DomainName", in: item) }
        // The JSON keys are the API member names.
        let fields = FieldLocations<Origin.Field> { item[path: $0]?.location }
        let kind: Origin.Kind
        if let s3 = item["S3OriginConfig"] {
            kind = .s3(originAccessIdentity: nonEmpty(s3["OriginAccessIdentity"]?.string))
        } else if let custom = item["CustomOriginConfig"] {
            kind = .custom(protocolPolicy: custom["OriginProtocolPolicy"]?.string)
        } else if item["VpcOriginConfig"] != nil {
            kind = .vpc
        } else {
            kind = .unknown
        }
        let headers = items(item["CustomHeaders"]).compactMap { header in
            header["HeaderName"]?.string.map { CustomHeader(name: $0, location: header["HeaderName"]!.location) }
        }
        return Origin(id: id, domainName: domain, originPath: item["OriginPath"]?.string ?? "", kind: kind,
                      originAccessControlId: nonEmpty(item["OriginAccessControlId"]?.string),
                      customHeaders: headers, location: item.location, fields: fields)
    }

    /// `origins`: the distribution's, whose ID strings the behaviors' targets share.
    private static func behavior(_ item: Cursor, pathPattern: String?, origins: [Origin]) throws(InputError) -> Behavior {
        guard let written = item["TargetOriginId"]?.string else { throw missing("TargetOriginId", in: item) }
        // The same text as an origin's ID (as it should be): keep one copy, not one per behavior.
        let target = origins.first(where: { $0.id == written })?.id ?? written
        let fields = FieldLocations<Behavior.Field> { item[path: $0]?.location }
        let forwarded = item["ForwardedValues"]

        let settings: CacheSettings
        if let cachePolicy = nonEmpty(item["CachePolicyId"]?.string) {
            settings = .policies(cachePolicyId: ManagedPolicies.sharedID(cachePolicy),
                                 originRequestPolicyId: nonEmpty(item["OriginRequestPolicyId"]?.string).map(ManagedPolicies.sharedID))
        } else if let forwarded {
            let defaults = TTLs()
            let ttl = TTLs(minimum: item["MinTTL"]?.int64 ?? defaults.minimum,
                           default: item["DefaultTTL"]?.int64 ?? defaults.default,
                           maximum: item["MaxTTL"]?.int64 ?? defaults.maximum)
            settings = .legacy(ForwardedValues(queryString: forwarded["QueryString"]?.bool ?? false,
                                               queryStringCacheKeys: strings(forwarded["QueryStringCacheKeys"]),
                                               headers: strings(forwarded["Headers"])),
                               ttl: ttl)
        } else {
            settings = .missing
        }
        var functions = [EdgeFunction]()
        for function in items(item["FunctionAssociations"]) {
            functions.append(EdgeFunction(runtime: .cloudFrontFunction, eventType: function["EventType"]?.string ?? "",
                                          arn: function["FunctionARN"]?.string ?? "", location: function.location))
        }
        for function in items(item["LambdaFunctionAssociations"]) {
            functions.append(EdgeFunction(runtime: .lambdaAtEdge, eventType: function["EventType"]?.string ?? "",
                                          arn: function["LambdaFunctionARN"]?.string ?? "", location: function.location))
        }
        var signers = TrustedSigners(signersEnabled: item["TrustedSigners"]?["Enabled"]?.bool ?? false,
                                     keyGroupsEnabled: item["TrustedKeyGroups"]?["Enabled"]?.bool ?? false)
        signers.keyGroupIDs = item["TrustedKeyGroups"]?["Items"]?.elements.compactMap(\.string) ?? []
        return Behavior(pathPattern: pathPattern, targetOriginId: target, cacheSettings: settings,
                        trustedSigners: signers, functions: functions, location: item.location, fields: fields)
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
