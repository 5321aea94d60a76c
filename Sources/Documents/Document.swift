/// A parsed input file: its name as the user gave it, its tree, and which syntax it was.
public struct Document: Sendable {
    public enum Syntax: String, Sendable { case json, yaml }

    public var file: String
    public var root: DocNode
    public var syntax: Syntax

    public init(file: String, root: DocNode, syntax: Syntax) {
        self.file = file
        self.root = root
        self.syntax = syntax
    }

    /// Parses text as JSON when it looks like JSON (starts with `{` or `[`), else as YAML.
    public static func parse(_ text: String, file: String) throws(InputError) -> Document {
        let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace })
        guard let first else { throw InputError(file: file, message: "the file is empty") }
        if first == "{" || first == "[" {
            return Document(file: file, root: try JSONReader.parse(text, file: file), syntax: .json)
        }
        return Document(file: file, root: try YAMLReader.parse(text, file: file), syntax: .yaml)
    }

    /// No size limit here: the caller that read the bytes applied one before reading them
    /// (`--max-input-size`), so a limit the user raised is not refused again.
    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> Document {
        try parse(try SourceText.decode(bytes, file: file, maximumBytes: .max), file: file)
    }

    public var cursor: Cursor { Cursor(node: root, pointer: "", file: file) }
}
