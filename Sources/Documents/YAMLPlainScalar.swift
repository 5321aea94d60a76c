/// What an untagged plain YAML scalar means: Yams' default resolver rules (`Resolver.default`:
/// bool, int, float, null; YAML 1.1 forms) decided without its regular expressions.
///
/// Why: compiling Yams' patterns starts ICU's regex engine, a third of a cold `check` of a small
/// template (9M of 48M instructions under callgrind). The matchers below accept exactly the
/// strings the patterns do; `YAMLPlainScalarTests` compares them with the patterns themselves.
enum YAMLPlainScalar: Equatable {
    case null, bool, number, string

    static func resolve(_ text: String) -> YAMLPlainScalar {
        var text = text
        return text.withUTF8 { resolve(bytes: $0) }
    }

    static func resolve(bytes: UnsafeBufferPointer<UInt8>) -> YAMLPlainScalar {
        if isBool(bytes) { return .bool }
        if isInt(bytes) || isFloat(bytes) { return .number }
        if isNull(bytes) { return .null }
        return .string
    }

    // ^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$
    static func isBool(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        matchesOneSpelling(s, of: ["yes", "no", "true", "false", "on", "off"])
    }

    // ^(?:~|null|Null|NULL|)$
    static func isNull(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        s.isEmpty || (s.count == 1 && s[0] == UInt8(ascii: "~")) || matchesOneSpelling(s, of: ["null"])
    }

    /// `word`, `Word` or `WORD` for one of `words` (lower case ASCII).
    private static func matchesOneSpelling(_ s: UnsafeBufferPointer<UInt8>, of words: [StaticString]) -> Bool {
        for word in words where word.utf8CodeUnitCount == s.count {
            let lower = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            let capitalized = s.indices.allSatisfy { i in s[i] == (i == 0 ? lower[i] - 32 : lower[i]) }
            let upper = s.indices.allSatisfy { s[$0] == lower[$0] - 32 }
            if s.elementsEqual(lower) || capitalized || upper { return true }
        }
        return false
    }

    // ^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+
    //    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$
    static func isInt(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let body = Scanner(s).skippingSign()
        if body.prefixed("0b")?.allPlus(isBinary) == true { return true }
        if let octal = body.prefixed("0") {
            if (octal.prefixed("o") ?? octal).allPlus(isOctal) { return true }
            if octal.atEnd { return true }                       // "0"
        }
        if body.prefixed("0x")?.allPlus(isHex) == true { return true }
        guard let first = body.first, isDigit(first), first != UInt8(ascii: "0") else { return false }
        let rest = body.dropFirst().skipping(isDigitOrUnderscore)
        return rest.atEnd || rest.sexagesimal()?.atEnd == true
    }

    // ^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?
    //    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$
    static func isFloat(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let whole = Scanner(s)
        // \.[0-9_]+(?:[eE][-+][0-9]+)?   (no sign; the exponent's sign is required)
        if let fraction = whole.prefixed("."), fraction.first.map(isDigitOrUnderscore) == true {
            let afterDigits = fraction.skipping(isDigitOrUnderscore)
            if afterDigits.atEnd { return true }
            if let exponent = afterDigits.prefixedOne(of: "eE")?.prefixedOne(of: "-+"), exponent.allPlus(isDigit) {
                return true
            }
        }
        // \.(?:nan|NaN|NAN)
        if let nan = whole.prefixed("."), ["nan", "NaN", "NAN"].contains(where: { nan.remaining.elementsEqual($0.utf8) }) {
            return true
        }
        let body = whole.skippingSign()
        // [-+]?\.(?:inf|Inf|INF)
        if let infinity = body.prefixed("."), matchesOneSpelling(infinity.remaining, of: ["inf"]) { return true }
        guard let first = body.first, isDigit(first) else { return false }
        let integer = body.dropFirst().skipping(isDigitOrUnderscore)
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        if let sexagesimal = integer.sexagesimal(), let fraction = sexagesimal.prefixed("."),
           fraction.skipping(isDigitOrUnderscore).atEnd {
            return true
        }
        // [-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
        var rest = integer
        if let fraction = rest.prefixed(".") { rest = fraction.skipping(isDigitOrUnderscore) }
        if rest.atEnd { return true }
        guard let exponent = rest.prefixedOne(of: "eE") else { return false }
        return (exponent.prefixedOne(of: "-+") ?? exponent).allPlus(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "_") }
    private static func isBinary(_ byte: UInt8) -> Bool { byte == 0x30 || byte == 0x31 || byte == UInt8(ascii: "_") }
    private static func isOctal(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x37) || byte == UInt8(ascii: "_") }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigitOrUnderscore(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// A position in the scalar: each step returns a new scanner, so alternatives start afresh.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { offset == bytes.count }
        var first: UInt8? { atEnd ? nil : bytes[offset] }
        var remaining: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[offset...]) }

        func dropFirst() -> Scanner { var next = self; next.offset += 1; return next }

        func skippingSign() -> Scanner { prefixedOne(of: "-+") ?? self }

        func prefixed(_ literal: StaticString) -> Scanner? {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - offset >= count else { return nil }
            for i in 0..<count where bytes[offset + i] != literal.utf8Start[i] { return nil }
            var next = self; next.offset += count; return next
        }

        func prefixedOne(of choices: StaticString) -> Scanner? {
            guard let byte = first else { return nil }
            let options = UnsafeBufferPointer(start: choices.utf8Start, count: choices.utf8CodeUnitCount)
            return options.contains(byte) ? dropFirst() : nil
        }

        func skipping(_ accept: (UInt8) -> Bool) -> Scanner {
            var next = self
            while let byte = next.first, accept(byte) { next.offset += 1 }
            return next
        }

        /// One or more characters, all accepted, to the end.
        func allPlus(_ accept: (UInt8) -> Bool) -> Bool { !atEnd && skipping(accept).atEnd }

        /// `(?::[0-5]?[0-9])+`: greedy, as each group is at most two digits after its colon and the
        /// group ends at the next colon or anything else.
        func sexagesimal() -> Scanner? {
            var next = self
            var groups = 0
            while let afterColon = next.prefixed(":") {
                let digits = afterColon.skipping(YAMLPlainScalar.isDigit)
                let count = digits.offset - afterColon.offset
                guard count == 1 || (count == 2 && afterColon.bytes[afterColon.offset] <= UInt8(ascii: "5")) else { break }
                next = digits
                groups += 1
            }
            return groups > 0 ? next : nil
        }
    }
}
