/// Reads any supported input, detecting its shape from content (SPEC §4).
public enum InputLoader {
    /// Every input shape cfdoctor reads, in the order detection tries them.
    public static let loaders: [any InputShapeLoader.Type] = [
        GetDistributionConfigLoader.self,
        GetDistributionLoader.self,
        ListDistributionsLoader.self,
        DistributionConfigLoader.self,
        GetCachePolicyLoader.self,
        GetOriginRequestPolicyLoader.self,
        ListCachePoliciesLoader.self,
        ListOriginRequestPoliciesLoader.self,
        CloudFormationLoader.self,
        TerraformLoader.self,
    ]

    /// The shape names, for messages and help.
    public static var shapeNames: [String] { loaders.map { $0.shapeName } }

    public static func load(_ document: Document) throws(InputError) -> LoadedInput {
        try load(document, options: LoadOptions())
    }

    public static func load(_ document: Document, options: LoadOptions) throws(InputError) -> LoadedInput {
        let root = document.cursor
        guard root.node.members != nil else {
            throw InputError(file: document.file, line: root.node.line, column: root.node.column,
                             message: "expected a JSON object describing a CloudFront distribution, found \(root.node.kindName)")
        }
        guard let loader = loaders.first(where: { $0.recognises(root) }) else {
            throw InputError(file: document.file, line: root.node.line, column: root.node.column,
                             message: "not a CloudFront distribution or policy: expected one of: "
                                + shapeNames.joined(separator: ", "))
        }
        return try loader.load(root, options: options)
    }
}
