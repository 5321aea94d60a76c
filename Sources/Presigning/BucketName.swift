/// S3 general purpose bucket naming rules (S3 User Guide, "General purpose bucket naming rules",
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), and whether a
/// name can be the first label of a virtual-hosted HTTPS host.
enum BucketName {
    /// Why `name` is not a valid bucket name; nil when it is.
    static func problem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard (3...63).contains(bytes.count) else { return "bucket names are 3 to 63 characters long" }
        let allowed = bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        guard allowed else { return "bucket names consist of lower-case letters, digits, dots and hyphens only" }
        let alphanumeric: (UInt8) -> Bool = { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") }
        guard alphanumeric(bytes[0]), alphanumeric(bytes[bytes.count - 1]) else {
            return "bucket names begin and end with a letter or digit"
        }
        guard !name.contains("..") else { return "bucket names do not contain two adjacent dots" }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count == 4, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            return "bucket names are not formatted as an IP address"
        }
        for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] where name.hasPrefix(prefix) {
            return "bucket names do not start with '\(prefix)' (reserved)"
        }
        // -s3alias (access point aliases), --ol-s3 (Object Lambda), .mrap (Multi-Region Access
        // Points); --x-s3 and --table-s3 name directory and table buckets ("Amazon S3 table bucket
        // … naming rules"), which are not general purpose buckets and not presigned this way.
        for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] where name.hasSuffix(suffix) {
            return "bucket names do not end with '\(suffix)' (reserved for access points and other S3 resources)"
        }
        return nil
    }

    /// A dotted name makes `a.b.s3.REGION.amazonaws.com`, which S3's wildcard certificate
    /// (`*.s3.REGION.amazonaws.com`) does not cover: HTTPS clients reject it ("When you use
    /// virtual hosted–style buckets with Secure Sockets Layer (SSL), the SSL wildcard certificate
    /// only matches buckets that don't contain dots", S3 User Guide, VirtualHosting).
    static func isVirtualHostable(_ name: String) -> Bool { !name.contains(".") }
}
