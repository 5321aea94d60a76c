/// `aws cloudfront get-cache-policy`: `{"CachePolicy": {"Id", "CachePolicyConfig"}, "ETag"}`.
public enum GetCachePolicyLoader: InputShapeLoader {
    public static let shapeName = "aws cloudfront get-cache-policy"

    public static func recognises(_ root: Cursor) -> Bool {
        root["CachePolicy"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        input.cachePolicies = [try PolicyReader.cachePolicy(root["CachePolicy"]!)]
        return input
    }
}
