import CloudFrontModel
import Rules

extension Suppression {
    /// A CloudFormation `Metadata.cfdoctor.ignore` entry or a Terraform `cfdoctor:ignore` tag:
    /// it applies to findings about its own resource only (SPEC §9). A rule that does not exist is
    /// an input error, as in the settings file: a misspelt suppression must not pass silently.
    init(inline ignore: InlineIgnore) throws(InputFailure) {
        var rules = Set<RuleID>()
        for text in ignore.rules {
            guard let rule = Catalog.rule(text) else {
                throw InputFailure("\(ignore.location): cfdoctor ignore of \(ignore.resource): no rule \(text) (see `cfdoctor rules`)")
            }
            rules.insert(rule.id)
        }
        self.init(rules: rules, applies: .resource(ignore.resource), reason: ignore.reason,
                  declaredAt: ignore.location.description, source: .inline)
    }
}
