import Checking
import Foundation
import Reporters
import Rules
import Testing

/// Text output on a terminal: long lines wrap at word boundaries; piped output never wraps.
@Suite struct TextWrappingTests {
    func render(width: Int?) throws -> String {
        let result = try Checker.check(CheckRequest(
            configurations: [try Fixtures.input("fixtures/distributions/article-broken.get-distribution-config.json")],
            urls: [try Fixtures.articleURL()], now: Fixtures.now, secrets: FixedSecrets([:])))
        return TextReporter(style: TerminalStyle(enabled: false, width: width)).render(Presentation(redacting: result))
    }

    @Test func onATerminalProseWrapsAtWordBoundaries() throws {
        let wrapped = try render(width: 80)
        let unwrapped = try render(width: nil)
        #expect(wrapped != unwrapped)
        // Only the URL, file paths and the canonical request may be longer than the terminal.
        let long = wrapped.components(separatedBy: "\n").filter { $0.count > 80 }
        #expect(long.allSatisfy { !$0.contains(" fix: ") && !$0.hasPrefix("    fix:") && !$0.hasPrefix("note:") })
        // Wrapping changes only where lines break.
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == unwrapped.split(whereSeparator: \.isWhitespace))
    }

    @Test func pipedOutputIsNotWrapped() throws {
        #expect(try render(width: nil).components(separatedBy: "\n").contains { $0.count > 120 })
    }
}
