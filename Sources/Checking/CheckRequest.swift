import PresignedURLs
import Rules

/// Everything `check` needs, already read by the caller (the library never opens files).
public struct CheckRequest: Sendable {
    /// Distribution exports (they may also hold policies).
    public var configurations: [NamedInput]
    /// Inputs that must hold only cache / origin request policies.
    public var policies: [NamedInput]
    public var urls: [PresignedURL]
    /// The S3 or CloudFront error body the URL got.
    public var errorBody: NamedInput?
    /// The settings file's settings with the flags merged over them.
    public var settings: Settings
    public var now: Timestamp
    /// The environment variable holding the secret key, and where to read it.
    public var secretKeyVariable: String
    public var secrets: any SecretProvider
    /// Public keys, key groups and cookies for CloudFront signed URLs (CFD701–CFD707).
    public var cloudFront: CloudFrontSigningOptions
    /// The stack's region for CloudFormation's `AWS::Region` (and Terraform plans that name none).
    public var region: String?
    /// CloudFormation parameter values (`--parameter Key=Value`).
    public var parameters: [String: String]

    public init(configurations: [NamedInput], policies: [NamedInput] = [], urls: [PresignedURL] = [],
                errorBody: NamedInput? = nil, settings: Settings = Settings(), now: Timestamp,
                secretKeyVariable: String = "AWS_SECRET_ACCESS_KEY", secrets: any SecretProvider = EnvironmentSecrets(),
                cloudFront: CloudFrontSigningOptions = CloudFrontSigningOptions(),
                region: String? = nil, parameters: [String: String] = [:]) {
        self.cloudFront = cloudFront
        self.region = region
        self.parameters = parameters
        self.configurations = configurations
        self.policies = policies
        self.urls = urls
        self.errorBody = errorBody
        self.settings = settings
        self.now = now
        self.secretKeyVariable = secretKeyVariable
        self.secrets = secrets
    }
}
