import Documents

/// A CloudFront policy statement: the exact bytes that are signed, and what they say.
public struct CloudFrontPolicy: Sendable, Equatable {
    /// What is wrong with the policy's form (CFD703); the policy may still verify.
    public struct Problem: Sendable, Equatable {
        public var message: String
    }

    public var bytes: [UInt8]
    public var resource: String?
    public var dateLessThan: Int64?
    public var dateGreaterThan: Int64?
    public var sourceIP: String?
    public var problems: [Problem] = []

    /// Larger policies are refused as input: CloudFront refuses a whole request over 20,480 bytes
    /// (docs/aws-facts.md #10), so a bigger policy is a mistake, not a policy.
    public static let maximumBytes = 20_480

    /// Epoch values this large are milliseconds: CloudFront wants seconds, as a 32-bit integer no
    /// later than 2147483647 (docs/aws-facts.md #19).
    static let millisecondsThreshold: Int64 = 100_000_000_000
    public static let latestEpoch: Int64 = 2_147_483_647

    public var text: String? { String(validating: bytes, as: UTF8.self) }

    /// The canned policy CloudFront rebuilds from the URL and `Expires` and verifies the signature
    /// over: `{"Statement":[{"Resource":"URL","Condition":{"DateLessThan":{"AWS:EpochTime":N}}}]}`,
    /// no whitespace. The resource is escaped as Python's `json.dumps` does (botocore builds it so).
    public static func canned(resource: String, expires: String) -> [UInt8] {
        Array(("{\"Statement\":[{\"Resource\":" + jsonString(resource)
            + ",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}").utf8)
    }

    /// A custom policy in botocore's `build_policy` form (key order DateLessThan, IpAddress,
    /// DateGreaterThan; a bare IP gets `/32`).
    public static func custom(resource: String, dateLessThan: Int64, dateGreaterThan: Int64? = nil,
                              sourceIP: String? = nil) -> [UInt8] {
        var condition = "\"DateLessThan\":{\"AWS:EpochTime\":\(dateLessThan)}"
        if var ip = sourceIP {
            if !ip.contains("/") { ip += "/32" }
            condition += ",\"IpAddress\":{\"AWS:SourceIp\":" + jsonString(ip) + "}"
        }
        if let dateGreaterThan { condition += ",\"DateGreaterThan\":{\"AWS:EpochTime\":\(dateGreaterThan)}" }
        return Array(("{\"Statement\":[{\"Resource\":" + jsonString(resource) + ",\"Condition\":{" + condition + "}}]}").utf8)
    }

    /// Python `json.dumps(ensure_ascii=True)` string escaping: `"` `\` and control characters
    /// escaped, everything outside ASCII as `\uXXXX` (UTF-16, surrogate pairs above U+FFFF).
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }

    /// Parses a policy statement with the project's JSON reader. Never throws for a bad policy:
    /// what CloudFront would answer `MalformedPolicy` to becomes a problem the doctor reports.
    public static func parse(_ bytes: [UInt8]) -> CloudFrontPolicy {
        var policy = CloudFrontPolicy(bytes: bytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            policy.problems.append(Problem(message: "the policy is not UTF-8 text"))
            return policy
        }
        let root: DocNode
        do {
            root = try JSONReader.parse(text, file: "Policy")
        } catch {
            let position = error.line.map { " (line \($0), column \(error.column ?? 0))" } ?? ""
            policy.problems.append(Problem(message: "the policy is not JSON: \(error.message)\(position)"))
            return policy
        }
        policy.read(root)
        return policy
    }

    private mutating func read(_ root: DocNode) {
        guard let members = root.members else {
            problems.append(Problem(message: "the policy is \(root.kindName), not a JSON object"))
            return
        }
        for member in members where member.key != "Statement" {
            problems.append(Problem(message: "unknown top-level key \"\(member.key)\" (only \"Statement\" is allowed)"))
        }
        guard let statements = root["Statement"]?.elements else {
            problems.append(Problem(message: "\"Statement\" is missing or not an array"))
            return
        }
        guard statements.count == 1, let statement = statements.first, let fields = statement.members else {
            problems.append(Problem(message: "\"Statement\" holds \(statements.count) entries; CloudFront allows exactly one statement object"))
            return
        }
        for field in fields where field.key != "Resource" && field.key != "Condition" {
            problems.append(Problem(message: "unknown statement key \"\(field.key)\" (only \"Resource\" and \"Condition\" are allowed)"))
        }
        if let node = statement["Resource"] {
            if let value = node.string { resource = value } else {
                problems.append(Problem(message: "\"Resource\" is \(node.kindName), not a string"))
            }
        }
        guard let condition = statement["Condition"], let conditions = condition.members else {
            problems.append(Problem(message: "\"Condition\" is missing: DateLessThan is required"))
            return
        }
        for entry in conditions {
            switch entry.key {
            case "DateLessThan": dateLessThan = epoch(entry.value, name: "DateLessThan")
            case "DateGreaterThan": dateGreaterThan = epoch(entry.value, name: "DateGreaterThan")
            case "IpAddress": sourceIP = ipAddress(entry.value)
            default:
                problems.append(Problem(message: "unknown condition \"\(entry.key)\" (CloudFront knows DateLessThan, DateGreaterThan and IpAddress)"))
            }
        }
        if condition["DateLessThan"] == nil {
            problems.append(Problem(message: "DateLessThan is missing; it is the one required condition"))
        }
    }

    private mutating func epoch(_ node: DocNode, name: String) -> Int64? {
        guard let value = node["AWS:EpochTime"] else {
            problems.append(Problem(message: "\(name) has no \"AWS:EpochTime\""))
            return nil
        }
        switch value.value {
        case .number(let digits):
            guard let seconds = Int64(digits) else {
                problems.append(Problem(message: "\(name) \(digits) is not a whole number of seconds"))
                return nil
            }
            if seconds >= Self.millisecondsThreshold {
                problems.append(Problem(message: "\(name) \(seconds) is in milliseconds; CloudFront wants Unix time in seconds (\(seconds / 1000))"))
            } else if seconds > Self.latestEpoch || seconds < 0 {
                problems.append(Problem(message: "\(name) \(seconds) is outside 0…2147483647, the 32-bit range CloudFront accepts"))
            }
            return seconds
        case .string(let text):
            problems.append(Problem(message: "\(name) is the string \"\(text)\"; the value must be a number, not in quotation marks"))
            return Int64(text)
        default:
            problems.append(Problem(message: "\(name) \"AWS:EpochTime\" is \(value.kindName), not a number"))
            return nil
        }
    }

    private mutating func ipAddress(_ node: DocNode) -> String? {
        guard let value = node["AWS:SourceIp"]?.string else {
            problems.append(Problem(message: "IpAddress has no \"AWS:SourceIp\" string"))
            return nil
        }
        if IPRange(value) == nil {
            problems.append(Problem(message: "IpAddress \"\(value)\" is not an IPv4 or IPv6 address or CIDR range"))
        }
        return value
    }
}

extension CloudFrontPolicy {
    /// The policy with JSON whitespace outside strings removed ("Remove all whitespace (including
    /// tabs and newline characters) from the policy statement"), everything else byte for byte.
    public static func compacted(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "\""): inString = true; out.append(byte)
            default: out.append(byte)
            }
        }
        // A UTF-8 byte-order mark is not part of the statement.
        if out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }
        return out
    }
}
