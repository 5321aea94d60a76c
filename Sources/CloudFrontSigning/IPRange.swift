/// An `AWS:SourceIp` value: an IPv4 or IPv6 address with an optional CIDR prefix length.
public struct IPRange: Sendable, Equatable, CustomStringConvertible {
    public var address: [UInt8]
    public var prefixLength: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = Self.ipv4(parts[0]) ?? Self.ipv6(parts[0]) else { return nil }
        let maximum = address.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...maximum).contains(length), parts[1].allSatisfy(\.isNumber) else { return nil }
            prefixLength = length
        } else {
            prefixLength = maximum
        }
        self.address = address
    }

    public var isIPv6: Bool { address.count == 16 }

    /// How many addresses the range admits, as text (an IPv6 /0 does not fit in an integer).
    public var sizeDescription: String {
        let hostBits = address.count * 8 - prefixLength
        if hostBits == 0 { return "exactly one address" }
        if hostBits < 63 { return "\(1 << hostBits) addresses" }
        return "2^\(hostBits) addresses"
    }

    public var description: String {
        if isIPv6 {
            var groups = [String]()
            for index in stride(from: 0, to: 16, by: 2) {
                groups.append(String(UInt16(address[index]) << 8 | UInt16(address[index + 1]), radix: 16))
            }
            return groups.joined(separator: ":") + "/\(prefixLength)"
        }
        return address.map(String.init).joined(separator: ".") + "/\(prefixLength)"
    }

    /// Whether `other` (a single address) falls inside this range.
    public func contains(_ other: IPRange) -> Bool {
        guard other.address.count == address.count else { return false }
        var bits = prefixLength
        for index in address.indices where bits > 0 {
            let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if address[index] & mask != other.address[index] & mask { return false }
            bits -= 8
        }
        return true
    }

    private static func ipv4(_ text: Substring) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes = [UInt8]()
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII), octet.allSatisfy(\.isNumber),
                  let value = UInt8(octet) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func ipv6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        func groups(_ part: Substring) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out = [UInt16]()
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                out.append(value)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

extension Substring {
    /// Splits at the first `::` (IPv6 zero-run shorthand); a second `::` yields three parts.
    fileprivate func components(separatedByDoubleColon _: ()) -> [Substring] {
        var parts = [Substring]()
        var rest = self[...]
        while let range = rest.firstRange(of: "::") {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
