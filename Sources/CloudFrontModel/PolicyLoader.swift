/// Reads `aws cloudfront get-cache-policy`, `get-origin-request-policy`, `list-cache-policies` and
/// `list-origin-request-policies` output (shapes: fixtures/README.md, botocore cloudfront model).
enum PolicyLoader {
    static func load(_ root: Cursor) throws(InputError) -> LoadedInput? {
        if let policy = root["CachePolicy"] {
            var input = LoadedInput(shape: "aws cloudfront get-cache-policy")
            input.cachePolicies = [try cachePolicy(policy)]
            return input
        }
        if let policy = root["OriginRequestPolicy"] {
            var input = LoadedInput(shape: "aws cloudfront get-origin-request-policy")
            input.originRequestPolicies = [try originRequestPolicy(policy)]
            return input
        }
        if let list = root["CachePolicyList"] {
            var input = LoadedInput(shape: "aws cloudfront list-cache-policies")
            for item in AWSCLILoader.items(list) {
                guard let policy = item["CachePolicy"] else { throw AWSCLILoader.missing("CachePolicy", in: item) }
                input.cachePolicies.append(try cachePolicy(policy, managed: item["Type"]?.string == "managed"))
            }
            return input
        }
        if let list = root["OriginRequestPolicyList"] {
            var input = LoadedInput(shape: "aws cloudfront list-origin-request-policies")
            for item in AWSCLILoader.items(list) {
                guard let policy = item["OriginRequestPolicy"] else { throw AWSCLILoader.missing("OriginRequestPolicy", in: item) }
                input.originRequestPolicies.append(try originRequestPolicy(policy, managed: item["Type"]?.string == "managed"))
            }
            return input
        }
        return nil
    }

    static func selection(_ config: Cursor?, behaviorKey: String, namesKey: String) -> Selection {
        Selection(config?[behaviorKey]?.string ?? "none", AWSCLILoader.strings(config?[namesKey]))
    }

    private static func cachePolicy(_ policy: Cursor, managed: Bool = false) throws(InputError) -> CachePolicy {
        guard let id = policy["Id"]?.string else { throw AWSCLILoader.missing("Id", in: policy) }
        guard let config = policy["CachePolicyConfig"] else { throw AWSCLILoader.missing("CachePolicyConfig", in: policy) }
        let parameters = config["ParametersInCacheKeyAndForwardedToOrigin"]
        let minimum = config["MinTTL"]?.int64 ?? 0
        // CachePolicyConfig defaults: DefaultTTL 86400 and MaxTTL 31536000 unless MinTTL is higher (API_CachePolicyConfig).
        let ttl = TTLs(minimum: minimum, default: config["DefaultTTL"]?.int64 ?? max(86_400, minimum),
                       maximum: config["MaxTTL"]?.int64 ?? max(31_536_000, minimum))
        return CachePolicy(
            id: id, name: config["Name"]?.string ?? id, ttl: ttl,
            queryStrings: selection(parameters?["QueryStringsConfig"], behaviorKey: "QueryStringBehavior", namesKey: "QueryStrings"),
            headers: selection(parameters?["HeadersConfig"], behaviorKey: "HeaderBehavior", namesKey: "Headers"),
            cookies: selection(parameters?["CookiesConfig"], behaviorKey: "CookieBehavior", namesKey: "Cookies"),
            isManaged: managed, location: policy.location)
    }

    private static func originRequestPolicy(_ policy: Cursor, managed: Bool = false) throws(InputError) -> OriginRequestPolicy {
        guard let id = policy["Id"]?.string else { throw AWSCLILoader.missing("Id", in: policy) }
        guard let config = policy["OriginRequestPolicyConfig"] else {
            throw AWSCLILoader.missing("OriginRequestPolicyConfig", in: policy)
        }
        return OriginRequestPolicy(
            id: id, name: config["Name"]?.string ?? id,
            queryStrings: selection(config["QueryStringsConfig"], behaviorKey: "QueryStringBehavior", namesKey: "QueryStrings"),
            headers: selection(config["HeadersConfig"], behaviorKey: "HeaderBehavior", namesKey: "Headers"),
            cookies: selection(config["CookiesConfig"], behaviorKey: "CookieBehavior", namesKey: "Cookies"),
            isManaged: managed, location: policy.location)
    }
}
