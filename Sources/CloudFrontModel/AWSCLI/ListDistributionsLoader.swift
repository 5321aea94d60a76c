/// `aws cloudfront list-distributions`: `{"DistributionList": {"Items": [DistributionSummary…]}}`, each summary
/// carrying the config fields inline.
public enum ListDistributionsLoader: InputShapeLoader {
    public static let shapeName = "aws cloudfront list-distributions"

    public static func recognises(_ root: Cursor) -> Bool {
        root["DistributionList"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        for item in root["DistributionList"]?["Items"]?.elements ?? [] {
            input.distributions.append(try DistributionReader.distribution(config: item, summary: item))
        }
        return input
    }
}
