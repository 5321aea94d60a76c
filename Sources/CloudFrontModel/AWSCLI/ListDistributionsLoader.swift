/// `aws cloudfront list-distributions`: `{"DistributionList": {"Items": [DistributionSummary…]}}`, each summary
/// carrying the config fields inline.
public enum ListDistributionsLoader: AWSCLIOutputLoader {
    public static let shapeName = "aws cloudfront list-distributions"
    static let rootKey = "DistributionList"

    static func read(_ list: Cursor, into input: inout LoadedInput) throws(InputError) {
        for item in DistributionReader.items(list) {
            input.distributions.append(try DistributionReader.distribution(config: item, summary: item))
        }
    }
}
