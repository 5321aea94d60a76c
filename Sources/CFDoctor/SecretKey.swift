#if canImport(Glibc)
import Glibc
#endif

/// The secret access key comes from the environment only: an argument would land in shell
/// history and process listings. It is used for HMAC and never printed.
enum SecretKey {
    static func read(from variable: String) -> String? {
        guard let value = getenv(variable) else { return nil }
        let key = String(cString: value)
        return key.isEmpty ? nil : key
    }
}
