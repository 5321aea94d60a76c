/// `aws cloudfront get-distribution`: `{"Distribution": {"Id", "DomainName", "DistributionConfig", …}, "ETag"}`.
public enum GetDistributionLoader: AWSCLIOutputLoader {
    public static let shapeName = "aws cloudfront get-distribution"
    static let rootKey = "Distribution"

    static func read(_ distribution: Cursor, into input: inout LoadedInput) throws(InputError) {
        guard let config = distribution["DistributionConfig"] else {
            throw DistributionReader.missing("DistributionConfig", in: distribution)
        }
        input.distributions = [try DistributionReader.distribution(config: config, summary: distribution)]
    }
}
