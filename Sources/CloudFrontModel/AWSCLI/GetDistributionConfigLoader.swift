/// `aws cloudfront get-distribution-config`: `{"DistributionConfig": …, "ETag": …}`.
public enum GetDistributionConfigLoader: InputShapeLoader {
    public static let shapeName = "aws cloudfront get-distribution-config"

    public static func recognises(_ root: Cursor) -> Bool {
        root["DistributionConfig"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        input.distributions = [try DistributionReader.distribution(config: root["DistributionConfig"]!, summary: nil)]
        return input
    }
}
