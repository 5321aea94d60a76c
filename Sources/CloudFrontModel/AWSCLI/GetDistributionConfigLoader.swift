/// `aws cloudfront get-distribution-config`: `{"DistributionConfig": …, "ETag": …}`.
public enum GetDistributionConfigLoader: AWSCLIOutputLoader {
    public static let shapeName = "aws cloudfront get-distribution-config"
    static let rootKey = "DistributionConfig"

    static func read(_ config: Cursor, into input: inout LoadedInput) throws(InputError) {
        input.distributions = [try DistributionReader.distribution(config: config, summary: nil)]
    }
}
