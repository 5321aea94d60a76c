import IaCInputs

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
        try load(contents: InputBytes(bytes), file: file, options: options)
    }

    /// The same from an input's bytes, which may be a mapped file (see `InputBytes`).
    ///
    /// A Terraform plan in JSON is read the same way: each `resource_changes` entry is reduced to
    /// what the plan reader uses as it is parsed, and the `values` of `planned_values`, which then
    /// go unread, are not kept. A plan that does need them (a resource without a change entry) is
    /// read again whole.
    public static func load(contents: InputBytes, file: String, options: LoadOptions) throws(InputError) -> LoadedInput {
        let reader = StreamedDistributions(file: file)
        let changes = StreamedPlanChanges(file: file, contents: contents)
        let distributionStream = StreamedArray(path: [ListDistributionsLoader.rootKey, "Items"]) { reader.read($0, at: $1) }
        let changeStream = StreamedArray(path: ["resource_changes"]) { changes.read($0, at: $1, start: $2) }
        let document = try Document.parse(contents: contents, file: file, streaming: [distributionStream, changeStream],
                                          skipping: unreadPaths + plannedValuePaths)
        // The whole tree, nothing handed over: a name repeated on a streamed path means the
        // handed-over elements may not be the ones the tree's reader would see.
        let whole = { () throws(InputError) -> LoadedInput in
            try load(Document.parse(contents: contents, file: file, streaming: [], skipping: unreadPaths), options: options)
        }
        let root = document.cursor
        if document.syntax == .json, root.node.members != nil, TerraformLoader.recognises(root),
           !loaders.prefix(while: { ObjectIdentifier($0) != ObjectIdentifier(TerraformLoader.self) }).contains(where: { $0.recognises(root) }) {
            if changeStream.sawRepeatedName { return try whole() }
            // The tree's array is empty when it was handed over; anything else stayed in the tree.
            let streamed = root["resource_changes"]?.node.elements?.isEmpty == true ? changes.entries : nil
            let entries = streamed ?? TerraformDocument.changes(root, readTypes: TerraformLoader.readTypes)
            guard TerraformDocument.plannedValuesUnread(root, changes: entries, readTypes: TerraformLoader.readTypes) else { return try whole() }
            return try TerraformLoader.load(root, options: options, changes: entries)
        }
        var loaded = try load(document, options: options)
        guard document.syntax == .json, loaded.shape == ListDistributionsLoader.shapeName else { return loaded }
        if distributionStream.sawRepeatedName { return try whole() }
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
    ] + modulePaths.map { SkippedPath($0 + [.key("sensitive_values")]) }

    /// The `values` of each resource in `planned_values`, which the plan reader takes from the
    /// resource's change instead (see `load(contents:file:options:)`).
    static let plannedValuePaths = modulePaths.map { SkippedPath($0 + [.key("values")]) }

    /// `planned_values.root_module.resources[*]`, and the same in child modules nested up to five
    /// deep (deeper ones are kept whole: the same result, more memory).
    private static let modulePaths: [[SkippedPath.Component]] = (0...5).map { depth in
        [.key("planned_values"), .key("root_module")]
            + Array(repeating: [SkippedPath.Component.key("child_modules"), .anyElement], count: depth).flatMap { $0 }
            + [.key("resources"), .anyElement]
    }
}

/// Turns `DistributionList.Items` elements into distributions as the reader hands them over,
/// keeping the first error (reported only if the whole document parses, as before streaming).
///
/// On the reader's thread: handing each element to a second thread (a serial queue) made a
/// 10,000-distribution check slower, 0.78 -> 1.03 s in one hyperfine run, with 25% more CPU
/// (trees freed on another thread than the one that built them, and the hand-over itself).
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

/// Reduces `resource_changes` entries to `TerraformPlanChange`s as the reader hands them over.
/// Their planned values are read again from the bytes when the loader asks for them, which it
/// does one resource at a time.
private final class StreamedPlanChanges {
    let file: String
    let contents: InputBytes
    private(set) var entries: [TerraformPlanChange] = []

    /// Whether the reader is reading `contents` itself: not when it reads a decoded copy (UTF-16),
    /// nor in a second pass after the direct one failed.
    private var readingContents: Bool
    private var passes = 0

    init(file: String, contents: InputBytes) {
        self.file = file
        self.contents = contents
        readingContents = Document.readsDirectly(contents)
    }

    func read(_ element: DocNode, at position: Int, start: ResumePoint) {
        // A second pass over the same array (the general reader after the direct one failed)
        // starts again, over a copy of the bytes.
        if position == 0 {
            entries.removeAll()
            passes += 1
            if passes > 1 { readingContents = false }
        }
        let cursor = Cursor(node: element, pointer: "/resource_changes/\(position)", file: file)
        entries.append(TerraformPlanChange(cursor, readTypes: TerraformLoader.readTypes, source: readingContents ? (contents, start) : nil))
    }
}
