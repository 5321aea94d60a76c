import CloudFrontModel
import CloudFrontSigning
import PresignedURLs

/// What the CloudFront signed-URL rules (CFD701–CFD707) are given besides the URL.
public struct CloudFrontSigningOptions: Sendable {
    /// `--public-key` / `--public-keys`; nil when none was given (signatures are then not checked).
    public var publicKeys: [CloudFrontPublicKey]?
    /// `aws cloudfront get-key-group` / `list-key-groups` output: which public keys a behavior trusts.
    public var keyGroups: [CloudFrontKeyGroup]
    /// `--cookie`: `Cookie:` headers or cookies.txt lines carrying `CloudFront-*` cookies.
    public var cookies: [String]

    public init(publicKeys: [CloudFrontPublicKey]? = nil, keyGroups: [CloudFrontKeyGroup] = [], cookies: [String] = []) {
        self.publicKeys = publicKeys
        self.keyGroups = keyGroups
        self.cookies = cookies
    }
}

extension RuleContext {
    /// The CloudFront signing parameters this URL (or the `--cookie` values sent with it) carries.
    var cloudFrontRequest: CloudFrontSignedRequest? {
        guard let url else { return nil }
        return CloudFrontSignedRequest.fromURL(url.original)
            ?? CloudFrontSignedRequest.fromCookies(options.cloudFront.cookies, url: url.original)
    }

    /// The request analysed as CloudFront would. Input the commands refuse (not base64, a
    /// truncated signature, a policy over 20,480 bytes) never reaches the rules: nil here.
    var cloudFront: CloudFrontAnalysis? {
        guard let request = cloudFrontRequest else { return nil }
        return try? CloudFrontAnalysis.analyse(request, now: now.seconds, keys: options.cloudFront.publicKeys)
    }

    /// One violation per library finding of this kind, reported at no config location.
    func cloudFrontViolations(_ kind: CloudFrontFinding.Kind, because consequence: String) -> [Violation] {
        guard let analysis = cloudFront else { return [] }
        let carrier = analysis.request.carrier == .url ? "The CloudFront signed URL" : "The CloudFront signed cookies"
        return analysis.findings.filter { $0.kind == kind }.map { finding in
            Violation("\(carrier) for \(urlName): \(finding.message)\(consequence)", at: nil)
        }
    }
}
