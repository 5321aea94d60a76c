/// A GET as S3 receives it: after CloudFront's changes when simulated, or the URL as it stands.
public struct ReceivedRequest: Sendable {
    public var host: String
    /// The path on the wire, still percent-encoded.
    public var rawPath: String
    /// Query parameters, decoded, in the order received.
    public var parameters: [(name: String, value: String)]
    /// Request headers besides Host (lower-cased names), e.g. `x-amz-cf-id` added by CloudFront.
    public var headers: [String: String]

    public init(host: String, rawPath: String, parameters: [(name: String, value: String)],
                headers: [String: String] = [:]) {
        self.host = host
        self.rawPath = rawPath
        self.parameters = parameters
        self.headers = headers
    }

    /// The URL sent straight to S3.
    public init(_ url: PresignedURL) {
        self.init(host: url.host + (url.port.map { ":\($0)" } ?? ""), rawPath: String(url.rawPath),
                  parameters: url.parameters.map { ($0.name, $0.value) })
    }
}
