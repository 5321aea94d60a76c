import Hashing

/// The `-----BEGIN label-----` blocks of a PEM text, with their base64 bodies decoded to DER.
struct PEMBlock: Sendable {
    var label: String
    var der: [UInt8]
    /// A legacy encrypted PEM ("Proc-Type: 4,ENCRYPTED"): the body is ciphertext, `der` is empty.
    var isEncrypted = false

    static let privateLabels: Set = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
                                     "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY"]

    var isPrivate: Bool { Self.privateLabels.contains(label) }

    /// Every block in `text`. Errors never quote the body: it may be a private key.
    static func blocks(in text: String, file: String) throws(CloudFrontSigningError) -> [PEMBlock] {
        var blocks = [PEMBlock]()
        var label: String?
        var body = ""
        var encrypted = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine).trimmingWhitespace()
            if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                guard label == nil else { throw CloudFrontSigningError(file: file, "a PEM block starts inside another one") }
                label = String(line.dropFirst(11).dropLast(5))
                body = ""
                encrypted = false
            } else if line.hasPrefix("-----END "), line.hasSuffix("-----") {
                guard let open = label else { throw CloudFrontSigningError(file: file, "a PEM END line without its BEGIN line") }
                let closing = String(line.dropFirst(9).dropLast(5))
                guard closing == open else {
                    throw CloudFrontSigningError(file: file, "PEM block BEGIN \(open) ends with END \(closing)")
                }
                if encrypted {
                    blocks.append(PEMBlock(label: open, der: [], isEncrypted: true))
                    label = nil
                    continue
                }
                guard let der = standardBase64(body), !der.isEmpty else {
                    throw CloudFrontSigningError(file: file, "the \(open) PEM block is not valid base64")
                }
                blocks.append(PEMBlock(label: open, der: der))
                label = nil
            } else if label != nil {
                // Legacy encrypted PEM headers ("Proc-Type: 4,ENCRYPTED", "DEK-Info: …") are not base64.
                if line.contains(":") {
                    encrypted = true
                } else {
                    body += line
                }
            }
        }
        if let open = label { throw CloudFrontSigningError(file: file, "the \(open) PEM block has no END line (truncated file?)") }
        return blocks
    }

    private static func standardBase64(_ text: String) -> [UInt8]? {
        guard !text.contains("-"), !text.contains("_"), !text.contains("~") else { return nil }
        return CloudFrontBase64.decode(text)?.bytes
    }
}
