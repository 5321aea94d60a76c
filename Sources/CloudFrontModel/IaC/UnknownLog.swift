import IaCInputs

/// What an IaC loader could not know about one distribution, gathered into one note so that the
/// user sees every unknown value and where it is, once (rules that need them stay silent).
struct UnknownLog {
    private(set) var entries: [String] = []
    private(set) var placeholders: Set<String> = []
    private(set) var standIns: [String] = []

    /// Records an unknown value, or a known one built from generated names; returns its text.
    mutating func text(_ value: IaCValue?, _ what: String) -> String? {
        guard let value else { return nil }
        if let unknown = value.unknown {
            entries.append("\(what): \(unknown.reason), at \(unknown.location)")
            return nil
        }
        placeholders.formUnion(value.placeholders)
        return value.text
    }

    mutating func add(_ entry: String) {
        entries.append(entry)
    }

    /// A value known in form but not in spelling (a name given at apply).
    mutating func standIn(_ entry: String) {
        standIns.append(entry)
    }

    /// One note for the unknowns; one for the placeholders among `named` (the ones whose stand-in
    /// shows in a finding, such as bucket names in hosts; IDs that only link resources are exact).
    func notes(for resource: String, placeholdersAmong named: Set<String> = []) -> [String] {
        var notes = [String]()
        if !entries.isEmpty {
            notes.append("\(resource): not known from the file, so the rules that need these stay silent: "
                + entries.joined(separator: "; ") + ".")
        }
        if !standIns.isEmpty {
            notes.append("\(resource): " + standIns.joined(separator: "; ") + ".")
        }
        let shown = placeholders.intersection(named).sorted()
        if !shown.isEmpty {
            notes.append("\(resource): bucket \(shown.joined(separator: ", ")) is named by CloudFormation at deploy; "
                + "its logical ID stands in for the name, so the host's form (global or regional) is judged, not the bucket name.")
        }
        return notes
    }
}

extension IaCValue {
    /// The value at a dotted API member path (`ForwardedValues.QueryString`), for inputs whose keys
    /// are the API's own (CloudFormation).
    subscript(path field: some ModelField) -> IaCValue? {
        var value: IaCValue? = self
        for key in field.rawValue.split(separator: ".") {
            value = value?[String(key)]
        }
        return value
    }
}
