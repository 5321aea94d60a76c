/// S3's `StringToSignBytes` / `CanonicalRequestBytes`: the exact bytes it signed, as
/// space-separated two-digit hex ("41 57 53 34 ..."), seen in every captured SignatureDoesNotMatch
/// body (fixtures/errors/SOURCES.md).
public enum HexBytes {
    /// nil when the text is not such a dump (a placeholder like `EXAMPLE`, or cut short).
    public static func decode(_ text: String) -> [UInt8]? {
        let tokens = text.split(whereSeparator: \.isWhitespace)
        guard !tokens.isEmpty else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(tokens.count)
        for token in tokens {
            guard token.count == 2, let byte = UInt8(token, radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// The dump as UTF-8 text; nil when it is not a dump or not valid UTF-8.
    public static func decodeText(_ text: String) -> String? {
        guard let bytes = decode(text) else { return nil }
        // Round-trip check instead of String(validating:), which needs macOS 15.
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.utf8) == bytes ? text : nil
    }
}
