import IaCInputs

/// What an IaC loader could not know about one distribution, gathered into one note so that the
/// user sees every unknown value and where it is, once (rules that need them stay silent).
struct UnknownLog {
    private(set) var entries: [String] = []
    private(set) var placeholders: Set<String> = []

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

    func notes(for resource: String, placeholderMeaning: String) -> [String] {
        var notes = [String]()
        if !entries.isEmpty {
            notes.append("\(resource): not known from the file, so the rules that need these stay silent: "
                + entries.joined(separator: "; ") + ".")
        }
        if !placeholders.isEmpty {
            notes.append("\(resource): \(placeholders.sorted().joined(separator: ", ")) \(placeholderMeaning)")
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
