import CloudFrontModel
import EdgeSimulation
import PresignedURLs
import Rules

/// The human report: verdict, the simulated request for each URL, then findings per distribution.
struct TextReport {
    var report: Report
    var distributions: [Distribution]
    var style: TerminalStyle

    func render() -> String {
        var out = style.bold(report.verdict) + "\n"
        for simulation in report.simulations {
            out += "\n" + trace(simulation)
        }
        let groups = groupedFindings()
        for (name, findings) in groups {
            out += "\n" + style.bold(name) + "\n"
            for finding in findings { out += render(finding) }
        }
        if !report.notes.isEmpty {
            out += "\n"
            for note in report.notes { out += style.dim("note: " + note) + "\n" }
        }
        out += "\n\(report.count(.error)) error(s), \(report.count(.warning)) warning(s), \(report.count(.info)) info\n"
        return out
    }

    private func groupedFindings() -> [(String, [Finding])] {
        var order = [String]()
        var groups = [String: [Finding]]()
        for finding in report.findings {
            let name = finding.distribution.map { "Distribution \($0)" } ?? "URL"
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(finding)
        }
        return order.map { ($0, groups[$0]!) }
    }

    func render(_ finding: Finding) -> String {
        var out = "  \(style.severity(finding.severity)) \(style.bold(finding.rule.rawValue)) \(finding.name)"
        if finding.confirmed { out += " " + style.bold("[confirmed]") }
        out += "\n"
        if let location = finding.location {
            out += "    at \(location.file):\(location.line):\(location.column) \(style.dim(location.pointer))\n"
        }
        if let behavior = finding.behavior {
            out += "    behavior \(behavior)" + (finding.origin.map { ", origin \($0)" } ?? "") + "\n"
        }
        out += indent(finding.message, by: 4)
        out += indent("fix: " + finding.fix, by: 4)
        for note in finding.notes { out += style.dim(indent("note: " + note, by: 4)) }
        return out
    }

    private func trace(_ simulation: Report.Simulation) -> String {
        let request = simulation.request
        var out = style.bold("Simulated request") + " " + request.url.redacted + "\n"
        out += "  distribution \(simulation.distribution) → behavior \(request.behavior.displayName)"
        if let group = request.originGroup { out += " → origin group \(group.id)" }
        if let origin = request.origin {
            out += " → origin \(origin.id) (\(originKind(origin)))"
        }
        out += "\n"
        out += "  CloudFront → S3:\n"
        out += "    GET \(request.originRawPath)\n"
        var hostLine = "    Host: \(request.originHost)"
        if request.hostForwardedFromViewer { hostLine += "  (viewer Host forwarded)" }
        if let signed = request.signedHost.host {
            hostLine += signed == request.originHost ? "  " + style.green("✓ the host the URL was signed for")
                : "  " + style.red("✗ the URL was signed for \(signed)")
        }
        out += hostLine + "\n"
        for header in request.addedHeaders {
            out += "    \(header.name): \(header.value)  " + style.dim("(\(header.reason))") + "\n"
        }
        let forwarded = request.query.filter { $0.forwarded == true }.count
        let dropped = request.droppedParameters
        let undecided = request.query.filter { $0.forwarded == nil }.count
        var queryLine = "    query: \(forwarded) of \(request.query.count) parameters forwarded"
        if !dropped.isEmpty { queryLine += "; " + style.red("dropped: " + dropped.joined(separator: ", ")) }
        if undecided > 0 { queryLine += "; \(undecided) undecided (unknown policy)" }
        out += queryLine + "\n"
        if let signature = request.signature {
            if signature.receivedVerifies {
                out += "  signature: " + style.green("✓ verifies for the request S3 receives") + "\n"
            } else if !signature.unknownSignedHeaders.isEmpty {
                out += "  signature: not verifiable (signed headers \(signature.unknownSignedHeaders.joined(separator: ", ")) unknown)\n"
            } else {
                out += "  signature: " + style.red("✗ S3 answers SignatureDoesNotMatch") + "\n"
                if let signed = signature.signedFor {
                    out += "    signed for: Host \(signed.host), path \(signed.rawPath) (\(signed.label))\n"
                }
                if let canonical = signature.receivedCheck.canonicalRequest {
                    out += "    canonical request S3 computes:\n"
                    out += canonical.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { "      " + redactSignatureLine(String($0)) }.joined(separator: "\n") + "\n"
                }
            }
        }
        if let forwarding = request.forwarding {
            out += "  cache: \(forwarding.settingsDescription); TTL min \(forwarding.ttl.minimum) / default \(forwarding.ttl.default) / max \(forwarding.ttl.maximum) s\n"
        }
        return out
    }

    /// The canonical query carries the session token; never print it.
    private func redactSignatureLine(_ line: String) -> String {
        guard line.contains("X-Amz-Security-Token=") else { return line }
        return line.split(separator: "&").map { $0.hasPrefix("X-Amz-Security-Token=") ? "X-Amz-Security-Token=REDACTED" : String($0) }
            .joined(separator: "&")
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

    private func indent(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n") + "\n"
    }
}
