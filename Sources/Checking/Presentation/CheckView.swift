import CloudFrontModel
import EdgeSimulation
import PresignedURLs
import Rules

/// `check`'s own fields: the simulated request of each URL, redacted.
public struct CheckView: Sendable {
    public var traces: [TraceView]
}

/// What CloudFront sends to S3 for one URL, as the trace shows it.
public struct TraceView: Sendable {
    public struct Header: Sendable {
        public var name, value, reason: String
    }

    public enum SignatureState: Sendable {
        case verifies
        case unknownSignedHeaders([String])
        /// S3 answers SignatureDoesNotMatch; where the URL was signed for, when found.
        case mismatch(signedFor: SignatureDiagnosis.Candidate?, canonicalRequest: String?)
    }

    /// The viewer URL, signature and token redacted.
    public var url: String
    public var distribution: String
    public var behavior: String
    public var originGroup: String?
    public var origin: Origin?
    public var originPath: String
    public var originHost: String
    public var hostForwardedFromViewer: Bool
    /// The host the URL was signed for, when known.
    public var signedHost: String?
    public var addedHeaders: [Header]
    public var parameterCount: Int
    public var forwardedCount: Int
    public var dropped: [String]
    public var undecided: Int
    /// nil without a secret key.
    public var signature: SignatureState?
    public var cacheSettings: String?
    public var ttl: TTLs?

    init(_ simulation: Report.Simulation, redaction: Redaction) {
        let request = simulation.request
        url = redaction.scrub(request.url.redacted)
        distribution = simulation.distribution
        behavior = request.behavior.displayName
        originGroup = request.originGroup?.id
        origin = request.origin
        originPath = request.originRawPath
        originHost = request.originHost
        hostForwardedFromViewer = request.hostForwardedFromViewer
        signedHost = request.signedHost.host
        addedHeaders = request.addedHeaders.map {
            Header(name: $0.name, value: redaction.scrub($0.value), reason: $0.reason)
        }
        parameterCount = request.query.count
        forwardedCount = request.query.filter { $0.forwarded == true }.count
        dropped = request.droppedParameters
        undecided = request.query.filter { $0.forwarded == nil }.count
        if let signature = request.signature {
            if signature.receivedVerifies {
                self.signature = .verifies
            } else if !signature.unknownSignedHeaders.isEmpty {
                self.signature = .unknownSignedHeaders(signature.unknownSignedHeaders)
            } else {
                self.signature = .mismatch(signedFor: signature.signedFor,
                                           canonicalRequest: redaction.scrub(signature.receivedCheck.canonicalRequest))
            }
        }
        cacheSettings = request.forwarding?.settingsDescription
        ttl = request.forwarding?.ttl
    }
}

extension Presentation {
    /// `check`'s result, redacted.
    public init(redacting result: CheckResult) {
        let redaction = Redaction(secrets: result.secrets)
        self.init(report: result.report, verdict: result.verdict,
                  subject: .check(CheckView(traces: result.report.simulations.map { TraceView($0, redaction: redaction) })),
                  redaction: redaction)
    }
}
