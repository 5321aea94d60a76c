import Documents

/// A CloudFront key group: its ID (what a behavior's `TrustedKeyGroups.Items` lists) and the IDs
/// of its public keys (what a signed URL's `Key-Pair-Id` must be one of).
public struct CloudFrontKeyGroup: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var publicKeyIDs: [String]

    public init(id: String, name: String? = nil, publicKeyIDs: [String]) {
        self.id = id
        self.name = name
        self.publicKeyIDs = publicKeyIDs
    }

    /// Reads the JSON of `aws cloudfront get-key-group` (`{"KeyGroup":{"Id","KeyGroupConfig":{"Items"}}}`)
    /// or `list-key-groups` (`{"KeyGroupList":{"Items":[{"KeyGroup":{…}}]}}`) (botocore 1.43.11 shapes).
    public static func load(_ bytes: [UInt8], file: String) throws(CloudFrontSigningError) -> [CloudFrontKeyGroup] {
        let root: DocNode
        do { root = try JSONReader.parse(try SourceText.decode(bytes, file: file, maximumBytes: 16 << 20), file: file) } catch {
            throw CloudFrontSigningError(file: file, "\(error.line.map { "\($0):\(error.column ?? 0): " } ?? "")\(error.message)")
        }
        var nodes = [DocNode]()
        if let group = root["KeyGroup"] {
            nodes.append(group)
        } else if let items = root["KeyGroupList"]?["Items"]?.elements {
            nodes += items.compactMap { $0["KeyGroup"] }
        }
        guard !nodes.isEmpty else {
            throw CloudFrontSigningError(file: file, "no KeyGroup found; expected the JSON of aws cloudfront get-key-group or list-key-groups")
        }
        var groups = [CloudFrontKeyGroup]()
        for node in nodes {
            guard let id = node["Id"]?.string else {
                throw CloudFrontSigningError(file: file, "\(node.line):\(node.column): a KeyGroup without an Id")
            }
            let config = node["KeyGroupConfig"]
            let items = config?["Items"]?.elements?.compactMap(\.string) ?? []
            groups.append(CloudFrontKeyGroup(id: id, name: config?["Name"]?.string, publicKeyIDs: items))
        }
        return groups
    }
}
