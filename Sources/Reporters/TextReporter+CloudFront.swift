import CloudFrontSigning

extension TextReporter {
    /// `url`'s "CloudFront signature" block: the decoded policy, times in UTC with time left, the
    /// key pair ID's kind and whether the signature verifies with the given public key.
    func cloudFront(_ decoded: CloudFrontDecoded) -> String {
        var out = "\n" + style.bold("CloudFront signature") + "\n"
        for (label, value) in decoded.rows {
            var shown = value
            if label == "signature" {
                shown = value.hasPrefix("valid") ? style.green("✓ " + value)
                    : value.hasPrefix("does not verify") ? style.red("✗ " + value) : value
            } else if label == "expires", (decoded.secondsLeft ?? 1) <= 0 {
                shown = style.red(value)
            }
            out += "  " + label.padding(to: 15) + shown + "\n"
        }
        if let policy = decoded.policy {
            out += "  policy" + (decoded.policyType == "canned" ? " (rebuilt by CloudFront from the URL and Expires)" : "") + ":\n"
            out += layout.indent(policy, by: 4)
        }
        return out
    }
}
