/// CloudFront cache behavior path patterns: `*` matches any run of characters (including `/`),
/// `?` exactly one, everything else literally and case-sensitively; the leading `/` is optional
/// ("Path pattern", CloudFront Developer Guide, "Values that you specify when you create or update
/// a distribution").
public enum PathPattern {
    public static func matches(pattern: String, path: String) -> Bool {
        let p = Array(normalize(pattern).unicodeScalars)
        let s = Array(normalize(path).unicodeScalars)
        // Iterative wildcard matching with backtracking to the last `*`: linear space, no recursion.
        var pi = 0, si = 0
        var star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] {
                pi += 1
                si += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = si
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                si = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    private static func normalize(_ text: String) -> String {
        text.hasPrefix("/") ? text : "/" + text
    }
}
