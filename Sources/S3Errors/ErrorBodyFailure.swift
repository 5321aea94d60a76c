/// Why a body could not be read. Every case renders as one line naming line:column where known
/// (SPEC §3: "one clear line on stderr naming file:line:column").
public enum ErrorBodyFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem libxml2 reported, captured by our per-context handler instead of stderr.
    public struct Issue: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var code: Int
        public var message: String
    }

    case empty
    case tooLarge(bytes: Int, limit: Int)
    case invalidUTF8(line: Int, column: Int, offset: Int)
    case invalidUTF16
    case malformed([Issue])
    /// S3 and CloudFront never send a DOCTYPE; one in a "body" is an attack or not a body.
    case doctypeNotAllowed(line: Int)
    case noRootElement

    public var description: String {
        switch self {
        case .empty:
            return "1:1: empty body: nothing to parse"
        case .tooLarge(let bytes, let limit):
            return "body is \(bytes) bytes, over the \(limit) byte limit (S3 error bodies are under 4 KB)"
        case .invalidUTF8(let line, let column, let offset):
            return "\(line):\(column): not valid UTF-8 (byte offset \(offset)); S3 error bodies are UTF-8"
        case .invalidUTF16:
            return "1:1: the UTF-16 byte-order mark is followed by invalid UTF-16"
        case .malformed(let issues):
            guard let first = issues.first else { return "malformed XML" }
            var text = "\(first.line):\(first.column): malformed XML: \(first.message) [libxml2 error \(first.code)]"
            if issues.count > 1 { text += " (and \(issues.count - 1) more)" }
            return text
        case .doctypeNotAllowed(let line):
            return "\(line):1: a DOCTYPE is not allowed: S3 and CloudFront never send one, and entities are not expanded"
        case .noRootElement:
            return "no XML root element"
        }
    }

    /// The same failure with line numbers moved down by `offset` lines (for bodies pasted after
    /// an HTTP status line and headers, so positions point into the user's file).
    func shifted(by offset: Int) -> ErrorBodyFailure {
        guard offset > 0 else { return self }
        switch self {
        case .invalidUTF8(let line, let column, let byteOffset):
            return .invalidUTF8(line: line + offset, column: column, offset: byteOffset)
        case .malformed(let issues):
            return .malformed(issues.map { var issue = $0; issue.line += offset; return issue })
        case .doctypeNotAllowed(let line):
            return .doctypeNotAllowed(line: line + offset)
        default:
            return self
        }
    }
}
