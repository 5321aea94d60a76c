/// A model field named by its CloudFront API member path (`DomainName`,
/// `ForwardedValues.QueryString`): the raw value is what the API calls it, whatever the input's own
/// spelling was. Each model type has its own enum, so a misspelt field does not compile.
public protocol ModelField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {}

/// Where each field of one model value was written in the input.
///
/// Only the fields that were found are kept, in a small array searched linearly (at most a few
/// dozen fields per type): an account export has tens of thousands of origins and behaviors, and a
/// dictionary per value was a third of the model's memory and most of the time spent filling it.
public struct FieldLocations<Field: ModelField>: Sendable {
    /// Every field of one model value comes from one input and sits under the value's own pointer:
    /// the file and that pointer are kept once, and each entry is 32 bytes instead of 64 (a
    /// 10,000-distribution export has a quarter of a million of them).
    private var file = ""
    private var base = ""
    private var located: [(field: Field, location: SourceLocation.Local)] = []
    /// Fields in another file or under another pointer than the first one's: kept whole.
    private var elsewhere: [(field: Field, location: SourceLocation)] = []

    /// No field located (values built in code).
    public init() {}

    /// Asks `locate` for every field, so a loader cannot forget one: a `switch` over the fields in
    /// `locate` is checked for exhaustiveness by the compiler.
    public init(_ locate: (Field) -> SourceLocation?) {
        var found = [(field: Field, location: SourceLocation)]()
        for field in Field.allCases {
            if let location = locate(field) { found.append((field, location)) }
        }
        guard let first = found.first?.location.parts else { return }
        (file, base) = (first.file, first.base)
        var local = [(field: Field, location: SourceLocation.Local)]()
        local.reserveCapacity(found.count)
        for (field, location) in found {
            let parts = location.parts
            if parts.file == file && parts.base == base { local.append((field, parts.local)) } else { elsewhere.append((field, location)) }
        }
        // Built at its final size: no spare capacity kept in every model value.
        located = [(field: Field, location: SourceLocation.Local)](unsafeUninitializedCapacity: local.count) { buffer, count in
            for (offset, entry) in local.enumerated() { (buffer.baseAddress! + offset).initialize(to: entry) }
            count = local.count
        }
    }

    public subscript(field: Field) -> SourceLocation? {
        get {
            if let entry = located.first(where: { $0.field == field }) {
                return SourceLocation(file: file, base: base, entry.location)
            }
            return elsewhere.first(where: { $0.field == field })?.location
        }
        set {
            located.removeAll { $0.field == field }
            elsewhere.removeAll { $0.field == field }
            guard let newValue else { return }
            let parts = newValue.parts
            if located.isEmpty && elsewhere.isEmpty { (file, base) = (parts.file, parts.base) }
            if parts.file == file && parts.base == base {
                located.append((field, parts.local))
            } else {
                elsewhere.append((field, newValue))
            }
        }
    }
}

extension Cursor {
    /// The cursor at a dotted API member path (`ForwardedValues.QueryString`), for inputs whose keys
    /// are the API's own (AWS CLI JSON, CloudFormation).
    public subscript(path field: some ModelField) -> Cursor? {
        // Split over the bytes: splitting by Character (grapheme breaking) cost more than the
        // lookups themselves when a loader locates every field of 10,000 distributions.
        let path = field.rawValue
        let utf8 = path.utf8
        let dotted = utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ".")) } ?? utf8.contains(UInt8(ascii: "."))
        guard dotted else { return self[path] }
        var cursor: Cursor? = self
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: ".") {
                if start != index { cursor = cursor?[String(path[start..<index])] }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { cursor = cursor?[String(path[start...])] }
        return cursor
    }
}
