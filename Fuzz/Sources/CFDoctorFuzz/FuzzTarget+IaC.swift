import Checking
import CloudFrontModel
import Documents

/// `cloudformation` and `terraform`: infrastructure code as `cfdoctor check FILE --region eu-west-1
/// --parameter Environment=prod` reads it. One harness body, two seed sets: the loader that runs
/// is picked from the content (InputLoader), as on the command line.
extension FuzzTarget {
    /// Templates, YAML (short tags) or JSON: the CloudFormation loader and the intrinsic resolver.
    static func cloudFormation(_ bytes: [UInt8]) { infrastructureCode(bytes, file: "template.yaml") }

    /// `terraform show -json` plans and state: the Terraform loader and the module walker.
    static func terraform(_ bytes: [UInt8]) { infrastructureCode(bytes, file: "plan.json") }

    /// A region, so `AWS::Region` and regional domain names resolve; a parameter without a default
    /// in the seeds (imports-and-conditions.yaml), so `!If` over it is decided.
    static let loadOptions = LoadOptions(region: "eu-west-1", parameters: ["Environment": "prod"])

    static func infrastructureCode(_ bytes: [UInt8], file: String) {
        // `check` reads with the unread parts of a plan skipped: it must load exactly what the
        // whole tree loads, and fail exactly when it fails.
        let whole = try? InputLoader.load(Document.parse(bytes: bytes, file: file), options: loadOptions)
        let skipped = try? InputLoader.load(bytes: bytes, file: file, options: loadOptions)
        if (whole == nil) != (skipped == nil) || whole?.distributions.count != skipped?.distributions.count
            || whole?.notes != skipped?.notes {
            fatalError("skipping the unread parts changed what loads")
        }
        guard whole != nil else { return }
        // What loaded goes on through the model, the rules and every reporter (Checker parses
        // again: it takes bytes, as the command line hands them over).
        let request = CheckRequest(configurations: [NamedInput(name: file, bytes: bytes)], now: now,
                                   secretKeyVariable: secretVariable, secrets: secrets,
                                   region: loadOptions.region, parameters: loadOptions.parameters)
        guard let result = try? Checker.check(request) else { return }
        render(Presentation(redacting: result))
    }
}
