/// A bare `DistributionConfig` object (what `get-distribution-config --query DistributionConfig`
/// prints, and what `update-distribution --distribution-config` takes).
public enum DistributionConfigLoader: InputShapeLoader {
    public static let shapeName = "DistributionConfig"

    public static func recognises(_ root: Cursor) -> Bool {
        root["Origins"] != nil && root["DefaultCacheBehavior"] != nil
    }

    public static func load(_ root: Cursor) throws(InputError) -> LoadedInput {
        var input = LoadedInput(shape: shapeName)
        input.distributions = [try DistributionReader.distribution(config: root, summary: nil)]
        return input
    }
}
