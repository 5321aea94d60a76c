import CloudFrontModel
import PresignedURLs

extension RuleContext.Target {
    /// Origins that are S3 REST endpoints (website endpoints excluded), with their parsed host.
    static func s3RestOrigins(of origins: [Origin]) -> [(origin: Origin, endpoint: S3Endpoint)] {
        origins.compactMap { origin in
            guard let endpoint = S3Endpoint.parse(host: origin.domainName), endpoint.form != .website else { return nil }
            return (origin, endpoint)
        }
    }
}
