/// A model field named by its CloudFront API member path (`DomainName`,
/// `ForwardedValues.QueryString`): the raw value is what the API calls it, whatever the input's own
/// spelling was. Each model type has its own enum, so a misspelt field does not compile.
public protocol ModelField: RawRepresentable<String>, CaseIterable, Hashable, Sendable {}

/// Where each field of one model value was written in the input.
public struct FieldLocations<Field: ModelField>: Sendable {
    private var storage: [Field: SourceLocation] = [:]

    /// No field located (values built in code).
    public init() {}

    /// Asks `locate` for every field, so a loader cannot forget one: a `switch` over the fields in
    /// `locate` is checked for exhaustiveness by the compiler.
    public init(_ locate: (Field) -> SourceLocation?) {
        let fields = Field.allCases
        storage.reserveCapacity(fields.count)
        for field in fields {
            storage[field] = locate(field)
        }
    }

    public subscript(field: Field) -> SourceLocation? {
        get { storage[field] }
        set { storage[field] = newValue }
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
        guard utf8.contains(UInt8(ascii: ".")) else { return self[path] }
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
