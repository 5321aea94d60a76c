extension PresignedURL {
    /// Query parameters whose values are secrets-in-effect: anyone holding them can use the URL.
    public static let sensitiveParameters: Set<String> = ["X-Amz-Signature", "X-Amz-Security-Token", "Signature", "x-amz-security-token"]

    /// The URL with its signature and session token replaced, safe to paste into a review or a log.
    public var redacted: String {
        guard let queryStart = original.firstIndex(of: "?") else { return original }
        let base = original[..<queryStart]
        var query = original[original.index(after: queryStart)...]
        var fragment = ""
        if let hash = query.firstIndex(of: "#") {
            fragment = String(query[hash...])
            query = query[..<hash]
        }
        let pieces = query.split(separator: "&", omittingEmptySubsequences: false).map { piece -> String in
            let name = piece.split(separator: "=", maxSplits: 1).first.map { PercentEncoding.decode($0).value } ?? ""
            return Self.sensitiveParameters.contains(name) ? "\(piece.split(separator: "=", maxSplits: 1).first ?? "")=REDACTED" : String(piece)
        }
        return base + "?" + pieces.joined(separator: "&") + fragment
    }
}
