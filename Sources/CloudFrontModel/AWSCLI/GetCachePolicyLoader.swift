/// `aws cloudfront get-cache-policy`: `{"CachePolicy": {"Id", "CachePolicyConfig"}, "ETag"}`.
public enum GetCachePolicyLoader: AWSCLIOutputLoader {
    public static let shapeName = "aws cloudfront get-cache-policy"
    static let rootKey = "CachePolicy"

    static func read(_ policy: Cursor, into input: inout LoadedInput) throws(InputError) {
        input.cachePolicies = [try PolicyReader.cachePolicy(policy)]
    }
}
