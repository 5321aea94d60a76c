import Documents

/// What `cfdoctor url` shows about a CloudFront signed request, ready for any reporter: the
/// fields in display order (text) and the same values as an Encodable document (JSON).
public struct CloudFrontDecoded: Sendable, Encodable {
    public var carrier: String
    public var policyType: String
    public var resource: String?
    public var dateLessThan: String?
    public var dateLessThanEpoch: Int64?
    public var dateGreaterThan: String?
    public var dateGreaterThanEpoch: Int64?
    public var secondsLeft: Int64?
    public var sourceIP: String?
    public var keyPairId: String?
    public var keyPairIdKind: String?
    public var hashAlgorithm: String
    public var signature: String
    public var policy: String?

    public init(_ analysis: CloudFrontAnalysis, now: Int64) {
        let request = analysis.request
        carrier = request.carrier.rawValue
        policyType = request.policy != nil ? "custom" : (request.expires != nil ? "canned" : "none")
        let policy = analysis.policy
        resource = policy?.resource
        dateLessThanEpoch = policy?.dateLessThan
        dateLessThan = policy?.dateLessThan.map(UTCTime.format)
        dateGreaterThanEpoch = policy?.dateGreaterThan
        dateGreaterThan = policy?.dateGreaterThan.map(UTCTime.format)
        secondsLeft = policy?.dateLessThan.map { $0 - now }
        sourceIP = policy?.sourceIP
        keyPairId = request.keyPairID
        keyPairIdKind = request.keyPairIDKind?.rawValue
        hashAlgorithm = request.hashAlgorithm ?? "SHA1 (default)"
        switch analysis.signatureStatus {
        case .valid: signature = "valid" + (analysis.keyID.map { " (public key \($0))" } ?? "")
        case .invalid: signature = "does not verify" + (analysis.keyID.map { " with public key \($0)" } ?? "")
        case .notChecked(let why): signature = "not checked: \(why)"
        }
        self.policy = policy.map(Self.pretty)
    }

    /// (label, value) rows for text output, in the order a reader wants them.
    public var rows: [(String, String)] {
        var rows: [(String, String)] = [("type", "\(carrier), \(policyType) policy")]
        if let resource { rows.append(("resource", resource)) }
        if let dateLessThan, let secondsLeft {
            let left = secondsLeft > 0 ? "valid for \(UTCTime.span(secondsLeft)) more" : "expired \(UTCTime.span(-secondsLeft)) ago"
            rows.append(("expires", "\(dateLessThan) (\(left))"))
        }
        if let dateGreaterThan { rows.append(("not before", dateGreaterThan)) }
        if let sourceIP { rows.append(("viewer IP", sourceIP)) }
        if let keyPairId { rows.append(("key pair id", "\(keyPairId) (\(keyPairIdKind ?? "unrecognised"))")) }
        rows.append(("hash", hashAlgorithm))
        rows.append(("signature", signature))
        return rows
    }

    /// The policy indented two spaces per level, members in their order; raw text if it is not JSON.
    static func pretty(_ policy: CloudFrontPolicy) -> String {
        guard let text = policy.text else { return "(not UTF-8: \(policy.bytes.count) bytes)" }
        guard let root = try? JSONReader.parse(text, file: "Policy") else { return text }
        var out = ""
        render(root, indent: 0, into: &out)
        return out
    }

    private static func render(_ node: DocNode, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch node.value {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += pad + CloudFrontPolicy.jsonString(member.key) + ": "
                render(member.value, indent: indent + 1, into: &out)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += pad
                render(element, indent: indent + 1, into: &out)
                out += index == elements.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .string(let text): out += CloudFrontPolicy.jsonString(text)
        case .number(let digits): out += digits
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .tagged(_, let inner): render(inner, indent: indent, into: &out)
        }
    }
}
