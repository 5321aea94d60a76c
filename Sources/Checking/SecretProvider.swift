#if canImport(Glibc)
import Glibc
#endif

/// Where secret access keys come from. Never an argument: that would land in shell history and
/// process listings. The key is used for HMAC and never printed.
public protocol SecretProvider: Sendable {
    /// The secret held by `variable`, nil when unset or empty.
    func secret(named variable: String) -> String?
}

/// The process environment.
public struct EnvironmentSecrets: SecretProvider {
    public init() {}

    public func secret(named variable: String) -> String? {
        guard let value = getenv(variable) else { return nil }
        let key = String(cString: value)
        return key.isEmpty ? nil : key
    }
}

/// Fixed secrets, for tests and embedding.
public struct FixedSecrets: SecretProvider {
    public var secrets: [String: String]
    public init(_ secrets: [String: String]) { self.secrets = secrets }
    public func secret(named variable: String) -> String? { secrets[variable].flatMap { $0.isEmpty ? nil : $0 } }
}
