import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    static let originHostMismatch = Rule(RuleDescription(
        id: "CFD102", name: "origin-host-mismatch", severity: .error,
        summary: "The host the URL was signed for differs from the Host CloudFront sends to S3 (bucket, region, style or dualstack).",
        rationale: """
            SigV4 always signs the host header ("The HTTP host header is required"), and CloudFront sets Host to \
            the origin's domain name. If the URL was presigned for another host — another bucket, another \
            region, the legacy dash form instead of the dot form, dualstack or FIPS, virtual-hosted instead of \
            path-style — S3 computes the signature over a different canonical request and answers 403 \
            SignatureDoesNotMatch, with the origin's host in its CanonicalRequest. The global-host case is CFD101.
            """,
        fix: "Make the origin DomainName exactly the host the URLs are presigned for, or presign for the origin's host "
            + "(the SDK's endpoint / addressing style settings). Both must agree character for character.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html (X-Amz-SignedHeaders: host is required)",
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/RequestAndResponseBehaviorS3Origin.html (Host is the origin domain)",
            "https://github.com/webiny/webiny-js/issues/2639 (S3 SignatureDoesNotMatch with host:…cloudfront.net, real capture)",
            "https://advancedweb.hu/how-to-use-s3-signed-urls-with-cloudfront/ (the signed host must be the origin host)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin(markedDomain: "cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.article, note: "signed for the dash host, origin is the dot host"),
            RuleExample(config: .oneOrigin(markedDomain: "cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.sigV4(host: "cf-signed-urls-test.s3.dualstack.eu-west-1.amazonaws.com"),
                note: "signed for the dualstack host"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.article, note: "the article's fix: exactly the signed host"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.article, note: "global origin, regional URL of the same bucket: CFD101 explains it"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3.eu-west-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.articleCloudFront, note: "a CloudFront URL does not say which host was signed"),
        ]
    )) { context in
        guard let target = context.target, let simulation = context.simulation, !simulation.hostForwardedFromViewer,
              let origin = simulation.origin, target.origins.contains(where: { $0.id == origin.id }),
              let sent = S3Endpoint.parse(host: simulation.originHost), sent.form != .website
        else { return [] }
        guard let signedHost = simulation.signedHost.host?.lowercased() else {
            return Rule.pathStyleSuspicion(simulation, origin: origin, sent: sent, region: context.credentialRegion)
        }
        guard signedHost != simulation.originHost, let signed = S3Endpoint.parse(host: signedHost) else { return [] }
        // The path the URL was signed for: the verified candidate's, else the URL's own.
        let signedPath = simulation.signature?.signedFor?.rawPath ?? String(simulation.url.rawPath)
        // The bucket comes from the signed host, or from the first path segment when it is path-style.
        let signedBucket = signed.bucket ?? (signed.addressing == .path ? Rule.firstSegment(of: signedPath) : nil)
        // CFD101 already explains a global origin in front of a URL signed for a regional host of the same bucket.
        if sent.form == .global, signed.region != nil, signedBucket == sent.bucket { return [] }
        var differences = [String]()
        if let signedBucket, signedBucket != sent.bucket {
            differences.append("bucket \(signedBucket) vs \(sent.bucket ?? "none in the host")")
        }
        if signed.servingRegion != sent.servingRegion {
            differences.append("region \(signed.servingRegion ?? "none") vs \(sent.servingRegion ?? "none")")
        }
        if signed.form != sent.form || signed.addressing != sent.addressing {
            differences.append("style \(signed.summaryWithoutFlags) vs \(sent.summaryWithoutFlags)")
        }
        if signed.dualstack != sent.dualstack {
            differences.append("dualstack \(signed.dualstack ? "yes" : "no") vs \(sent.dualstack ? "yes" : "no")")
        }
        if signed.fips != sent.fips { differences.append("FIPS \(signed.fips ? "yes" : "no") vs \(sent.fips ? "yes" : "no")") }
        let detail = differences.isEmpty ? "" : " (\(differences.joined(separator: "; ")))"
        let pathStyle = signed.addressing == .path && sent.addressing == .virtualHosted
        return [Violation(
            "The URL was signed for Host: \(signedHost), path \(signedPath), but CloudFront sends Host: "
                + "\(simulation.originHost), path \(simulation.originRawPath)\(detail). SigV4 signs the host and path, so S3 "
                + "answers 403 SignatureDoesNotMatch.",
            at: origin.location(of: .domainName), origin: origin.id,
            fix: pathStyle
                ? "Presign virtual-hosted URLs for \(simulation.originHost) (the SDK's addressing style \"virtual\"), then swap "
                    + "that host for the CloudFront domain; a path-style URL keeps the bucket in the path and signs another host."
                : "Set origin '\(origin.id)' DomainName to \(signedHost), or presign URLs for \(simulation.originHost).")]
    }

    /// A CloudFront URL without the secret: the signed host cannot be read, but a viewer path that
    /// starts with the virtual-hosted origin's own bucket is the trace of a path-style URL
    /// (s3.REGION.amazonaws.com/BUCKET/key) whose host was swapped. A warning: a key may also
    /// start with the bucket's name; the secret or S3's error body settles it.
    private static func pathStyleSuspicion(_ simulation: SimulatedRequest, origin: Origin, sent: S3Endpoint,
                                           region: String?) -> [Violation] {
        guard simulation.url.endpoint == nil, sent.addressing == .virtualHosted, let bucket = sent.bucket,
              simulation.url.rawPath.hasPrefix("/" + bucket + "/") else { return [] }
        let pathStyleHost = "s3.\(region ?? sent.servingRegion ?? "REGION").amazonaws.com"
        return [Violation(
            "The viewer path \(simulation.url.rawPath) starts with the origin's bucket '\(bucket)': the URL was most likely "
                + "signed path-style for Host: \(pathStyleHost), path \(simulation.url.rawPath), and its host swapped. "
                + "CloudFront sends Host: \(simulation.originHost), path \(simulation.originRawPath), so S3 answers 403 "
                + "SignatureDoesNotMatch.",
            at: origin.location(of: .domainName), origin: origin.id, severity: .warning,
            fix: "Presign virtual-hosted URLs for \(simulation.originHost) (addressing style \"virtual\") before swapping the "
                + "host. To be certain, check the S3 URL itself, or set the secret key (--secret-key-env).")]
    }

    private static func firstSegment(of rawPath: String) -> String? {
        let trimmed = rawPath.drop { $0 == "/" }
        let segment = trimmed.prefix { $0 != "/" }
        return segment.isEmpty ? nil : String(segment)
    }
}

extension S3Endpoint {
    /// The addressing and form only: "virtual-hosted, legacy dash-regional".
    var summaryWithoutFlags: String {
        var copy = self
        copy.dualstack = false
        copy.fips = false
        copy.region = nil
        return copy.summary
    }
}
