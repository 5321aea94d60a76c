import Testing
@testable import Reporters

/// The byte-wise line splitter behind every indented message must cut exactly where splitting the
/// String by the Character "\n" does, including "\r\n" (one Character) and text with no break.
@Suite struct TextLinesTests {
    @Test(arguments: ["", "one line", "a\nb", "a\n\nb\n", "\n", "a\r\nb\nc", "\r\n\n\r", "é\n😀\r\n€", "x\r", "\r\n"])
    func linesAreTheCharacterSplit(_ text: String) {
        #expect(TextLayout.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test func randomTextSplitsTheSameAsByCharacter() {
        let pieces = ["a", " ", "\n", "\r", "\r\n", "é", "e\u{301}", "😀", "\t"]
        var state: UInt64 = 15
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(state % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(TextLayout.lines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }
}
