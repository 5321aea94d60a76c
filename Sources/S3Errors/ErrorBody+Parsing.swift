extension ErrorBody {
    /// S3 error bodies are a few hundred bytes (the largest, SignatureDoesNotMatch with its hex
    /// dumps, stays under 4 KB), so 1 MiB leaves room for pasted headers and refuses a download
    /// that was saved by mistake before libxml2 sees it.
    public static let maximumBytes = 1 << 20

    /// Reads a body as pasted: optional HTTP status line and headers (raw, `curl -i`, `curl -v`),
    /// UTF-8 or UTF-16 with a BOM. Throws only for input that cannot be read; input that can be
    /// read but is not an error body comes back as `.notAnError` with the reason.
    public static func parse(_ bytes: [UInt8]) throws(ErrorBodyFailure) -> ErrorBody {
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: maximumBytes) }
        let text = String(decoding: try BodyText.utf8(from: bytes), as: UTF8.self)
        guard !text.trimmingWhitespace().isEmpty else { throw .empty }

        let (head, rawBody, headLines) = HTTPResponseHead.split(text)
        // libxml2 wants the XML declaration at the very start; pasted bodies often begin with blank
        // lines. Dropping them shifts positions, so count them back in.
        let leading = rawBody.prefix(while: { $0.isWhitespace })
        let body = String(rawBody.dropFirst(leading.count))
        let lineOffset = headLines + leading.count(where: { $0 == "\n" || $0 == "\r\n" })

        if body.trimmingWhitespace().isEmpty {
            return ErrorBody(kind: .notAnError, fields: [], head: head,
                             notAnErrorReason: "the response has a status line and headers but no body")
        }
        if CloudFrontHTMLPage.looksLikeHTML(body) {
            if let page = CloudFrontHTMLPage.recognise(body) {
                return ErrorBody(kind: .cloudFrontHTMLPage, fields: [], head: head, htmlPage: page)
            }
            return ErrorBody(kind: .notAnError, fields: [], head: head,
                             notAnErrorReason: "an HTML page, but not CloudFront's error page and not an S3 XML error")
        }
        guard body.hasPrefix("<") else {
            return ErrorBody(kind: .notAnError, fields: [], head: head,
                             notAnErrorReason: "plain text, not XML: S3 and CloudFront send <Error> documents")
        }
        // Refused before libxml2 parses anything: the DTD is never read (SafeXML refuses it again).
        if let line = doctypeLine(body) { throw .doctypeNotAllowed(line: line + lineOffset) }
        let root: SafeXML.Root
        do { root = try SafeXML.parse(Array(body.utf8)) } catch { throw error.shifted(by: lineOffset) }
        guard root.name == "Error" else {
            return ErrorBody(kind: .notAnError, fields: [], head: head,
                             notAnErrorReason: "the XML root is <\(root.name)>, not <Error>")
        }
        let fields = root.children.map { Field(name: $0.name, value: $0.text.trimmingWhitespace(), line: $0.line + lineOffset) }
        var parsed = ErrorBody(kind: .s3Error, fields: fields, head: head)
        if parsed.isCloudFrontGenerated { parsed.kind = .cloudFrontError }
        return parsed
    }

    /// CloudFront's own XML errors carry no RequestId/HostId (S3 always sends both) and come with
    /// `Server: CloudFront` and no `x-amz-request-id` (docs/aws-facts.md #11 has the captured
    /// MissingKey response). Without headers they are recognised by their text: MissingKey, and
    /// the messages the CloudFront signed-URL troubleshooting page lists ("Missing Key-Pair-Id
    /// query parameter or cookie value", "Unknown Key"; repost.aws knowledge-center
    /// cloudfront-troubleshoot-signed-url-cookies). ASSUMPTION, not verified against a capture:
    /// a bare AccessDenied "Access denied" (lower-case d) without RequestId/HostId is CloudFront's
    /// key-group refusal; S3 writes "Access Denied".
    var isCloudFrontGenerated: Bool {
        if code == "MissingKey" { return true }
        if let head {
            let server = head.header("Server")?.lowercased() ?? ""
            return server == "cloudfront" && head.header("x-amz-request-id") == nil
        }
        guard value("RequestId") == nil, value("HostId") == nil else { return false }
        let knownMessages = ["Missing Key-Pair-Id query parameter or cookie value", "Unknown Key", "Access denied",
                             "Malformed Policy", "Could not unencode Signature"]
        // Signed-URL codes only CloudFront sends without RequestId/HostId (docs/aws-facts.md #23).
        let knownCodes = ["InvalidKey", "MalformedPolicy", "MalformedSignature"]
        return knownMessages.contains(message ?? "") || knownCodes.contains(code ?? "")
    }

    /// The line of a `<!DOCTYPE` before the root element, if any.
    static func doctypeLine(_ body: String) -> Int? {
        let bytes = Array(body.utf8)
        let marker = Array("<!DOCTYPE".utf8)
        guard bytes.count >= marker.count else { return nil }
        var line = 1
        for index in 0...(bytes.count - marker.count) {
            if bytes[index] == 0x0A { line += 1 }
            if bytes[index] == 0x3C, bytes[index + 1] != 0x3F, bytes[index + 1] != 0x21 {
                return nil  // the root element started first: a later "<!DOCTYPE" is not a prolog
            }
            if bytes[index..<(index + marker.count)].elementsEqual(marker) { return line }
        }
        return nil
    }
}
