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
        try parse(text, file: file, streaming: nil)
    }

    /// `streaming`: for JSON, an array whose elements go to it as they are read instead of into
    /// the tree (`syntax` says whether it was JSON; YAML keeps every array).
    public static func parse(_ text: String, file: String, streaming: StreamedArray?,
                             skipping: [SkippedPath] = []) throws(InputError) -> Document {
        try parse(text, file: file, streaming: streaming.map { [$0] } ?? [], skipping: skipping)
    }

    public static func parse(_ text: String, file: String, streaming: [StreamedArray],
                             skipping: [SkippedPath] = []) throws(InputError) -> Document {
        let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace })
        guard let first else { throw InputError(file: file, message: "the file is empty") }
        if first == "{" || first == "[" {
            return Document(file: file, root: try JSONReader.parse(text, file: file, streaming: streaming, skipping: skipping), syntax: .json)
        }
        return Document(file: file, root: try YAMLReader.parse(text, file: file), syntax: .yaml)
    }

    /// No size limit here: the caller that read the bytes applied one before reading them
    /// (`--max-input-size`), so a limit the user raised is not refused again.
    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> Document {
        try parse(bytes: bytes, file: file, streaming: nil)
    }

    /// `skipping`: JSON values read but not kept (see `JSONReader`); YAML keeps everything.
    public static func parse(bytes: [UInt8], file: String, streaming: StreamedArray?,
                             skipping: [SkippedPath] = []) throws(InputError) -> Document {
        try parse(contents: InputBytes(bytes), file: file, streaming: streaming.map { [$0] } ?? [], skipping: skipping)
    }

    /// The same from an input's bytes, which may be a mapped file (see `InputBytes`), streaming
    /// any number of arrays (under different top-level names).
    public static func parse(contents: InputBytes, file: String, streaming: [StreamedArray],
                             skipping: [SkippedPath] = []) throws(InputError) -> Document {
        if let document = directJSON(contents, file: file, streaming: streaming, skipping: skipping) { return document }
        return try parse(try SourceText.decode(contents.bytes, file: file, maximumBytes: .max), file: file, streaming: streaming, skipping: skipping)
    }

    /// Plain UTF-8 JSON (not UTF-16: the usual export; a UTF-8 byte-order mark is passed over)
    /// parsed from the bytes as they are, without first making a String of the whole file and then
    /// an array of its UTF-8 again. Anything else, and any error, goes the general way, which gives
    /// the same tree and the same error messages (the reader validates the UTF-8 of every string
    /// it makes; lines and columns never counted the mark).
    private static func directJSON(_ contents: InputBytes, file: String, streaming: [StreamedArray], skipping: [SkippedPath]) -> Document? {
        guard let start = directStart(contents),
              let root = try? JSONReader.parse(contents: contents, startingAt: start, file: file, streaming: streaming, skipping: skipping)
        else { return nil }
        return Document(file: file, root: root, syntax: .json)
    }

    /// Whether `parse(contents:…)` reads these bytes themselves (plain UTF-8 JSON), not a decoded
    /// copy: positions the reader hands over (`ResumePoint`) are then positions in them.
    public static func readsDirectly(_ contents: InputBytes) -> Bool {
        directStart(contents) != nil
    }

    /// Where the JSON text starts when the bytes can be read as they are: after a UTF-8 byte-order
    /// mark if there is one; nil for UTF-16 or anything that does not start like JSON.
    private static func directStart(_ contents: InputBytes) -> Int? {
        contents.withUnsafeBufferPointer { bytes -> Int? in
            guard bytes.count < 2 || bytes[1] != 0 else { return nil }
            let mark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var index = mark
            while index < bytes.count,
                  bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                    || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { return nil }
            return mark
        }
    }

    public var cursor: Cursor { Cursor(node: root, pointer: "", file: file) }
}
