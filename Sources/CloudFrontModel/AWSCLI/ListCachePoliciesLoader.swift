/// `aws cloudfront list-cache-policies`: `{"CachePolicyList": {"Items": [{"Type", "CachePolicy"}…]}}`.
public enum ListCachePoliciesLoader: AWSCLIOutputLoader {
    public static let shapeName = "aws cloudfront list-cache-policies"
    static let rootKey = "CachePolicyList"

    static func read(_ list: Cursor, into input: inout LoadedInput) throws(InputError) {
        for item in DistributionReader.items(list) {
            guard let policy = item["CachePolicy"] else { throw DistributionReader.missing("CachePolicy", in: item) }
            input.cachePolicies.append(try PolicyReader.cachePolicy(policy, managed: item["Type"]?.string == "managed"))
        }
    }
}
