/// `aws cloudfront get-distribution`: `{"Distribution": {"Id", "DomainName", "DistributionConfig", …}, "ETag"}`.
public enum GetDistributionLoader: InputShapeLoader {
    public static let shapeName = "aws cloudfront get-distribution"

    public static func recognises(_ root: Cursor) -> Bool {
        root["Distribution"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        let distribution = root["Distribution"]!
        guard let config = distribution["DistributionConfig"] else {
            throw DistributionReader.missing("DistributionConfig", in: distribution)
        }
        var input = LoadedInput(shape: shapeName)
        input.distributions = [try DistributionReader.distribution(config: config, summary: distribution)]
        return input
    }
}
