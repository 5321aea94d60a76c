/// `aws cloudfront list-cache-policies`: `{"CachePolicyList": {"Items": [{"Type", "CachePolicy"}…]}}`.
public enum ListCachePoliciesLoader: InputShapeLoader {
    public static let shapeName = "aws cloudfront list-cache-policies"

    public static func recognises(_ root: Cursor) -> Bool {
        root["CachePolicyList"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        for item in DistributionReader.items(root["CachePolicyList"]) {
            guard let policy = item["CachePolicy"] else { throw DistributionReader.missing("CachePolicy", in: item) }
            input.cachePolicies.append(try PolicyReader.cachePolicy(policy, managed: item["Type"]?.string == "managed"))
        }
        return input
    }
}
