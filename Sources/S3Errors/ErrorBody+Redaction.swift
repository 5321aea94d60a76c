extension ErrorBody {
    /// What a field looks like in cfdoctor's output. SPEC §8: signatures and session tokens never
    /// appear. S3 echoes both: `SignatureProvided`, `Token-0` (InvalidToken/ExpiredToken), and the
    /// `X-Amz-Security-Token` inside CanonicalRequest's query line. The hex dumps are shown decoded
    /// (and redacted) instead of as hex, which could carry the token unnoticed.
    public func displayValue(_ field: Field) -> String {
        if field.name == "SignatureProvided" || field.name.hasPrefix("Token-") { return "REDACTED" }
        if field.name.hasSuffix("Bytes") {
            let base = String(field.name.dropLast("Bytes".count))
            guard let decoded = HexBytes.decodeText(field.value) else { return Self.redactingSecrets(field.value) }
            return decoded == value(base) ? "(the exact bytes of \(base), same text)"
                : Self.redactingSecrets(decoded)
        }
        return Self.redactingSecrets(field.value)
    }

    /// Replaces the values of signature and session-token query parameters in a canonical request
    /// or any other text.
    public static func redactingSecrets(_ text: String) -> String {
        var result = text
        for name in ["X-Amz-Security-Token=", "X-Amz-Signature=", "Signature="] {
            var searchStart = result.startIndex
            while let range = result.range(of: name, range: searchStart..<result.endIndex) {
                let end = result[range.upperBound...].firstIndex(where: { $0 == "&" || $0.isWhitespace }) ?? result.endIndex
                guard end > range.upperBound else { searchStart = range.upperBound; continue }
                result.replaceSubrange(range.upperBound..<end, with: "REDACTED")
                searchStart = result.index(range.upperBound, offsetBy: "REDACTED".count)
            }
        }
        return result
    }
}
