import Presigning
import EdgeSimulation

/// Why `presign` made no URL. Typed, so the command line can name the flag that caused it;
/// `description` is one line without flag names, for library callers.
public enum PresignFailure: Error, Sendable, CustomStringConvertible {
    /// A credential variable is unset or empty.
    case missingCredential(variable: String)
    /// The signer refused the request (expiry, window, region, bucket, key, CDN host…).
    case signing(PresignError)
    /// The distribution input could not be read.
    case input(InputFailure)
    /// The input holds no distribution, or several.
    case distributionCount(file: String, count: Int, shape: String)
    /// The viewer path is empty or only "/".
    case pathNamesNoObject(String)
    /// No presigned URL can work for this path through this distribution.
    case unservable(file: String, SigningTarget.Problem)
    /// The region asked for is not the one the origin host names.
    case regionContradictsOrigin(requested: String, host: String, named: String)
    /// The origin is the legacy global host, and no region was given.
    case originNamesNoRegion(host: String)
    /// The input does not name the distribution's domain (get-distribution-config has none).
    case noCDNHost(file: String)

    public var description: String {
        switch self {
        case .missingCredential(let variable):
            "\(variable) is not set: presign reads credentials from \(PresignJob.accessKeyVariable), "
                + "\(PresignJob.secretKeyVariable) and \(PresignJob.sessionTokenVariable) only"
        case .signing(let error): "\(error)"
        case .input(let failure): failure.message
        case .distributionCount(let file, let count, let shape):
            count == 0 ? "\(file): no distribution in this file (\(shape))"
                : "\(file): \(count) distributions; export one with `aws cloudfront get-distribution-config --id …`"
        case .pathNamesNoObject(let path): "the path '\(path)' names no object"
        case .unservable(let file, let problem): "\(file): \(problem)"
        case .regionContradictsOrigin(let requested, let host, let named):
            "region \(requested) contradicts the origin host \(host), which names \(named) (CFD103)"
        case .originNamesNoRegion(let host):
            "origin \(host) names no region (legacy global host): give the bucket's region, "
                + "and consider the regional origin host (CFD101)"
        case .noCDNHost(let file): "\(file) does not name the distribution's domain (get-distribution-config has none): give the CDN host"
        }
    }
}
