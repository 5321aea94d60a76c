import CloudFrontModel
import PresignedURLs

/// What CloudFront does with one viewer URL, and what S3 then receives.
public struct SimulatedRequest: Sendable {
    /// Where the URL's signature was computed for.
    public enum SignedHost: Sendable, Equatable {
        /// The URL itself carries an S3 host: that is the host that was signed.
        case known(String)
        /// Found by verifying the signature with the secret key against candidate hosts.
        case verified(String)
        /// A CloudFront or custom domain: the signed host cannot be read from the URL.
        case unknown

        public var host: String? {
            switch self {
            case .known(let host), .verified(let host): host
            case .unknown: nil
            }
        }
    }

    public struct QueryDecision: Sendable {
        public var name: String
        public var value: String
        /// nil when a policy is unknown and cfdoctor cannot decide.
        public var forwarded: Bool?
        public var inCacheKey: Bool?
    }

    public struct AddedHeader: Sendable {
        public var name: String
        public var value: String
        public var reason: String
    }

    public var url: PresignedURL
    public var auth: QueryAuth
    public var behaviorIndex: Int
    public var behavior: Behavior
    /// The origin the request goes to (the primary member when the behavior targets a group).
    public var origin: Origin?
    public var originGroup: OriginGroup?
    public var forwarding: Forwarding?
    public var signedHost: SignedHost

    /// The Host header S3 receives.
    public var originHost: String
    public var hostForwardedFromViewer: Bool
    /// The path S3 receives, still percent-encoded: OriginPath + viewer path.
    public var originRawPath: String
    public var query: [QueryDecision]
    public var addedHeaders: [AddedHeader]
    /// Set when a secret key was available: whether the signature verifies as S3 receives it.
    public var signature: SignatureDiagnosis?

    /// The Host S3 receives when the viewer's Host is forwarded but the input does not say what it
    /// is (an S3 URL checked against `get-distribution-config`, which has no DomainName).
    public static let unknownViewerHost = "(the viewer's Host: the export has no DomainName)"

    /// True when S3 receives a Host cfdoctor cannot know (`unknownViewerHost`).
    public var originHostUnknown: Bool { originHost == Self.unknownViewerHost }

    /// The S3 endpoint of the origin's host, if it is one.
    public var originEndpoint: S3Endpoint? { S3Endpoint.parse(host: originHost) }

    /// The query parameters S3 receives (undecidable ones assumed forwarded).
    public var forwardedParameters: [(name: String, value: String)] {
        query.filter { $0.forwarded != false }.map { ($0.name, $0.value) }
    }

    public var droppedParameters: [String] {
        query.filter { $0.forwarded == false }.map(\.name)
    }
}
