/// `aws cloudfront list-origin-request-policies`: `{"OriginRequestPolicyList": {"Items": [{"Type", "OriginRequestPolicy"}…]}}`.
public enum ListOriginRequestPoliciesLoader: AWSCLIOutputLoader {
    public static let shapeName = "aws cloudfront list-origin-request-policies"
    static let rootKey = "OriginRequestPolicyList"

    static func read(_ list: Cursor, into input: inout LoadedInput) throws(InputError) {
        for item in DistributionReader.items(list) {
            guard let policy = item["OriginRequestPolicy"] else {
                throw DistributionReader.missing("OriginRequestPolicy", in: item)
            }
            input.originRequestPolicies.append(try PolicyReader.originRequestPolicy(policy, managed: item["Type"]?.string == "managed"))
        }
    }
}
