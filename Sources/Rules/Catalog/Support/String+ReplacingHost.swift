extension String {
    func replacingHost(with host: String) -> String {
        guard let schemeEnd = self.firstRange(of: "://") else { return self }
        let rest = self[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        return String(self[..<schemeEnd.upperBound]) + host + rest[hostEnd...]
    }
}
