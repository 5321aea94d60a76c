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
            with the whole query. When one verifies, the rule that explains the difference is the finding \
            (CFD101/CFD102/CFD401 host, CFD105 path, CFD301/CFD302 query); CFD610 is for a URL that verifies \
            for no candidate (changed after signing, re-encoded, another key), and for a signature in \
            upper-case hex, which S3 rejects whatever the key: SigV4's Hex() is "lowercase base 16 encoding" \
            and S3 compares it case-sensitively (aws/aws-sdk-js#3322; measured in the e2e lab). The secret is read from an environment variable \
            (--secret-key-env, default AWS_SECRET_ACCESS_KEY) and never printed.
            """,
        fix: "Make CloudFront send exactly what was signed: the origin DomainName must be the host the URL was signed "
            + "for, OriginPath must be empty (or part of the signed key), and every query parameter must reach S3.",
        sources: [
            "https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html (Hex(): lowercase base 16 encoding)",
            "https://github.com/aws/aws-sdk-js/issues/3322 (an upper-case hex signature gets SignatureDoesNotMatch)",
            "https://github.com/boto/botocore/blob/develop/botocore/signers.py (generate_presigned_url, the ground truth of the test vectors)",
        ],
        triggering: [
            RuleExample(config: Self.signatureExampleConfig(marked: true), url: URLExamples.awsDocumentationTampered,
                        secretKey: URLExamples.awsDocumentationSecret,
                        note: "AWS's documented example URL with the last digit of its signature changed: it verifies for no host"),
            RuleExample(config: Self.signatureExampleConfig(marked: true), url: URLExamples.awsDocumentationUpperCase,
                        note: "the signature in upper-case hex: S3 compares lower-case hex, so it fails without the secret too"),
        ],
        nonTriggering: [
            RuleExample(config: Self.signatureExampleConfig(marked: false), url: URLExamples.awsDocumentation,
                        secretKey: URLExamples.awsDocumentationSecret,
                        note: "the origin is the host the URL was signed for: S3 verifies it"),
            RuleExample(config: .oneOrigin("examplebucket.s3.us-east-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.awsDocumentation,
                secretKey: URLExamples.awsDocumentationSecret,
                note: "signed for the global host, sent to a regional origin: CFD102 names that cause, not CFD610"),
            RuleExample(config: .oneOrigin("examplebucket.s3.us-east-1.amazonaws.com",
                behavior: #""ForwardedValues": {"QueryString": true}"#), url: URLExamples.awsDocumentation, note: "no secret key: nothing to verify"),
        ]
    )) { context in
        guard let target = context.target, let simulation = context.simulation else { return [] }
        let origin = simulation.origin
        // Upper-case hex never verifies: S3 compares the lower-case hex case-sensitively. Certain
        // without the secret key.
        if case .sigV4(let query) = simulation.auth, query.signatureHasUpperCaseHex {
            return [Violation(
                "X-Amz-Signature is upper-case hex: S3 compares the signature as lower-case hex, case-sensitively, and "
                    + "answers 403 SignatureDoesNotMatch for any key.",
                at: target.behavior.location, origin: origin?.id,
                fix: "Hand out the URL exactly as the SDK produced it: do not change the case of the signature (or of the "
                    + "URL as a whole).")]
        }
        guard let diagnosis = simulation.signature, !diagnosis.receivedVerifies else { return [] }
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
        // The URL verifies for another host, path or query than S3 receives: the configuration rule
        // that explains the difference (CFD101/102/401 host, CFD105 path, CFD301/302 query) is the finding.
        let hostDiffers = signed.host != simulation.originHost.lowercased()
        let pathDiffers = signed.rawPath != simulation.originRawPath
        if hostDiffers || pathDiffers || !simulation.droppedParameters.isEmpty { return [] }
        return [Violation(
            "S3 answers SignatureDoesNotMatch for what it receives (\(received)), although the URL verifies there "
                + "(\(signed.label)) as the client sent it: CloudFront changes something else the signature covers.",
            at: target.behavior.location, origin: origin?.id)]
    }
}

extension Rule {
    /// The global-host origin AWS's documented example URL was signed for; `marked` puts the ↓ on the behavior.
    fileprivate static func signatureExampleConfig(marked: Bool) -> String {
        #"""
        {"Origins": {"Quantity": 1, "Items": [{"Id": "s3", "DomainName": "examplebucket.s3.amazonaws.com",
          "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
         "DefaultCacheBehavior": \#(marked ? String(RuleExample.marker) : ""){"TargetOriginId": "s3", "ForwardedValues": {"QueryString": true}}}
        """#
    }
}
