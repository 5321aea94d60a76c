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
        for field in Field.allCases {
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
        var cursor: Cursor? = self
        for key in field.rawValue.split(separator: ".") {
            cursor = cursor?[String(key)]
        }
        return cursor
    }
}
