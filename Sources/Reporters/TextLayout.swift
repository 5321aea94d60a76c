/// Indentation and word wrapping for the text reports.
struct TextLayout {
    /// Columns to wrap at; nil: never (output that is not a terminal).
    var width: Int?

    /// Each line of `text` indented by `spaces`, wrapped at word boundaries when a width is set.
    /// Continuation lines are indented `hanging` columns more, so a wrapped "fix: …" or
    /// "note: …" keeps its label standing out. Ends in a newline.
    func indent(_ text: String, by spaces: Int, hanging: Int = 0) -> String {
        let pad = String(repeating: " ", count: spaces), more = String(repeating: " ", count: hanging)
        return Self.lines(text)
            .flatMap { line in
                wrapped(String(line), first: (width ?? 0) - spaces, then: (width ?? 0) - spaces - hanging).enumerated()
                    .map { $0.offset == 0 ? pad + $0.element : pad + more + $0.element }
            }
            .joined(separator: "\n") + "\n"
    }

    /// The lines of `text`, cut exactly where `text.split(separator: "\n", omittingEmptySubsequences:
    /// false)` cuts: at every "\n" except one that ends a "\r\n" (a single Character). Over the
    /// UTF-8 bytes, because grapheme breaking made indenting a finding's message and notes the
    /// costliest part of a large report.
    static func lines(_ text: String) -> [Substring] {
        // Byte offsets of the cuts, found in the contiguous UTF-8 (a native String always has it;
        // any other takes the Character split this reproduces).
        let found: [Int]? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            var cuts = [Int]()
            for offset in utf8.indices where utf8[offset] == UInt8(ascii: "\n") && (offset == 0 || utf8[offset - 1] != UInt8(ascii: "\r")) {
                cuts.append(offset)
            }
            return cuts
        }
        guard let cuts = found else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        guard !cuts.isEmpty else { return [text[...]] }
        var lines = [Substring]()
        lines.reserveCapacity(cuts.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// The line broken at spaces: the first piece fits in `first` columns, the others in `then`.
    private func wrapped(_ line: String, first: Int, then: Int) -> [String] {
        guard width != nil, then >= 20, line.count > first else { return [line] }
        var lines = [String](), current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let room = lines.isEmpty ? first : then
            if !current.isEmpty, current.count + 1 + word.count > room {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
