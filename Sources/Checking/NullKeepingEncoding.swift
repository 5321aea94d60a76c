/// An optional encoded as `null` when absent instead of leaving its key out, so every documented
/// key of the JSON output is present (SPEC §8: one parser reads every command). Synthesized
/// `Encodable` skips nil optionals; a wrapped property is never nil to it.
@propertyWrapper
public struct NullWhenAbsent<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
