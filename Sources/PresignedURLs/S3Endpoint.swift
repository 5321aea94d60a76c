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
        // Over the bytes, labels as offsets: every check before the label logic is on ASCII, and
        // rules parse each origin's host many times per behavior (generic String.UTF8View
        // algorithms made this the hottest function of a large account's check), and a String
        // per label and an array per step were a twelfth of a SigV4 verification (bench/VerifyBench).
        let host = isASCII(rawHost) ? rawHost : rawHost.lowercased()
        var contiguous = host
        return contiguous.withUTF8 { source in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(source.count, 1)) { lowered in
                var changed = false
                for index in source.indices {
                    let byte = source[index]
                    let lower = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                    changed = changed || lower != byte
                    lowered[index] = lower
                }
                let bytes = UnsafeBufferPointer(rebasing: lowered[..<source.count])
                return parse(lowerCased: bytes, unchanged: changed ? nil : host)
            }
        }
    }

    /// `bytes` are the lower-cased host; `unchanged` is the host as a String when the bytes are its UTF-8.
    private static func parse(lowerCased bytes: UnsafeBufferPointer<UInt8>, unchanged: String?) -> S3Endpoint? {
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        if let colon = (0..<end).last(where: { bytes[$0] == UInt8(ascii: ":") }),
           !(0..<end).contains(where: { bytes[$0] == UInt8(ascii: "]") }) {
            end = colon
        }
        let name = UnsafeBufferPointer(rebasing: bytes[..<end])
        let partitionSuffix: Partition
        let prefixLength: Int
        if hasSuffix(name, ".amazonaws.com.cn") {
            partitionSuffix = .awsCN
            prefixLength = end - ".amazonaws.com.cn".utf8.count
        } else if hasSuffix(name, ".amazonaws.com") {
            partitionSuffix = .aws
            prefixLength = end - ".amazonaws.com".utf8.count
        } else {
            return nil
        }
        let dots = (0..<prefixLength).reduce(0) { $0 + (bytes[$1] == UInt8(ascii: ".") ? 1 : 0) }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: dots + 1) { labelBuffer -> S3Endpoint? in
            var labelCount = 0, start = 0
            for index in 0...prefixLength where index == prefixLength || bytes[index] == UInt8(ascii: ".") {
                labelBuffer.initializeElement(at: labelCount, to: start..<index)
                labelCount += 1
                start = index + 1
            }
            let labels = UnsafeBufferPointer(rebasing: labelBuffer[..<labelCount])
            func label(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[labels[index]]) }
            func text(_ index: Int) -> String { String(decoding: label(index), as: UTF8.self) }
            guard !labels.contains(where: { $0.isEmpty }) else { return nil }
            // The service label is searched from the right: a bucket name may itself contain "s3".
            guard let serviceIndex = labels.indices.last(where: { isServiceLabel(label($0)) }) else { return nil }
            // A service label left of the service label is a mis-built host, not a dotted bucket:
            // botocore pastes the pseudo-region into the regional template and produces
            // `b.s3.s3-external-1.amazonaws.com` ("no such DNS name"; fixtures/presigned quirk vector).
            // Dotted buckets cannot use virtual-hosted HTTPS anyway (S3 user guide, VirtualHosting).
            guard !(0..<serviceIndex).contains(where: { isServiceLabel(label($0)) }) else { return nil }
            // The bucket labels joined with '.' are the bytes from the first to the last of them.
            let bucket = serviceIndex == 0 ? nil
                : String(decoding: UnsafeBufferPointer(rebasing: bytes[labels[0].lowerBound..<labels[serviceIndex - 1].upperBound]), as: UTF8.self)
            var rest = (serviceIndex + 1)..<labels.count
            let service = text(serviceIndex)
            let host = end == bytes.count ? unchanged ?? String(decoding: name, as: UTF8.self) : String(decoding: name, as: UTF8.self)

            var endpoint = S3Endpoint(host: host, bucket: bucket, region: nil, form: .regional,
                                      addressing: bucket == nil ? .path : .virtualHosted, dualstack: false, fips: false,
                                      websiteDash: false, partition: partitionSuffix)
            func takeDualstack() {
                if let first = rest.first, label(first).elementsEqual("dualstack".utf8) {
                    endpoint.dualstack = true
                    rest = rest.dropFirst()
                }
            }
            func takeRegion() -> Bool {
                guard rest.count == 1, case let region = text(rest.lowerBound), isRegion(region) else { return false }
                endpoint.region = region
                rest = rest.dropFirst()
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
                guard rest.count == 1, label(rest.lowerBound).elementsEqual("s3-global".utf8), bucket != nil else { return nil }
                rest = rest.dropFirst()
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
    }

    private static func isServiceLabel(_ label: UnsafeBufferPointer<UInt8>) -> Bool {
        label.elementsEqual("s3".utf8) || label.elementsEqual("accesspoint".utf8)
            || (label.starts(with: "s3-".utf8) && !label.elementsEqual("s3-global".utf8))
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

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard bytes.count >= length else { return false }
        let start = bytes.count - length
        for i in 0..<length where bytes[start + i] != suffix.utf8Start[i] { return false }
        return true
    }
}

extension String.UTF8View {
    /// Byte-wise suffix test (String.hasSuffix compares Characters, which costs grapheme breaking).
    func hasSuffix(_ suffix: String.UTF8View) -> Bool {
        count >= suffix.count && self[index(endIndex, offsetBy: -suffix.count)...].elementsEqual(suffix)
    }
}
