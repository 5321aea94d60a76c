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

extension InputLoader {
    /// Parses and loads one input. A `list-distributions` export in JSON is read one distribution
    /// at a time: each element of `DistributionList.Items` becomes a `Distribution` as soon as it
    /// is parsed and its tree is freed, so an account export never holds its whole tree (for
    /// 10,000 distributions, 1.5 times the file's size) next to the model. Same result, same errors
    /// as parsing the whole tree and loading it.
    public static func load(bytes: [UInt8], file: String, options: LoadOptions) throws(InputError) -> LoadedInput {
        let reader = StreamedDistributions(file: file)
        let stream = StreamedArray(path: [ListDistributionsLoader.rootKey, "Items"]) { reader.read($0, at: $1) }
        let document = try Document.parse(bytes: bytes, file: file, streaming: stream, skipping: unreadPaths)
        var loaded = try load(document, options: options)
        guard document.syntax == .json, loaded.shape == ListDistributionsLoader.shapeName else { return loaded }
        // The tree's Items were handed over and are empty; a name repeated on the way means the
        // handed-over elements may not be the ones the tree's reader would see: read it whole.
        if stream.sawRepeatedName { return try load(Document.parse(bytes: bytes, file: file), options: options) }
        if let error = reader.error { throw error }
        // The tree's own Items are empty: take the array as it is rather than a copy of it.
        loaded.distributions = loaded.distributions.isEmpty ? reader.distributions : reader.distributions + loaded.distributions
        return loaded
    }
}

extension InputLoader {
    /// Parts of a `terraform show -json` plan that no loader reads: the state before the plan
    /// (`prior_state`, each change's `before`), drift, and which attributes are sensitive. Half of
    /// a plan's bytes; read and checked, never kept (`TerraformDocument` takes planned values,
    /// `after` and `after_unknown`, and the configuration). No other shape has these keys at these
    /// places, and `StreamedListTests`/the json fuzz target compare with reading everything.
    static let unreadPaths: [SkippedPath] = [
        SkippedPath([.key("prior_state")]),
        SkippedPath([.key("resource_drift")]),
        SkippedPath([.key("relevant_attributes")]),
        SkippedPath([.key("resource_changes"), .anyElement, .key("change"), .key("before")]),
        SkippedPath([.key("resource_changes"), .anyElement, .key("change"), .key("before_sensitive")]),
        SkippedPath([.key("resource_changes"), .anyElement, .key("change"), .key("after_sensitive")]),
    ]
}

/// Turns `DistributionList.Items` elements into distributions as the reader hands them over,
/// keeping the first error (reported only if the whole document parses, as before streaming).
private final class StreamedDistributions {
    let file: String
    private(set) var distributions: [Distribution] = []
    private(set) var error: InputError?

    init(file: String) { self.file = file }

    func read(_ element: DocNode, at position: Int) {
        // A second pass over the same array (the general reader after the direct one failed)
        // starts again.
        if position == 0 { distributions.removeAll(); error = nil }
        guard error == nil else { return }
        let cursor = Cursor(node: element, pointer: "/\(ListDistributionsLoader.rootKey)/Items/\(position)", file: file)
        do throws(InputError) {
            distributions.append(try DistributionReader.distribution(config: cursor, summary: cursor))
        } catch {
            self.error = error
        }
    }
}
