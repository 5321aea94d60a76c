import CloudFrontModel
import PresignedURLs

extension Rule {
    static let originPathPrefix = Rule(RuleDescription(
        id: "CFD105", name: "origin-path-prefix", severity: .warning,
        summary: "The S3 origin has an OriginPath: CloudFront requests OriginPath + viewer path, another key than the viewer asked for.",
        rationale: """
            "CloudFront appends the directory path to the value of Origin Domain Name": for OriginPath /production \
            a viewer request for /report.csv reaches S3 as /production/report.csv. SigV4 signs the path and S3 \
            does not normalise it, so a URL presigned for /report.csv fails with SignatureDoesNotMatch; it works \
            only if it was presigned for /production/report.csv and the prefix was removed when the host was \
            swapped. Warning from the configuration alone; error when the URL still carries its S3 host, which \
            proves the signed path is the viewer path.
            """,
        fix: "Remove the OriginPath and presign the full key, or presign OriginPath + key and strip the prefix from the "
            + "viewer URL when swapping in the CloudFront domain.",
        sources: [
            "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginPath",
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html#canonical-request (S3 does not normalise the path)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin("tenant-exports.s3.ap-southeast-2.amazonaws.com", origin: .members(#""OriginPath": ↓"/production", "S3OriginConfig": {"OriginAccessIdentity": ""}"#),
                behavior: #""ForwardedValues": {"QueryString": true}"#), note: "no URL: warning"),
            RuleExample(config: .oneOrigin("cf-signed-urls-test.s3-eu-west-1.amazonaws.com", origin: .members(#""OriginPath": ↓"/production", "S3OriginConfig": {"OriginAccessIdentity": ""}"#),
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.article, note: "the S3 URL was signed for /test.txt; S3 receives /production/test.txt: error"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("tenant-exports.s3.ap-southeast-2.amazonaws.com", origin: .members(#""OriginPath": "", "S3OriginConfig": {"OriginAccessIdentity": ""}"#),
                behavior: #""ForwardedValues": {"QueryString": true}"#)),
        ]
    )) { context in
        guard let target = context.target else { return [] }
        return target.s3RestOrigins.compactMap { origin, _ in
            guard !origin.originPath.isEmpty else { return nil }
            let unproven = Violation(
                "Origin '\(origin.id)' has OriginPath \(origin.originPath): CloudFront requests \(origin.originPath)/KEY for a "
                    + "viewer path /KEY, so URLs must be presigned for the prefixed key or S3 answers SignatureDoesNotMatch.",
                at: origin.location(of: .originPath), origin: origin.id)
            if let simulation = context.simulation, simulation.origin?.id == origin.id {
                // With the secret key: what CloudFront sends verifies (the backend signed OriginPath + key,
                // e.g. a path-style origin with OriginPath /BUCKET), so the prefix does no harm.
                if simulation.signature?.receivedVerifies == true { return nil }
                let verifiedPath = simulation.signature?.signedFor?.rawPath
                if let verifiedPath, verifiedPath == simulation.originRawPath { return nil }
                // An S3 URL was signed for its own path; with the secret the verified path is known.
                let signedPath: String? = if case .known = simulation.signedHost { String(simulation.url.rawPath) } else { verifiedPath }
                guard let signedPath else { return unproven }
                return Violation(
                    "Origin '\(origin.id)' has OriginPath \(origin.originPath): S3 receives \(simulation.originRawPath), but the "
                        + "URL was signed for \(signedPath). The signature covers the path, so S3 answers "
                        + "SignatureDoesNotMatch.",
                    at: origin.location(of: .originPath), origin: origin.id, severity: .error)
            }
            return unproven
        }
    }
}
