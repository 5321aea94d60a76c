import PresignedURLs

/// Which URLs the secret key in the environment may verify, and what the report says about it
/// (issue 8 §1). The key is used only where it can belong: when `AWS_ACCESS_KEY_ID` is set and
/// names another key than a URL's X-Amz-Credential, verifying would report a mismatch that proves
/// nothing, so that URL is not verified and a note says why and how. The notes name the variable,
/// never its value.
struct SecretKeyChoice {
    var secret: String?
    /// URLs (as given) the secret must not verify.
    var notFor: Set<String> = []
    var notes: [String] = []

    static let accessKeyVariable = "AWS_ACCESS_KEY_ID"

    init(variable: String, urls: [PresignedURL], secrets: any SecretProvider) {
        secret = urls.isEmpty ? nil : secrets.secret(named: variable)
        guard secret != nil else { return }
        // The key ID that goes with the default secret variable; a named variable is the user's choice.
        let keyID = variable == "AWS_SECRET_ACCESS_KEY" ? secrets.secret(named: Self.accessKeyVariable) : nil
        var verified = 0
        for url in urls {
            let urlKeyID: String? = switch QueryAuth(url) {
            case .sigV4(let query): query.credential?.accessKeyId
            case .sigV2(let query): query.accessKeyId
            case .none: nil
            }
            if let keyID, let urlKeyID, keyID != urlKeyID {
                notFor.insert(url.original)
                notes.append("Not verified: $\(variable) holds the secret of $\(Self.accessKeyVariable)'s key \(keyID), but "
                    + "\(url.host)\(url.rawPath) was signed with access key \(urlKeyID). To verify it, put that key's secret "
                    + "in a variable of its own and pass --secret-key-env NAME.")
            } else {
                verified += 1
            }
        }
        if verified > 0 {
            notes.insert("Signatures verified with the secret key from $\(variable) (its value is never printed).", at: 0)
        }
        if verified == 0 { secret = nil }
    }
}
