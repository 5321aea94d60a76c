/// `aws cloudfront get-origin-request-policy`: `{"OriginRequestPolicy": {"Id", "OriginRequestPolicyConfig"}, "ETag"}`.
public enum GetOriginRequestPolicyLoader: InputShapeLoader {
    public static let shapeName = "aws cloudfront get-origin-request-policy"

    public static func recognises(_ root: Cursor) -> Bool {
        root["OriginRequestPolicy"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        input.originRequestPolicies = [try PolicyReader.originRequestPolicy(root["OriginRequestPolicy"]!)]
        return input
    }
}
