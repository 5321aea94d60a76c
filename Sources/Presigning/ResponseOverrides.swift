/// The `response-*` query parameters of a GET: S3 answers with these header values instead of
/// the object's stored metadata (S3 API Reference, GetObject, "Overriding response header
/// values through the request"). They are part of the signed query, so a viewer cannot change them.
///
/// Behind CloudFront they must also reach S3: managed `AllViewer*` origin request policies drop
/// `response-content-*` for S3 origins (cfdoctor rule CFD306).
public struct ResponseOverrides: Sendable, Equatable {
    /// `response-cache-control`.
    public var cacheControl: String?
    /// `response-content-disposition`, e.g. `attachment; filename="report.pdf"`.
    public var contentDisposition: String?
    /// `response-content-encoding`.
    public var contentEncoding: String?
    /// `response-content-language`.
    public var contentLanguage: String?
    /// `response-content-type`.
    public var contentType: String?

    /// No overrides unless given.
    public init(cacheControl: String? = nil, contentDisposition: String? = nil, contentEncoding: String? = nil,
                contentLanguage: String? = nil, contentType: String? = nil) {
        self.cacheControl = cacheControl
        self.contentDisposition = contentDisposition
        self.contentEncoding = contentEncoding
        self.contentLanguage = contentLanguage
        self.contentType = contentType
    }

    /// True when no override is set.
    public var isEmpty: Bool { parameters.isEmpty }

    /// Name and value pairs in the order of botocore's GetObject model (which is also the order
    /// its `generate_presigned_url` writes them when given in that order).
    public var parameters: [(name: String, value: String)] {
        [("response-cache-control", cacheControl), ("response-content-disposition", contentDisposition),
         ("response-content-encoding", contentEncoding), ("response-content-language", contentLanguage),
         ("response-content-type", contentType)]
            .compactMap { name, value in value.map { (name, $0) } }
    }
}
