import Checking
import CloudFrontModel

extension TextReporter {
    /// The simulated request: what CloudFront sends to S3 for one URL.
    func trace(_ trace: TraceView) -> String {
        var out = style.bold("Simulated request") + " " + trace.url + "\n"
        out += "  distribution \(trace.distribution) → behavior \(trace.behavior)"
        if let group = trace.originGroup { out += " → origin group \(group)" }
        if let origin = trace.origin {
            out += " → origin \(origin.id) (\(originKind(origin)))"
        }
        out += "\n"
        out += "  CloudFront → S3:\n"
        out += "    GET \(trace.originPath)\n"
        var hostLine = "    Host: \(trace.originHost)"
        if trace.hostForwardedFromViewer { hostLine += "  (viewer Host forwarded)" }
        if let signed = trace.signedHost {
            hostLine += signed == trace.originHost ? "  " + style.green("✓ the host the URL was signed for")
                : "  " + style.red("✗ the URL was signed for \(signed)")
        }
        out += hostLine + "\n"
        for header in trace.addedHeaders {
            out += "    \(header.name): \(header.value)  " + style.dim("(\(header.reason))") + "\n"
        }
        var queryLine = "    query: \(trace.forwardedCount) of \(trace.parameterCount) parameters forwarded"
        if !trace.dropped.isEmpty { queryLine += "; " + style.red("dropped: " + trace.dropped.joined(separator: ", ")) }
        if trace.undecided > 0 { queryLine += "; \(trace.undecided) undecided (unknown policy)" }
        out += queryLine + "\n"
        switch trace.signature {
        case nil: break
        case .verifies:
            out += "  signature: " + style.green("✓ verifies for the request S3 receives") + "\n"
        case .unknownSignedHeaders(let names):
            out += "  signature: not verifiable (signed headers \(names.joined(separator: ", ")) unknown)\n"
        case .mismatch(let signedFor, let canonical):
            out += "  signature: " + style.red("✗ S3 answers SignatureDoesNotMatch") + "\n"
            if let signed = signedFor {
                out += "    signed for: Host \(signed.host), path \(signed.rawPath) (\(signed.label))\n"
            }
            if let canonical {
                out += "    canonical request S3 computes:\n"
                out += canonical.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "      " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        if let settings = trace.cacheSettings, let ttl = trace.ttl {
            out += "  cache: \(settings); TTL min \(ttl.minimum) / default \(ttl.default) / max \(ttl.maximum) s\n"
        }
        return out
    }

    private func originKind(_ origin: Origin) -> String {
        var kind: String
        switch origin.kind {
        case .s3(let oai): kind = oai == nil ? "S3 origin" : "S3 origin with OAI"
        case .custom: kind = "custom origin"
        case .vpc: kind = "VPC origin"
        case .unknown: kind = "origin"
        }
        if origin.originAccessControlId != nil { kind += " with OAC" }
        return "\(origin.domainName), \(kind)"
    }
}
