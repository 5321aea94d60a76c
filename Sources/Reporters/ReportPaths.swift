/// File names as CI formats want them: relative to the working directory (where the CI checkout
/// is), with `/` separators.
enum ReportPaths {
    /// The path relative to `directory` when it lies inside it; otherwise as given. nil for
    /// standard input, which has no file to point at.
    static func relative(_ path: String, to directory: String) -> String? {
        guard path != "<stdin>", !path.isEmpty else { return nil }
        var relative = path
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if relative.hasPrefix(base) { relative.removeFirst(base.count) }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative
    }

    /// A SARIF `artifactLocation.uri`: the relative path as a URI reference (RFC 3986), so
    /// spaces and `%` in file names stay one path. Absolute paths become `file://` URIs.
    static func uri(_ path: String, relativeTo directory: String) -> String? {
        guard let relative = relative(path, to: directory) else { return nil }
        var out = ""
        for byte in relative.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return relative.hasPrefix("/") ? "file://" + out : out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
