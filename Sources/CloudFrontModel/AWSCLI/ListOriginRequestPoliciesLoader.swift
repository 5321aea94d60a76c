/// `aws cloudfront list-origin-request-policies`: `{"OriginRequestPolicyList": {"Items": [{"Type", "OriginRequestPolicy"}…]}}`.
public enum ListOriginRequestPoliciesLoader: InputShapeLoader {
    public static let shapeName = "aws cloudfront list-origin-request-policies"

    public static func recognises(_ root: Cursor) -> Bool {
        root["OriginRequestPolicyList"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        for item in DistributionReader.items(root["OriginRequestPolicyList"]) {
            guard let policy = item["OriginRequestPolicy"] else {
                throw DistributionReader.missing("OriginRequestPolicy", in: item)
            }
            input.originRequestPolicies.append(try PolicyReader.originRequestPolicy(policy, managed: item["Type"]?.string == "managed"))
        }
        return input
    }
}
