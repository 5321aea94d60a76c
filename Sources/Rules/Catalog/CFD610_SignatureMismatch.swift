import CloudFrontModel
import EdgeSimulation
import PresignedURLs

extension Rule {
    /// CFD610: with the secret key, cfdoctor computes the signature exactly as S3 will for the
    /// request CloudFront sends, and — when it fails — finds the host and path it was signed for.
    static let signatureMismatch = Rule(RuleDescription(
        id: "CFD610", name: "signature-mismatch", severity: .error,
        summary: "With the secret key: the signature does not verify for the request S3 receives through CloudFront.",
        rationale: """
            S3 recomputes the SigV4 signature over the request it receives: method, path, every query \
            parameter but X-Amz-Signature, and the signed headers (host at least) — then compares. \
            Anything CloudFront changes between the viewer and S3 (Host, OriginPath, dropped or re-encoded \
            query parameters) makes S3 answer 403 SignatureDoesNotMatch. cfdoctor verifies the signature \
            for the simulated origin request and, when it fails, for every S3 spelling of the bucket's host \
            (regional, dash, global, dualstack, accelerate, path-style), with and without OriginPath, and \
            reports which one the URL was really signed for. The secret is read from an environment variable \
            (--secret-key-env, default AWS_SECRET_ACCESS_KEY) and never printed.
            """,
        fix: "Make CloudFront send exactly what was signed: the origin DomainName must be the host the URL was signed "
            + "for, OriginPath must be empty (or part of the signed key), and every query parameter must reach S3.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html",
            "https://github.com/boto/botocore/blob/develop/botocore/signers.py (generate_presigned_url, the ground truth of the test vectors)",
        ],
        triggering: [
            RuleExample(config: .oneOrigin(markedDomain: "examplebucket.s3.us-east-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.awsDocumentation, secretKey: URLExamples.awsDocumentationSecret,
                note: "AWS's documented example URL, signed for the global host, through a regional origin"),
        ],
        nonTriggering: [
            RuleExample(config: .oneOrigin("examplebucket.s3.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.awsDocumentation, secretKey: URLExamples.awsDocumentationSecret,
                note: "the origin is the host the URL was signed for: S3 verifies it"),
            RuleExample(config: .oneOrigin("examplebucket.s3.us-east-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.awsDocumentation, note: "no secret key: nothing to verify"),
        ]
    )) { context in
        guard let target = context.target, let simulation = context.simulation,
              let diagnosis = simulation.signature, !diagnosis.receivedVerifies else { return [] }
        let origin = simulation.origin
        if !diagnosis.unknownSignedHeaders.isEmpty {
            return [Violation(
                "Cannot verify the signature: it signs the header(s) \(diagnosis.unknownSignedHeaders.joined(separator: ", ")), "
                    + "whose values the URL does not carry.",
                at: target.behavior.location, origin: origin?.id, severity: .info)]
        }
        let received = "Host \(simulation.originHost), path \(simulation.originRawPath)"
        guard let signed = diagnosis.signedFor else {
            return [Violation(
                "The signature does not verify for what S3 receives (\(received)) nor for any of \(diagnosis.candidatesTried) "
                    + "candidate hosts and paths: the secret key does not belong to the URL's access key, or the URL was "
                    + "changed after signing.",
                at: target.behavior.location, origin: origin?.id,
                fix: "Check that the secret in the environment matches the URL's X-Amz-Credential access key and that the URL "
                    + "was copied whole.")]
        }
        let hostDiffers = signed.host != simulation.originHost.lowercased()
        let location = hostDiffers ? origin?.location(of: .domainName) : origin?.location(of: .originPath)
        return [Violation(
            "S3 answers SignatureDoesNotMatch: it receives \(received), but the URL verifies for Host \(signed.host), "
                + "path \(signed.rawPath) (\(signed.label)).",
            at: location ?? target.behavior.location, origin: origin?.id,
            fix: hostDiffers
                ? "Set the origin DomainName to \(signed.host), or presign for \(simulation.originHost)."
                : "Remove the OriginPath, or presign the key with the origin path included.")]
    }
}
