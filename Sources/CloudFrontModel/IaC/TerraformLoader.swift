import IaCInputs

/// Reads `aws_cloudfront_distribution` resources of `terraform show -json` output (a plan or a
/// state) into the model, with the plan's cache and origin request policies. Values unknown until
/// apply are looked up in the plan's `configuration`: an origin `domain_name` that references
/// `aws_s3_bucket.x.bucket_domain_name` is the bucket's global host, `bucket_regional_domain_name`
/// its regional one (attributes of the hashicorp/aws provider's aws_s3_bucket).
enum TerraformLoader: InputShapeLoader {
    static let shapeName = "Terraform plan or state JSON (terraform show -json)"

    static func recognises(_ root: Cursor) -> Bool {
        TerraformDocument.recognises(root)
    }

    /// The resource types this loader reads values of.
    static let readTypes: Set<String> = [
        "aws_cloudfront_distribution", "aws_cloudfront_cache_policy", "aws_cloudfront_origin_request_policy", "aws_s3_bucket",
        "aws_cloudfront_origin_access_control", "aws_cloudfront_origin_access_identity",
    ]

    static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        try load(root, options: LoadOptions())
    }

    static func load(_ root: Cursor, options: LoadOptions) throws(InputError) -> LoadedInput {
        try load(root, options: options, changes: nil)
    }

    /// `changes`: the plan's `resource_changes`, taken from the reader as it went (nil: from the tree).
    static func load(_ root: Cursor, options: LoadOptions, changes: [TerraformPlanChange]?) throws(InputError) -> LoadedInput {
        guard let document = TerraformDocument(root: root, readTypes: readTypes, changes: changes) else {
            throw InputError(file: root.file, line: root.node.line, column: root.node.column, message: "not terraform show -json output")
        }
        var input = LoadedInput(shape: document.kind == .plan ? "terraform show -json (plan)" : "terraform show -json (state)")
        input.isInfrastructureCode = true
        for resource in document.resources(ofType: "aws_cloudfront_cache_policy") {
            if let policy = cachePolicy(resource) { input.cachePolicies.append(policy) }
        }
        for resource in document.resources(ofType: "aws_cloudfront_origin_request_policy") {
            if let policy = originRequestPolicy(resource) { input.originRequestPolicies.append(policy) }
        }
        for planned in document.resources(ofType: "aws_cloudfront_distribution") {
            // Its values once (a plan's may be read again from its bytes on each use), for this
            // distribution only: they go when it is read.
            var resource = planned
            resource.values = planned.values
            var reader = Reader(document: document, resource: resource, options: options)
            if let unknown = ["origin", "default_cache_behavior"].lazy.compactMap({ resource.values[$0]?.unknown }).first {
                input.notes.append("\(resource.address): its origins or default behavior are known only after apply, at "
                    + "\(unknown.location): not checked.")
                continue
            }
            input.distributions.append(reader.distribution())
            input.notes += reader.log.notes(for: resource.address)
            input.inlineIgnores += ignores(resource)
        }
        for deleted in document.deleted where deleted.type == "aws_cloudfront_distribution" {
            input.notes.append("\(deleted.address): this plan deletes the distribution (after: null), so it is not checked.")
        }
        if document.resources(ofType: "aws_cloudfront_distribution").isEmpty, document.deleted.isEmpty {
            let providers = Set(document.resources.map { $0.type.split(separator: "_").first.map(String.init) ?? $0.type })
            let others = providers.isEmpty ? "" : " (resource types from: \(providers.sorted().joined(separator: ", ")))"
            input.notes.append("\(root.file): no aws_cloudfront_distribution among the \(document.resources.count) resource(s)\(others): "
                + "nothing to check.")
        }
        return input
    }

    /// `tags = { "cfdoctor:ignore" = "CFD503,CFD501" }`.
    static func ignores(_ resource: TerraformDocument.Resource) -> [InlineIgnore] {
        guard let tag = resource.values["tags"]?["cfdoctor:ignore"], let text = tag.text else { return [] }
        let rules = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return rules.isEmpty ? [] : [InlineIgnore(rules: rules, resource: resource.address, reason: nil, location: tag.location)]
    }

    // MARK: - Distribution

    private struct Reader {
        let document: TerraformDocument
        let resource: TerraformDocument.Resource
        let options: LoadOptions
        var log = UnknownLog()

        mutating func distribution() -> Distribution {
            let values = resource.values
            let origins = values["origin"]?.elements.map { origin($0) } ?? []
            let groups = (values["origin_group"]?.elements ?? []).map { group in
                OriginGroup(id: group["origin_id"]?.text ?? "",
                            memberOriginIds: (group["member"]?.elements ?? []).compactMap { $0["origin_id"]?.text },
                            location: group.location)
            }
            var behaviors = (values["ordered_cache_behavior"]?.elements ?? []).map { item in
                behavior(item, pathPattern: item["path_pattern"]?.text ?? "(unknown path pattern)")
            }
            if let defaultBehavior = values["default_cache_behavior"]?.elements.first {
                behaviors.append(behavior(defaultBehavior, pathPattern: nil))
            }
            let aliases = (values["aliases"]?.elements ?? []).compactMap(\.text)
            let fields = FieldLocations<Distribution.Field> { field in
                switch field {
                case .origins: values["origin"]?.location
                case .originGroups: values["origin_group"]?.location
                case .defaultCacheBehavior: values["default_cache_behavior"]?.location
                case .cacheBehaviors: values["ordered_cache_behavior"]?.location
                case .aliases: values["aliases"]?.location
                case .comment: values["comment"]?.location
                case .enabled: values["enabled"]?.location
                }
            }
            return Distribution(id: values["id"]?.text, domainName: values["domain_name"]?.text, comment: values["comment"]?.text,
                                aliases: aliases, origins: origins, originGroups: groups, behaviors: behaviors,
                                location: resource.location, resource: resource.address, fields: fields,
                                // A website's signs (issue 8 §4): what scope inference reads from AWS CLI exports too.
                                defaultRootObject: values["default_root_object"]?.text.flatMap { $0.isEmpty ? nil : $0 },
                                errorPagePaths: (values["custom_error_response"]?.elements ?? [])
                                    .compactMap { $0["response_page_path"]?.text }.filter { !$0.isEmpty })
        }

        mutating func origin(_ item: IaCValue) -> Origin {
            let id = item["origin_id"]?.text ?? "(unknown)"
            var fields = FieldLocations<Origin.Field> { field in
                switch field {
                case .domainName: item["domain_name"]?.location
                case .originPath: item["origin_path"]?.location
                case .s3OriginConfig: item["s3_origin_config"]?.location
                case .s3OriginAccessIdentity: item["s3_origin_config"]?.elements.first?["origin_access_identity"]?.location
                case .customOriginConfig: item["custom_origin_config"]?.location
                case .originAccessControlId: item["origin_access_control_id"]?.location
                case .customHeaders: item["custom_header"]?.location
                }
            }
            let kind: Origin.Kind
            if let s3 = item["s3_origin_config"]?.elements.first {
                kind = .s3(originAccessIdentity: presentID(s3["origin_access_identity"], "origin '\(id)' origin_access_identity"))
            } else if let custom = item["custom_origin_config"]?.elements.first {
                kind = .custom(protocolPolicy: custom["origin_protocol_policy"]?.text)
            } else if item["vpc_origin_config"]?.elements.isEmpty == false {
                kind = .vpc
            } else {
                // Neither block: the AWS provider sends an empty S3OriginConfig (one of the two is
                // required by the API), as it does for OAC origins written without s3_origin_config.
                kind = .s3(originAccessIdentity: nil)
            }
            let headers = (item["custom_header"]?.elements ?? []).compactMap { header in
                header["name"]?.text.map { CustomHeader(name: $0, location: header["name"]!.location) }
            }
            let domain = domainName(item, originID: id)
            if item["domain_name"]?.unknown != nil, domain != nil {
                // Derived from the configuration: point at the expression that names the attribute.
                fields[.domainName] = domainExpression(originID: id)?.location ?? fields[.domainName]
            }
            return Origin(id: id, domainName: domain ?? "", originPath: item["origin_path"]?.text ?? "",
                          kind: kind, originAccessControlId: presentID(item["origin_access_control_id"], "origin '\(id)' origin_access_control_id"),
                          customHeaders: headers, location: item.location, fields: fields)
        }

        /// Known in the plan, or derived from the configuration's reference to a bucket attribute.
        mutating func domainName(_ item: IaCValue, originID: String) -> String? {
            guard let value = item["domain_name"] else { return nil }
            if let text = value.text { return text }
            let what = "origin '\(originID)' domain_name"
            switch document.reference(domainExpression(originID: originID), module: resource.moduleAddress) {
            case .attribute(let address, let attribute)?:
                let parts = address.split(separator: ".").map(String.init)
                guard parts.count >= 2, parts[parts.count - 2] == "aws_s3_bucket" else {
                    log.add("\(what): reads \(address).\(attribute), known after apply, at \(value.location)")
                    return nil
                }
                let bucket = document.resource(address)
                let name: String
                if let known = bucket?.values["bucket"]?.text {
                    name = known
                } else {
                    // Named at apply (bucket_prefix, a data source read later): the resource name
                    // stands in, so the host's form is judged, as for CloudFormation's generated names.
                    name = TerraformDocument.stripIndex(parts[parts.count - 1]).lowercased().replacingOccurrences(of: "_", with: "-")
                    log.standIn("the name of bucket \(address) is known after apply; '\(name)' stands in for it in \(what) "
                        + "(at \(value.location)), so the host's form (global or regional) is judged, not the bucket name")
                }
                switch attribute {
                case "bucket_domain_name":
                    return "\(name).s3.amazonaws.com"
                case "bucket_regional_domain_name":
                    guard let region = bucket?.values["region"]?.text ?? region() else {
                        log.add("\(what): \(address).bucket_regional_domain_name names the bucket's region, which the plan does not "
                            + "give (pass --region), at \(value.location)")
                        return nil
                    }
                    return "\(name).s3.\(region).\(region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com")"
                default:
                    log.add("\(what): reads \(address).\(attribute), known after apply, at \(value.location)")
                    return nil
                }
            case .resource(let address)?:
                log.add("\(what): known after apply; this plan (Terraform \(document.terraformVersion ?? "?")) records only "
                    + "that it reads \(address), not which attribute (bucket_domain_name or bucket_regional_domain_name), "
                    + "at \(value.location)")
                return nil
            case nil:
                log.add("\(what): known after apply, at \(value.location)")
                return nil
            }
        }

        func domainExpression(originID: String) -> Cursor? {
            TerraformDocument.expression(resource.configuration, block: "origin", key: "origin_id", value: originID, attribute: "domain_name")
        }

        func region() -> String? {
            document.providerRegion(for: resource).region ?? options.region
        }

        mutating func presentID(_ value: IaCValue?, _ what: String) -> String? {
            guard let value else { return nil }
            if let unknown = value.unknown {
                log.add("\(what): \(unknown.reason), at \(unknown.location) (taken as set)")
                return "(known after apply)"
            }
            return DistributionReader.nonEmpty(value.text)
        }

        mutating func behavior(_ item: IaCValue, pathPattern: String?) -> Behavior {
            let name = pathPattern ?? "default"
            let forwarded = item["forwarded_values"]?.elements.first
            let fields = FieldLocations<Behavior.Field> { field in
                switch field {
                case .pathPattern: item["path_pattern"]?.location
                case .targetOriginId: item["target_origin_id"]?.location
                case .cachePolicyId: item["cache_policy_id"]?.location
                case .originRequestPolicyId: item["origin_request_policy_id"]?.location
                case .forwardedValues: item["forwarded_values"]?.location
                case .forwardedValuesQueryString: forwarded?["query_string"]?.location
                case .forwardedValuesQueryStringCacheKeys: forwarded?["query_string_cache_keys"]?.location
                case .forwardedValuesHeaders: forwarded?["headers"]?.location
                case .minTTL: item["min_ttl"]?.location
                case .defaultTTL: item["default_ttl"]?.location
                case .maxTTL: item["max_ttl"]?.location
                case .trustedSigners: item["trusted_signers"]?.location
                case .trustedKeyGroups: item["trusted_key_groups"]?.location
                case .functionAssociations: item["function_association"]?.location
                case .lambdaFunctionAssociations: item["lambda_function_association"]?.location
                }
            }

            let settings: CacheSettings
            let cachePolicy = policyID(item["cache_policy_id"], block: pathPattern == nil ? "default_cache_behavior" : "ordered_cache_behavior",
                                       pathPattern: pathPattern, attribute: "cache_policy_id", what: "behavior \(name) cache_policy_id")
            if let cachePolicy {
                let request = policyID(item["origin_request_policy_id"], block: pathPattern == nil ? "default_cache_behavior" : "ordered_cache_behavior",
                                       pathPattern: pathPattern, attribute: "origin_request_policy_id",
                                       what: "behavior \(name) origin_request_policy_id")
                settings = .policies(cachePolicyId: cachePolicy, originRequestPolicyId: request)
            } else if let forwarded {
                let ttl = [item["min_ttl"], item["default_ttl"], item["max_ttl"]].map { $0?.int64 }
                if let query = forwarded["query_string"]?.bool, let minimum = ttl[0], let defaultTTL = ttl[1], let maximum = ttl[2] {
                    settings = .legacy(ForwardedValues(queryString: query,
                                                       queryStringCacheKeys: (forwarded["query_string_cache_keys"]?.elements ?? []).compactMap(\.text),
                                                       headers: (forwarded["headers"]?.elements ?? []).compactMap(\.text)),
                                       ttl: TTLs(minimum: minimum, default: defaultTTL, maximum: maximum))
                } else {
                    log.add("behavior \(name): forwarded_values or TTLs are known after apply, at \(item.location)")
                    settings = .missing
                }
            } else {
                settings = .missing
            }
            var functions = [EdgeFunction]()
            for function in item["function_association"]?.elements ?? [] {
                functions.append(EdgeFunction(runtime: .cloudFrontFunction, eventType: function["event_type"]?.text ?? "",
                                              arn: function["function_arn"]?.text ?? "", location: function.location))
            }
            for function in item["lambda_function_association"]?.elements ?? [] {
                functions.append(EdgeFunction(runtime: .lambdaAtEdge, eventType: function["event_type"]?.text ?? "",
                                              arn: function["lambda_arn"]?.text ?? "", location: function.location))
            }
            let signers = TrustedSigners(signersEnabled: !(item["trusted_signers"]?.elements.isEmpty ?? true),
                                         keyGroupsEnabled: !(item["trusted_key_groups"]?.elements.isEmpty ?? true))
            return Behavior(pathPattern: pathPattern, targetOriginId: item["target_origin_id"]?.text ?? "(unknown)",
                            cacheSettings: settings, trustedSigners: signers, functions: functions,
                            location: item.location, fields: fields)
        }

        /// A policy ID: known, or the address of the plan's policy resource the configuration
        /// references (its ID is known after apply), or unknown. nil when unset ("").
        mutating func policyID(_ value: IaCValue?, block: String, pathPattern: String?, attribute: String, what: String) -> String? {
            guard let value else { return nil }
            if let text = value.text { return DistributionReader.nonEmpty(text) }
            guard value.unknown != nil else { return nil }
            let expression = TerraformDocument.expression(resource.configuration, block: block, key: "path_pattern",
                                                          value: pathPattern, attribute: attribute)
            if case .attribute(let address, "id")? = document.reference(expression, module: resource.moduleAddress),
               let policy = document.resource(address),
               ["aws_cloudfront_cache_policy", "aws_cloudfront_origin_request_policy"].contains(policy.type) {
                return policy.values["id"]?.text ?? TerraformLoader.scopedAddress(policy)
            }
            log.add("\(what): known after apply, at \(value.location)")
            return "(known after apply)"
        }
    }
}
