/// A custom policy's `Resource`: "`*` matches zero or more characters, `?` matches exactly one
/// character, anywhere in the string" (Developer Guide, custom policy values; docs/aws-facts.md #19).
/// Matching is over the URL as written, case-sensitive, scheme and query string included.
public enum WildcardResource {
    public static func matches(_ pattern: String, _ url: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let s = Array(url.unicodeScalars)
        var pi = 0, si = 0
        var star = -1, resume = 0
        while si < s.count {
            if pi < p.count, p[pi] == "*" {
                star = pi
                resume = si
                pi += 1
            } else if pi < p.count, p[pi] == "?" || p[pi] == s[si] {
                pi += 1
                si += 1
            } else if star >= 0 {
                // Backtrack: let the last `*` swallow one more character.
                pi = star + 1
                resume += 1
                si = resume
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
