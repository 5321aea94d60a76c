import IaCInputs

/// `aws_cloudfront_cache_policy` and `aws_cloudfront_origin_request_policy`: in the catalog under
/// their ID, or their address while the ID is known only after apply.
extension TerraformLoader {
    /// While the ID is known only after apply, the policy is known by its address and file, so two
    /// plans with the same address do not conflict in the catalog.
    static func scopedAddress(_ resource: TerraformDocument.Resource) -> String {
        "\(resource.address) (\(resource.location.file))"
    }

    static func cachePolicy(_ resource: TerraformDocument.Resource) -> CachePolicy? {
        let values = resource.values
        let parameters = values["parameters_in_cache_key_and_forwarded_to_origin"]?.elements.first
        let minimum = values["min_ttl"]?.int64 ?? 0
        // Unknown settings: the policy stays out of the catalog, so behaviors using it are noted as unresolved.
        guard let queries = selection(parameters?["query_strings_config"], "query_string_behavior", "query_strings"),
              let headers = selection(parameters?["headers_config"], "header_behavior", "headers"),
              let cookies = selection(parameters?["cookies_config"], "cookie_behavior", "cookies"),
              let defaultTTL = values["default_ttl"]?.int64, let maximum = values["max_ttl"]?.int64
        else { return nil }
        return CachePolicy(id: values["id"]?.text ?? scopedAddress(resource), name: values["name"]?.text ?? resource.address,
                           ttl: TTLs(minimum: minimum, default: defaultTTL, maximum: maximum), queryStrings: queries,
                           headers: headers, cookies: cookies, isManaged: false, location: resource.location)
    }

    static func originRequestPolicy(_ resource: TerraformDocument.Resource) -> OriginRequestPolicy? {
        let values = resource.values
        guard let queries = selection(values["query_strings_config"], "query_string_behavior", "query_strings"),
              let headers = selection(values["headers_config"], "header_behavior", "headers"),
              let cookies = selection(values["cookies_config"], "cookie_behavior", "cookies")
        else { return nil }
        return OriginRequestPolicy(id: values["id"]?.text ?? scopedAddress(resource), name: values["name"]?.text ?? resource.address,
                                   queryStrings: queries, headers: headers, cookies: cookies, isManaged: false,
                                   location: resource.location)
    }

    /// `[{query_string_behavior, query_strings: [{items: [..]}]}]`; nil when unknown.
    static func selection(_ block: IaCValue?, _ behaviorKey: String, _ namesKey: String) -> Selection? {
        guard let config = block?.elements.first else { return block == nil ? .nothing : nil }
        guard let behavior = config[behaviorKey]?.text else { return nil }
        let names = (config[namesKey]?.elements.first?["items"]?.elements ?? []).compactMap(\.text)
        return Selection(behavior, names)
    }
}
