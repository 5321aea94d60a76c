/// One `resource_changes` entry of a plan, reduced to what the plan reader uses: built from the
/// tree, or from the element as the JSON reader hands it over, whose tree is then freed (a 50 MB
/// plan's changes are a third of its bytes, and their `after` values repeat `planned_values`).
public struct TerraformPlanChange: Sendable {
    enum Outcome: Sendable {
        /// `after` is null or absent: the resource goes away (or the entry says nothing).
        case deleted
        /// `after` merged with `after_unknown`; nil when the resource's type is not read.
        case planned(IaCValue?)
        /// A data source, or an entry without an address: not a change the reader counts.
        case ignored
    }

    let address: String
    let outcome: Outcome
    /// The entry itself, for a resource that `planned_values` leaves out (older plans).
    let resource: TerraformDocument.Resource

    /// `readTypes`: as `TerraformDocument.readTypes`; other types keep no values.
    public init(_ change: Cursor, readTypes: Set<String>?) {
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
        guard let inner, readTypes.map({ $0.contains(type) }) ?? true else {
            outcome = .planned(nil)
            return
        }
        outcome = .planned(TerraformDocument.merge(inner["after"], unknown: inner["after_unknown"], at: inner))
    }

    /// Whether a resource of `planned_values` at `address`, of a type whose values are read, takes
    /// its values from this change (rather than from its own `values`).
    var suppliesValues: Bool {
        if case .planned(.some) = outcome { return true }
        return false
    }
}
