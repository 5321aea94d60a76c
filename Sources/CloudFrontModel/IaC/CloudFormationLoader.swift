import IaCInputs

/// Reads `AWS::CloudFront::Distribution` resources of a CloudFormation template (JSON or YAML,
/// short or long intrinsic forms, CDK `cdk synth` output) into the model, with the template's
/// cache and origin request policies. Property names are the CloudFront API's, so fields locate
/// at the template's own nodes (AWS::CloudFront::Distribution DistributionConfig reference:
/// docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-distributionconfig.html).
enum CloudFormationLoader: InputShapeLoader {
    static let shapeName = "CloudFormation template (JSON/YAML, CDK synth output)"

    static func recognises(_ root: Cursor) -> Bool {
        CloudFormationTemplate.recognises(root)
    }

    static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        try load(root, options: LoadOptions())
    }

    static func load(_ root: Cursor, options: LoadOptions) throws(InputError) -> LoadedInput {
        guard let template = CloudFormationTemplate(root: root) else {
            throw InputError(file: root.file, line: root.node.line, column: root.node.column, message: "not a CloudFormation template")
        }
        let isCDK = template.parameters["BootstrapVersion"] != nil
            || template.resources.contains { $0.metadata?["aws:cdk:path"] != nil }
        var input = LoadedInput(shape: isCDK ? "CDK synth output (CloudFormation)" : "CloudFormation template")
        input.isInfrastructureCode = true
        var resolver = IntrinsicResolver(template: template, region: options.region, parameterValues: options.parameters)
        let buckets = Set(template.resources(ofType: "AWS::S3::Bucket").map(\.logicalID))
        for resource in template.resources(ofType: "AWS::CloudFront::CachePolicy") {
            if let policy = cachePolicy(resource, &resolver, notes: &input.notes) { input.cachePolicies.append(policy) }
        }
        for resource in template.resources(ofType: "AWS::CloudFront::OriginRequestPolicy") {
            if let policy = originRequestPolicy(resource, &resolver, notes: &input.notes) { input.originRequestPolicies.append(policy) }
        }
        for resource in template.resources(ofType: "AWS::CloudFront::Distribution") {
            var log = UnknownLog()
            // A resource with a `Condition` exists only when the condition holds.
            if let condition = resource.cursor["Condition"]?.string {
                switch resolver.condition(named: condition) {
                case false?:
                    input.notes.append("\(resource.logicalID): not created: its Condition \(condition) is false with the "
                        + "template's parameter defaults.")
                    continue
                case nil:
                    log.add("whether it is created at all: Condition \(condition) depends on values known only at deploy, "
                        + "at \(resource.cursor["Condition"]!.location) (checked as if created)")
                case true?:
                    break
                }
            }
            guard let distribution = distribution(resource, &resolver, log: &log) else {
                input.notes += log.notes(for: resource.logicalID)
                continue
            }
            input.distributions.append(linkingPolicies(distribution, template))
            input.notes += log.notes(for: resource.logicalID, placeholdersAmong: buckets)
            input.inlineIgnores += ignores(resource)
        }
        if input.distributions.isEmpty, input.notes.isEmpty {
            input.notes.append("\(root.file): no AWS::CloudFront::Distribution among the template's \(template.resources.count) "
                + "resource(s): nothing to check.")
        }
        if resolver.exhaustedBudget {
            input.notes.append("\(root.file): some intrinsic functions were not evaluated: the template needs more work than its size allows.")
        }
        return input
    }

    // MARK: - Distribution

    static func distribution(_ resource: CloudFormationTemplate.Resource, _ resolver: inout IntrinsicResolver,
                                     log: inout UnknownLog) -> Distribution? {
        guard let configCursor = resource.properties?["DistributionConfig"] else {
            log.add("the resource has no Properties.DistributionConfig")
            return nil
        }
        let config = resolver.resolve(configCursor)
        if let unknown = config.unknown {
            log.add("DistributionConfig: \(unknown.reason), at \(unknown.location)")
            return nil
        }
        // Without its origins no behavior can be judged (and a missing origin would read as a
        // config CloudFront refuses): the distribution is not checked, the note says why.
        for key in ["Origins", "DefaultCacheBehavior"] {
            if let unknown = config[key]?.unknown {
                log.add("\(key): \(unknown.reason), at \(unknown.location) (the distribution is not checked)")
                return nil
            }
        }
        var origins = [Origin]()
        for (index, item) in elements(config["Origins"], "Origins", log: &log) {
            origins.append(origin(item, index: index, log: &log))
        }
        let groups = (config["OriginGroups"]?["Items"]?.elements ?? []).map { group in
            OriginGroup(id: log.text(group["Id"], "origin group Id") ?? "",
                        memberOriginIds: (group["Members"]?["Items"]?.elements ?? []).compactMap { log.text($0["OriginId"], "origin group member") },
                        location: group.location)
        }
        var behaviors = [Behavior]()
        for (index, item) in elements(config["CacheBehaviors"], "CacheBehaviors", log: &log) {
            let pattern = log.text(item["PathPattern"], "CacheBehaviors[\(index)].PathPattern") ?? "(unknown path pattern)"
            behaviors.append(behavior(item, pathPattern: pattern, log: &log))
        }
        if let defaultBehavior = config["DefaultCacheBehavior"] {
            behaviors.append(behavior(defaultBehavior, pathPattern: nil, log: &log))
        } else {
            log.add("DistributionConfig has no DefaultCacheBehavior")
        }
        let aliases = elements(config["Aliases"], "Aliases", log: &log).compactMap { log.text($0.1, "Aliases") }
        return Distribution(id: nil, domainName: nil, comment: config["Comment"]?.text, aliases: aliases, origins: origins,
                            originGroups: groups, behaviors: behaviors, location: resource.cursor.location,
                            resource: resource.logicalID, fields: FieldLocations { config[path: $0]?.location },
                            // A website's signs (issue 8 §4): what scope inference reads from AWS CLI exports too.
                            defaultRootObject: config["DefaultRootObject"]?.text.flatMap { $0.isEmpty ? nil : $0 },
                            errorPagePaths: (config["CustomErrorResponses"]?.elements ?? [])
                                .compactMap { $0["ResponsePagePath"]?.text }.filter { !$0.isEmpty })
    }

    static func elements(_ value: IaCValue?, _ what: String, log: inout UnknownLog) -> [(Int, IaCValue)] {
        guard let value else { return [] }
        if let unknown = value.unknown {
            log.add("\(what): \(unknown.reason), at \(unknown.location)")
            return []
        }
        return Array(value.elements.enumerated())
    }

    static func origin(_ item: IaCValue, index: Int, log: inout UnknownLog) -> Origin {
        let id = log.text(item["Id"], "Origins[\(index)].Id") ?? "origin \(index)"
        let domain = log.text(item["DomainName"], "origin '\(id)' DomainName") ?? ""
        // CloudFormation spells the API's CustomHeaders `OriginCustomHeaders` (a plain list).
        let fields = FieldLocations<Origin.Field> { field in
            field == .customHeaders ? item["OriginCustomHeaders"]?.location : item[path: field]?.location
        }
        let kind: Origin.Kind
        if let s3 = item["S3OriginConfig"] {
            kind = .s3(originAccessIdentity: presentID(s3["OriginAccessIdentity"], "origin '\(id)' OriginAccessIdentity", log: &log))
        } else if let custom = item["CustomOriginConfig"] {
            kind = .custom(protocolPolicy: log.text(custom["OriginProtocolPolicy"], "origin '\(id)' OriginProtocolPolicy"))
        } else if item["VpcOriginConfig"] != nil {
            kind = .vpc
        } else {
            kind = .unknown
        }
        let headers = (item["OriginCustomHeaders"]?.elements ?? []).compactMap { header in
            log.text(header["HeaderName"], "origin '\(id)' custom header").map { CustomHeader(name: $0, location: header["HeaderName"]!.location) }
        }
        return Origin(id: id, domainName: domain, originPath: log.text(item["OriginPath"], "origin '\(id)' OriginPath") ?? "",
                      kind: kind, originAccessControlId: presentID(item["OriginAccessControlId"], "origin '\(id)' OriginAccessControlId", log: &log),
                      customHeaders: headers, location: item.location, fields: fields)
    }

    /// An OAC or OAI ID: empty means none. An expression that cannot be evaluated is taken as set
    /// (templates write "" for none), so the origin counts as readable by CloudFront and the
    /// presigned-URL rules stay silent about it instead of guessing.
    static func presentID(_ value: IaCValue?, _ what: String, log: inout UnknownLog) -> String? {
        guard let value else { return nil }
        if let unknown = value.unknown {
            log.add("\(what): \(unknown.reason), at \(unknown.location) (taken as set)")
            return "(unknown)"
        }
        return DistributionReader.nonEmpty(log.text(value, what))
    }

    static func behavior(_ item: IaCValue, pathPattern: String?, log: inout UnknownLog) -> Behavior {
        let name = pathPattern ?? "default"
        let target = log.text(item["TargetOriginId"], "behavior \(name) TargetOriginId") ?? "(unknown)"
        let fields = FieldLocations<Behavior.Field> { item[path: $0]?.location }
        let forwarded = item["ForwardedValues"]

        let settings: CacheSettings
        if let cachePolicy = item["CachePolicyId"] {
            let id = log.text(cachePolicy, "behavior \(name) CachePolicyId")
            let request = item["OriginRequestPolicyId"].flatMap { log.text($0, "behavior \(name) OriginRequestPolicyId") ?? "(unknown)" }
            settings = .policies(cachePolicyId: id ?? "(unknown)", originRequestPolicyId: DistributionReader.nonEmpty(request))
        } else if let forwarded {
            // Unknown QueryString or TTLs: no guess at the legacy defaults, the rules stay silent.
            let defaults = TTLs()
            let queryKnown = forwarded["QueryString"].map { log.text($0, "behavior \(name) ForwardedValues.QueryString") != nil } ?? true
            var ttl = [Int64]()
            for (key, fallback) in [("MinTTL", defaults.minimum), ("DefaultTTL", defaults.default), ("MaxTTL", defaults.maximum)] {
                guard let value = item[key] else {
                    ttl.append(fallback)
                    continue
                }
                if log.text(value, "behavior \(name) \(key)") != nil, let seconds = value.int64 { ttl.append(seconds) }
            }
            if queryKnown, ttl.count == 3 {
                settings = .legacy(ForwardedValues(queryString: forwarded["QueryString"]?.bool ?? false,
                                                   queryStringCacheKeys: strings(forwarded["QueryStringCacheKeys"], log: &log),
                                                   headers: strings(forwarded["Headers"], log: &log)),
                                   ttl: TTLs(minimum: ttl[0], default: ttl[1], maximum: ttl[2]))
            } else {
                settings = .missing
            }
        } else {
            settings = .missing
        }
        var functions = [EdgeFunction]()
        for function in item["FunctionAssociations"]?.elements ?? [] {
            functions.append(EdgeFunction(runtime: .cloudFrontFunction, eventType: function["EventType"]?.text ?? "",
                                          arn: function["FunctionARN"]?.text ?? "", location: function.location))
        }
        for function in item["LambdaFunctionAssociations"]?.elements ?? [] {
            functions.append(EdgeFunction(runtime: .lambdaAtEdge, eventType: function["EventType"]?.text ?? "",
                                          arn: function["LambdaFunctionARN"]?.text ?? "", location: function.location))
        }
        // In CloudFormation both are lists of IDs; a non-empty list turns signed URLs on.
        let signers = TrustedSigners(signersEnabled: !(item["TrustedSigners"]?.elements.isEmpty ?? true),
                                     keyGroupsEnabled: !(item["TrustedKeyGroups"]?.elements.isEmpty ?? true))
        return Behavior(pathPattern: pathPattern, targetOriginId: target, cacheSettings: settings, trustedSigners: signers,
                        functions: functions, location: item.location, fields: fields)
    }

    static func strings(_ value: IaCValue?, log: inout UnknownLog) -> [String] {
        (value?.elements ?? []).compactMap { log.text($0, "list entry") }
    }
}
