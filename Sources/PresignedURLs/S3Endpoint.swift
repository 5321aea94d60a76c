/// What an S3 host name says: bucket (for virtual-hosted hosts), region, form and flags.
///
/// Host forms and their sources: fixtures/README.md → s3-endpoint-forms.md (AWS S3 user guide
/// "Virtual hosting of buckets", "Website endpoints", REST API "Constructing S3 hostnames",
/// botocore 1.43.11 endpoints.json and S3 endpoint rule set).
public struct S3Endpoint: Sendable, Equatable {
    public enum Form: String, Sendable {
        /// `s3.REGION` — the standard regional form.
        case regional
        /// `s3-REGION` — legacy dash form ("we recommend that you do not use this endpoint structure").
        case dashRegional
        /// `s3` — legacy global endpoint; us-east-1 semantics, redirects elsewhere.
        case global
        /// `s3-external-1` — us-east-1 alias.
        case external1
        /// `s3-accelerate` — Transfer Acceleration; no region in the host.
        case accelerate
        /// `s3-website-REGION` / `s3-website.REGION` — serves public content only, no authentication.
        case website
        /// `NAME-ACCOUNT.s3-accesspoint.REGION`.
        case accessPoint
        /// `NAME-ACCOUNT.s3-object-lambda.REGION`.
        case objectLambda
        /// `ALIAS.accesspoint.s3-global` — signed with SigV4A, not SigV4.
        case multiRegionAccessPoint
    }

    public enum Addressing: String, Sendable {
        case virtualHosted = "virtual-hosted"
        case path = "path-style"
    }

    public enum Partition: String, Sendable {
        case aws, awsCN = "aws-cn", awsUSGov = "aws-us-gov"
    }

    /// The host exactly as given, lower-cased.
    public var host: String
    /// Bucket (or access point name) for virtual-hosted hosts; nil for path-style hosts.
    public var bucket: String?
    /// The region named in the host; nil when the host names none (global, accelerate, MRAP).
    public var region: String?
    public var form: Form
    public var addressing: Addressing
    public var dualstack: Bool
    public var fips: Bool
    /// For website endpoints: true for the `s3-website-REGION` (dash) spelling.
    public var websiteDash: Bool
    public var partition: Partition

    /// The region S3 serves this host from: the named one, or us-east-1 for the global and
    /// external-1 endpoints ("Requests made with the legacy global endpoint go to the US East
    /// (N. Virginia) Region by default", S3 user guide, VirtualHosting).
    public var servingRegion: String? {
        if let region { return region }
        switch form {
        case .global, .external1: return "us-east-1"
        default: return nil
        }
    }

    /// A short description for traces: "virtual-hosted, regional (eu-west-1)".
    public var summary: String {
        var parts = [addressing.rawValue]
        switch form {
        case .regional: parts.append("regional")
        case .dashRegional: parts.append("legacy dash-regional")
        case .global: parts.append("legacy global (no region)")
        case .external1: parts.append("s3-external-1 (us-east-1)")
        case .accelerate: parts.append("Transfer Acceleration (no region)")
        case .website: parts.append(websiteDash ? "website endpoint (dash form)" : "website endpoint")
        case .accessPoint: parts.append("access point")
        case .objectLambda: parts.append("Object Lambda access point")
        case .multiRegionAccessPoint: parts.append("Multi-Region Access Point")
        }
        if dualstack { parts.append("dualstack") }
        if fips { parts.append("FIPS") }
        if let region { parts.append(region) }
        return parts.joined(separator: ", ")
    }
}

extension S3Endpoint {
    /// Parses a host name; nil when it is not an S3 host (a CloudFront domain, an ALB, a CNAME).
    public static func parse(host rawHost: String) -> S3Endpoint? {
        // Over the bytes: every check before the label logic is on ASCII, and rules parse each
        // origin's host many times per behavior (generic String.UTF8View algorithms made this the
        // hottest function of a large account's check).
        var utf8 = Array(rawHost.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for i in utf8.indices where utf8[i] &- UInt8(ascii: "A") < 26 { utf8[i] |= 0x20 }
        } else {
            utf8 = Array(rawHost.lowercased().utf8)
        }
        if utf8.last == UInt8(ascii: ".") { utf8.removeLast() }
        if let colon = utf8.lastIndex(of: UInt8(ascii: ":")), !utf8.contains(UInt8(ascii: "]")) {
            utf8.removeSubrange(colon...)
        }
        let host = String(decoding: utf8, as: UTF8.self)
        let partitionSuffix: Partition
        let prefixLength: Int
        if hasSuffix(utf8, ".amazonaws.com.cn") {
            partitionSuffix = .awsCN
            prefixLength = utf8.count - ".amazonaws.com.cn".utf8.count
        } else if hasSuffix(utf8, ".amazonaws.com") {
            partitionSuffix = .aws
            prefixLength = utf8.count - ".amazonaws.com".utf8.count
        } else {
            return nil
        }
        let labels = utf8[..<prefixLength].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard !labels.contains(where: \.isEmpty) else { return nil }
        // The service label is searched from the right: a bucket name may itself contain "s3".
        guard let serviceIndex = labels.lastIndex(where: isServiceLabel) else { return nil }
        let bucketLabels = labels[..<serviceIndex]
        // A service label left of the service label is a mis-built host, not a dotted bucket:
        // botocore pastes the pseudo-region into the regional template and produces
        // `b.s3.s3-external-1.amazonaws.com` ("no such DNS name"; fixtures/presigned quirk vector).
        // Dotted buckets cannot use virtual-hosted HTTPS anyway (S3 user guide, VirtualHosting).
        guard !bucketLabels.contains(where: isServiceLabel) else { return nil }
        let bucket = bucketLabels.isEmpty ? nil : bucketLabels.joined(separator: ".")
        var rest = Array(labels[(serviceIndex + 1)...])
        let service = labels[serviceIndex]

        var endpoint = S3Endpoint(host: host, bucket: bucket, region: nil, form: .regional,
                                  addressing: bucket == nil ? .path : .virtualHosted, dualstack: false, fips: false,
                                  websiteDash: false, partition: partitionSuffix)
        func takeDualstack() {
            if rest.first == "dualstack" { endpoint.dualstack = true; rest.removeFirst() }
        }
        func takeRegion() -> Bool {
            guard rest.count == 1, isRegion(rest[0]) else { return false }
            endpoint.region = rest.removeFirst()
            return true
        }
        switch service {
        case "s3":
            takeDualstack()
            if rest.isEmpty {
                guard !endpoint.dualstack else { return nil }
                endpoint.form = .global
            } else {
                guard takeRegion() else { return nil }
                endpoint.form = .regional
            }
        case "s3-fips":
            endpoint.fips = true
            takeDualstack()
            guard takeRegion() else { return nil }
        case "s3-accelerate":
            endpoint.form = .accelerate
            takeDualstack()
            guard rest.isEmpty, bucket != nil else { return nil }
        case "s3-external-1":
            endpoint.form = .external1
            guard rest.isEmpty else { return nil }
        case "s3-website":
            endpoint.form = .website
            guard takeRegion(), bucket != nil else { return nil }
        case "s3-accesspoint", "s3-accesspoint-fips":
            endpoint.form = .accessPoint
            endpoint.fips = service.hasSuffix("-fips")
            takeDualstack()
            guard takeRegion(), bucket != nil else { return nil }
        case "s3-object-lambda", "s3-object-lambda-fips":
            endpoint.form = .objectLambda
            endpoint.fips = service.hasSuffix("-fips")
            guard takeRegion(), bucket != nil else { return nil }
        case "accesspoint":
            endpoint.form = .multiRegionAccessPoint
            guard rest == ["s3-global"], bucket != nil else { return nil }
            rest.removeAll()
        default:
            if service.hasPrefix("s3-website-") {
                let region = String(service.dropFirst("s3-website-".count))
                guard isRegion(region), rest.isEmpty, bucket != nil else { return nil }
                endpoint.form = .website
                endpoint.websiteDash = true
                endpoint.region = region
            } else if service.hasPrefix("s3-") {
                let region = String(service.dropFirst("s3-".count))
                guard isRegion(region) else { return nil }
                endpoint.form = .dashRegional
                endpoint.region = region
                takeDualstack()
                guard rest.isEmpty else { return nil }
            } else {
                return nil
            }
        }
        guard rest.isEmpty else { return nil }
        if let region = endpoint.region, region.hasPrefix("us-gov-") { endpoint.partition = .awsUSGov }
        if endpoint.form == .multiRegionAccessPoint { endpoint.addressing = .virtualHosted }
        return endpoint
    }

    private static func isServiceLabel(_ label: String) -> Bool {
        label == "s3" || label == "accesspoint" || (label.utf8.starts(with: "s3-".utf8) && label != "s3-global")
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-5`, `us-isob-east-1`.
    static func isRegion(_ label: String) -> Bool {
        // Byte-wise: two letters, then letter groups, then a number, separated by '-'.
        var parts = 0, partLength = 0, firstLength = 0
        var lettersOnly = true, digitsOnly = true, middleOK = true
        for byte in label.utf8 {
            if byte == UInt8(ascii: "-") {
                if parts == 0 { firstLength = partLength }
                if partLength == 0 || !lettersOnly { middleOK = false }
                parts += 1
                partLength = 0
                lettersOnly = true
                digitsOnly = true
                continue
            }
            partLength += 1
            if !isASCIIDigit(byte) { digitsOnly = false }
            if !((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) { lettersOnly = false }
        }
        // `parts` counts the separators; the last part is the one being read.
        return parts >= 2 && firstLength == 2 && middleOK && partLength > 0 && digitsOnly
    }

    private static func hasSuffix(_ utf8: [UInt8], _ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard utf8.count >= length else { return false }
        let start = utf8.count - length
        for i in 0..<length where utf8[start + i] != suffix.utf8Start[i] { return false }
        return true
    }
}

extension String.UTF8View {
    /// Byte-wise suffix test (String.hasSuffix compares Characters, which costs grapheme breaking).
    func hasSuffix(_ suffix: String.UTF8View) -> Bool {
        count >= suffix.count && self[index(endIndex, offsetBy: -suffix.count)...].elementsEqual(suffix)
    }
}
