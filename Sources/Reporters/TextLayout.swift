/// Indentation and word wrapping for the text reports.
struct TextLayout {
    /// Columns to wrap at; nil: never (output that is not a terminal).
    var width: Int?

    /// Each line of `text` indented by `spaces`, wrapped at word boundaries when a width is set
    /// (continuation lines get the same indent). Ends in a newline.
    func indent(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrapped(String($0), room: (width ?? 0) - spaces) }
            .map { pad + $0 }.joined(separator: "\n") + "\n"
    }

    private func wrapped(_ line: String, room: Int) -> [String] {
        guard width != nil, room >= 20, line.count > room else { return [line] }
        var lines = [String](), current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
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
