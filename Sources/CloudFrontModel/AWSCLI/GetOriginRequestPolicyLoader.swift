/// `aws cloudfront get-origin-request-policy`: `{"OriginRequestPolicy": {"Id", "OriginRequestPolicyConfig"}, "ETag"}`.
public enum GetOriginRequestPolicyLoader: AWSCLIOutputLoader {
    public static let shapeName = "aws cloudfront get-origin-request-policy"
    static let rootKey = "OriginRequestPolicy"

    static func read(_ policy: Cursor, into input: inout LoadedInput) throws(InputError) {
        input.originRequestPolicies = [try PolicyReader.originRequestPolicy(policy)]
    }
}
