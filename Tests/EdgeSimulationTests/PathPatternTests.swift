import Testing
@testable import EdgeSimulation

/// Path patterns as the Developer Guide describes them (docs/aws-facts.md #3).
struct PathPatternTests {
    @Test(arguments: [
        ("*.jpg", "/images/logo.jpg", true),
        // "Path patterns are case-sensitive, so the path pattern *.jpg doesn't apply to the file LOGO.JPG."
        ("*.jpg", "/LOGO.JPG", false),
        ("/a/*/b?.txt", "/a/x/b1.txt", true),
        ("/a/*/b?.txt", "/a/x/y/b1.txt", true),      // `*` crosses `/`
        ("/a/*/b?.txt", "/a/x/b12.txt", false),      // `?` is exactly one character
        ("/a/*/b?.txt", "/a/x/b.txt", false),
        ("/a/*/b?.txt", "/a//b1.txt", true),         // `*` matches zero characters
        ("images/*", "/images/a.png", true),         // leading / optional on the pattern…
        ("/images/*", "images/a.png", true),         // …and on the path
        ("/images/*", "/images", false),
        ("/images*", "/images", true),
        ("*", "/", true),
        ("*", "", true),                             // an empty path is `/`
        ("/downloads/*", "", false),
        ("/downloads/*", "/Downloads/report.pdf", false),
        ("/*.pdf", "/reports/2024/q1.pdf", true),
        ("/report?.pdf", "/report%201.pdf", false),  // the raw (encoded) path is matched: %20 is three characters
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathPattern.matches(pattern: pattern, path: path) == expected, "\(pattern) vs \(path)")
    }

    @Test func longPathsWithManyStarsDoNotBlowUp() {
        let path = "/" + String(repeating: "a/", count: 2000) + "b"
        #expect(!PathPattern.matches(pattern: "/*a*a*a*a*a*c", path: path))
        #expect(PathPattern.matches(pattern: "/*a*a*a*a*a*b", path: path))
    }
}
