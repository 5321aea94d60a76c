/// One `resource_changes` entry of a plan, reduced to what the plan reader uses: built from the
/// tree, or from the element as the JSON reader hands it over, whose tree is then freed (a 50 MB
/// plan's changes are nearly half its bytes, and their `after` values repeat `planned_values`).
public struct TerraformPlanChange: Sendable {
    enum Outcome: Sendable {
        /// `after` is null or absent: the resource goes away (or the entry says nothing).
        case deleted
        /// `after` merged with `after_unknown`; nil when the resource's type is not read.
        case planned(PlannedValues?)
        /// A data source, or an entry without an address: not a change the reader counts.
        case ignored
    }

    let address: String
    let outcome: Outcome
    /// The entry itself, for a resource that `planned_values` leaves out (older plans).
    let resource: TerraformDocument.Resource

    /// `readTypes`: as `TerraformDocument.readTypes`; other types keep no values.
    ///
    /// `source`: the bytes the entry was read from and where it starts. Its values are then not
    /// kept but read again from there when asked for (`PlannedValues`): a plan's planned values
    /// are most of its memory once parsed, and the loader needs one distribution's at a time.
    public init(_ change: Cursor, readTypes: Set<String>?, source: (contents: InputBytes, start: ResumePoint)? = nil) {
        let address = change["address"]?.string
        let type = change["type"]?.string ?? ""
        self.address = address ?? ""
        resource = TerraformDocument.Resource(
            address: address ?? "", moduleAddress: change["module_address"]?.string ?? TerraformDocument.moduleOf(address ?? ""),
            type: type, name: change["name"]?.string ?? "", values: TerraformDocument.empty(change), location: change.location)
        guard change["mode"]?.string != "data", address != nil else {
            outcome = .ignored
            return
        }
        let inner = change["change"]
        if inner?["after"]?.node.value == nil || inner?["after"]?.node.isNull == true {
            let actions = inner?["actions"]?.elements.compactMap(\.string) ?? []
            outcome = actions.contains("delete") || inner?["after"] != nil ? .deleted : .ignored
            return
        }
        guard inner != nil, readTypes.map({ $0.contains(type) }) ?? true else {
            outcome = .planned(nil)
            return
        }
        if let source {
            outcome = .planned(PlannedValues(.reread(source.contents, source.start, file: change.file, pointer: change.pointer)))
        } else {
            outcome = .planned(PlannedValues(.merged(Self.values(of: change))))
        }
    }

    /// `after` with `after_unknown` merged in, for a change entry that has both.
    static func values(of change: Cursor) -> IaCValue {
        let inner = change["change"]
        return TerraformDocument.merge(inner?["after"], unknown: inner?["after_unknown"], at: inner ?? change)
    }

    /// Whether a resource of `planned_values` at `address`, of a type whose values are read, takes
    /// its values from this change (rather than from its own `values`).
    var suppliesValues: Bool {
        if case .planned(.some) = outcome { return true }
        return false
    }
}

/// A change's planned values: merged already, or read again from the plan's bytes each time they
/// are asked for (then only the resource the loader is reading has its values in memory).
struct PlannedValues: Sendable {
    enum Source: Sendable {
        case merged(IaCValue)
        case reread(InputBytes, ResumePoint, file: String, pointer: String)
    }

    let source: Source

    init(_ source: Source) { self.source = source }

    /// What the entry does not need: the same parts the first reading skipped.
    static let unread: [SkippedPath] = [
        SkippedPath([.key("change"), .key("before")]),
        SkippedPath([.key("change"), .key("before_sensitive")]),
        SkippedPath([.key("change"), .key("after_sensitive")]),
    ]

    var value: IaCValue {
        switch source {
        case .merged(let value):
            return value
        case .reread(let contents, let start, let file, let pointer):
            // The bytes parsed once already; they fail again only if the file changed meanwhile.
            guard let node = try? JSONReader.parse(contents: contents, at: start, file: file, skipping: Self.unread) else {
                let location = SourceLocation(file: file, line: 0, column: 0, pointer: pointer)
                return .unknown("\(file) changed while cfdoctor was reading it", at: location)
            }
            return TerraformPlanChange.values(of: Cursor(node: node, pointer: pointer, file: file))
        }
    }
}
