import Checking
import Documents

/// The URLs in a URL file or on standard input: one per non-blank line, decoded like every other
/// input (UTF-8 with or without a BOM, UTF-16 with a BOM, CRLF), so a PowerShell redirection
/// works and invalid UTF-8 is refused with its position instead of being silently replaced.
enum URLText {
    struct Line {
        var number: Int
        var text: String
    }

    static func lines(_ bytes: [UInt8], name: String) throws(InputFailure) -> [Line] {
        let text: String
        do throws(InputError) {
            text = try SourceText.decode(bytes, file: name, maximumBytes: .max)
        } catch {
            throw InputFailure(error.description)
        }
        // "\r\n" is one Character in Swift: split on it as a whole, not on "\n".
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return lines.enumerated().compactMap { index, line in
            line.allSatisfy(\.isWhitespace) ? nil : Line(number: index + 1, text: String(line))
        }
    }
}
