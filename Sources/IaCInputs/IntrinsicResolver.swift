import Foundation

/// Evaluates CloudFormation intrinsic functions over a template, as far as the template itself
/// decides them. What depends on the deployed stack (`Fn::ImportValue`, a parameter without a
/// default, `AWS::AccountId`, a condition on either) becomes `.unknown` with the reason and the
/// place, never a guess. Resource names generated at deploy (a bucket without `BucketName`, a
/// policy's ID) become placeholders (the logical ID), so links inside the template still work.
///
/// Work is bounded: results per resource attribute are memoized, circular references end in an
/// unknown that names the cycle, and a budget proportional to the template's size stops runaway
/// evaluation (intrinsic functions reference: docs.aws.amazon.com/AWSCloudFormation/latest/
/// TemplateReference/intrinsic-function-reference.html).
public struct IntrinsicResolver {
    public let template: CloudFormationTemplate
    /// The stack's region (`AWS::Region`): from `check --region`, else unknown.
    public let region: String?
    /// Parameter values given for the deployment; parameters not listed use their `Default`.
    public let parameterValues: [String: String]

    // Internal, not private: the function families live in extensions in files of their own.
    var remaining: Int
    var visiting: [String] = []
    var memo: [String: IaCValue] = [:]
    /// Set once the budget ran out; the loader reports it.
    public internal(set) var exhaustedBudget = false

    public init(template: CloudFormationTemplate, region: String? = nil, parameterValues: [String: String] = [:]) {
        self.template = template
        self.region = region
        self.parameterValues = parameterValues
        remaining = 10_000 + 50 * template.nodeCount
    }

    /// The value of a template node with every intrinsic inside it evaluated. `AWS::NoValue`
    /// removes the member or element it stands for; at the top it resolves to null.
    public mutating func resolve(_ cursor: Cursor) -> IaCValue {
        evaluate(cursor) ?? IaCValue(.null, at: cursor.location)
    }

    // MARK: - Structure

    /// nil means `AWS::NoValue`.
    mutating func evaluate(_ cursor: Cursor) -> IaCValue? {
        remaining -= 1
        guard remaining >= 0 else { return overBudget(at: cursor.location) }
        if let (name, argument) = Self.intrinsic(cursor) {
            return call(name, argument, at: cursor)
        }
        switch cursor.node.value {
        case .array:
            return IaCValue(.list(cursor.elements.compactMap { evaluate($0) }), at: cursor.location)
        case .object:
            var members = [IaCValue.Member]()
            for (key, value) in cursor.members {
                if let resolved = evaluate(value) { members.append(IaCValue.Member(key: key, value: resolved)) }
            }
            return IaCValue(.object(members), at: cursor.location)
        default:
            return IaCValue.literal(cursor)
        }
    }

    /// No string in a CloudFront distribution is near this long; a longer one is runaway doubling.
    static let maximumTextLength = 1 << 16

    mutating func overBudget(at location: SourceLocation) -> IaCValue {
        exhaustedBudget = true
        return .unknown("not evaluated: the template needs more work than its size allows", at: location)
    }

    static let shortTags: Set<String> = [
        "GetAtt", "Sub", "Join", "If", "Select", "Split", "FindInMap", "Base64", "ImportValue", "GetAZs", "Cidr",
        "Equals", "Not", "And", "Or", "Transform", "Length", "ToJsonString", "Contains", "EachMemberEquals",
        "EachMemberIn", "ValueOf", "ValueOfAll", "RefAll",
    ]

    /// `{ "Ref": … }`, `{ "Fn::X": … }` or a YAML short tag (`!Ref`, `!X`). Unknown tags are
    /// reported as unsupported functions rather than read as their plain value.
    static func intrinsic(_ cursor: Cursor) -> (String, Cursor)? {
        switch cursor.node.value {
        case .tagged(let tag, let inner):
            let bare = String(tag.dropFirst())
            let name = bare == "Ref" || bare == "Condition" ? bare : shortTags.contains(bare) ? "Fn::" + bare : tag
            return (name, Cursor(node: inner, pointer: cursor.pointer, file: cursor.file))
        case .object(let members) where members.count == 1:
            let key = members[0].key
            guard key == "Ref" || key.hasPrefix("Fn::") else { return nil }
            return (key, cursor[key]!)
        default:
            return nil
        }
    }

    // MARK: - Functions

    mutating func call(_ name: String, _ argument: Cursor, at site: Cursor) -> IaCValue? {
        let location = site.location
        switch name {
        case "Ref":
            guard let target = evaluate(argument)?.text else {
                return .unknown("Ref needs a name", at: location)
            }
            return ref(target, at: location)
        case "Fn::GetAtt":
            return getAtt(argument, at: location)
        case "Fn::Sub":
            return sub(argument, at: location)
        case "Fn::Join":
            return join(argument, at: location)
        case "Fn::Select":
            return select(argument, at: location)
        case "Fn::Split":
            let parts = argument.elements
            guard parts.count == 2 else { return .unknown("Fn::Split needs [delimiter, string]", at: location) }
            let delimiter = resolve(parts[0]), source = resolve(parts[1])
            if let unknown = delimiter.unknown ?? source.unknown { return IaCValue(.unknown(unknown), at: location) }
            guard let separator = delimiter.text, !separator.isEmpty, let text = source.text else {
                return .unknown("Fn::Split needs a delimiter and a string", at: location)
            }
            let pieces = text.components(separatedBy: separator).map { IaCValue(.string($0), at: location, placeholders: source.placeholders) }
            return IaCValue(.list(pieces), at: location)
        case "Fn::FindInMap":
            return findInMap(argument, at: location)
        case "Fn::Base64":
            let value = resolve(argument)
            if let unknown = value.unknown { return IaCValue(.unknown(unknown), at: location) }
            guard let text = value.text else { return .unknown("Fn::Base64 needs a string", at: location) }
            return IaCValue(.string(Self.base64(Array(text.utf8))), at: location, placeholders: value.placeholders)
        case "Fn::ImportValue":
            let export = resolve(argument).text.map { " '\($0)'" } ?? ""
            return .unknown("imported from another stack's export\(export) (Fn::ImportValue)", at: location)
        case "Fn::If":
            return conditional(argument, at: location)
        case "Fn::GetAZs", "Fn::Cidr":
            return .unknown("\(name) is evaluated by CloudFormation at deploy", at: location)
        case "Fn::Transform":
            return .unknown("Fn::Transform runs a macro at deploy", at: location)
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
            let result = condition(site)
            guard let result else { return .unknown("\(name) depends on values known only at deploy", at: location) }
            return IaCValue(.bool(result), at: location)
        default:
            return .unknown("unsupported intrinsic function \(name)", at: location)
        }
    }

    // MARK: Ref and GetAtt

    mutating func ref(_ target: String, at location: SourceLocation) -> IaCValue? {
        if target.hasPrefix("AWS::") { return pseudoParameter(target, at: location) }
        if let parameter = template.parameters[target] { return parameterValue(target, parameter, at: location) }
        guard let resource = template.resource(target) else {
            return .unknown("Ref to '\(target)', which is neither a parameter nor a resource of this template", at: location)
        }
        if resource.type == "AWS::S3::Bucket" { return bucketName(resource, at: location) }
        // Ref returns the physical ID CloudFormation assigns at deploy; the logical ID stands in.
        return IaCValue(.string(target), at: location, placeholders: [target])
    }

    func pseudoParameter(_ name: String, at location: SourceLocation) -> IaCValue? {
        switch name {
        case "AWS::NoValue":
            return nil
        case "AWS::Region":
            guard let region else { return .unknown("AWS::Region is the stack's region: pass --region", at: location) }
            return IaCValue(.string(region), at: location)
        case "AWS::URLSuffix":
            guard let region else { return .unknown("AWS::URLSuffix depends on the stack's region: pass --region", at: location) }
            return IaCValue(.string(region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"), at: location)
        case "AWS::Partition":
            guard let region else { return .unknown("AWS::Partition depends on the stack's region: pass --region", at: location) }
            let partition = region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"
            return IaCValue(.string(partition), at: location)
        case "AWS::AccountId", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs":
            return .unknown("\(name) is known only when the stack is deployed", at: location)
        default:
            return .unknown("unknown pseudo parameter \(name)", at: location)
        }
    }

    mutating func parameterValue(_ name: String, _ definition: Cursor, at location: SourceLocation) -> IaCValue {
        let type = definition["Type"]?.string ?? "String"
        if type.hasPrefix("AWS::SSM::Parameter::Value") {
            return .unknown("parameter \(name) is read from SSM Parameter Store at deploy", at: location)
        }
        let text: String
        var source = location
        if let given = parameterValues[name] {
            text = given
        } else if let defaultNode = definition["Default"] {
            let value = resolve(defaultNode)
            guard let defaultText = value.text else {
                return value.unknown.map { IaCValue(.unknown($0), at: location) } ?? IaCValue(value.kind, at: defaultNode.location)
            }
            text = defaultText
            source = defaultNode.location
        } else {
            return .unknown("parameter \(name) has no Default: its value is given at deploy", at: location)
        }
        if type == "CommaDelimitedList" || type.hasPrefix("List<") {
            let items = text.split(separator: ",", omittingEmptySubsequences: false)
                .map { IaCValue(.string($0.trimmingCharacters(in: .whitespaces)), at: source) }
            return IaCValue(.list(items), at: source)
        }
        return IaCValue(type == "Number" ? .number(text) : .string(text), at: source)
    }

    mutating func getAtt(_ argument: Cursor, at location: SourceLocation) -> IaCValue {
        let resourceName: String, attribute: String
        if let dotted = argument.string {
            guard let dot = dotted.firstIndex(of: ".") else { return .unknown("Fn::GetAtt needs Resource.Attribute", at: location) }
            resourceName = String(dotted[..<dot])
            attribute = String(dotted[dotted.index(after: dot)...])
        } else if argument.elements.count == 2, let name = resolve(argument.elements[0]).text,
                  let attr = resolve(argument.elements[1]).text {
            resourceName = name
            attribute = attr
        } else {
            return .unknown("Fn::GetAtt needs [Resource, Attribute]", at: location)
        }
        guard let resource = template.resource(resourceName) else {
            return .unknown("Fn::GetAtt names '\(resourceName)', which is not a resource of this template", at: location)
        }
        let key = "\(resourceName).\(attribute)"
        if let cached = memo[key] { return IaCValue(cached.kind, at: location, placeholders: cached.placeholders) }
        let value = attributeValue(resource, attribute, at: location)
        memo[key] = value
        return value
    }

    static let dashWebsiteRegions: Set<String> = [
        "us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1",
        "us-gov-west-1",
    ]

    private static let generatedIDTypes: Set<String> = [
        "AWS::CloudFront::OriginAccessControl", "AWS::CloudFront::CachePolicy", "AWS::CloudFront::OriginRequestPolicy",
        "AWS::CloudFront::CloudFrontOriginAccessIdentity", "AWS::CloudFront::ResponseHeadersPolicy", "AWS::CloudFront::KeyGroup",
        "AWS::CloudFront::PublicKey",
    ]

    mutating func attributeValue(_ resource: CloudFormationTemplate.Resource, _ attribute: String,
                                         at location: SourceLocation) -> IaCValue {
        let id = resource.logicalID
        if resource.type == "AWS::S3::Bucket" {
            // AWS::S3::Bucket return values (CloudFormation reference): DomainName is the global
            // `bucket.s3.amazonaws.com`; RegionalDomainName `bucket.s3.REGION.amazonaws.com`.
            let name = bucketName(resource, at: location)
            guard let bucket = name.text else { return name }
            let suffix = region.map { $0.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com" }
            func host(_ make: (String, String) -> String) -> IaCValue {
                guard let region, let suffix else {
                    return .unknown("\(id).\(attribute) names the stack's region: pass --region", at: location, resources: [id])
                }
                return IaCValue(.string(make(region, suffix)), at: location, placeholders: name.placeholders)
            }
            switch attribute {
            case "DomainName":
                return IaCValue(.string("\(bucket).s3.amazonaws.com"), at: location, placeholders: name.placeholders)
            case "RegionalDomainName":
                return host { "\(bucket).s3.\($0).\($1)" }
            case "DualStackDomainName":
                return host { "\(bucket).s3.dualstack.\($0).\($1)" }
            case "WebsiteURL":
                // Website endpoints: `s3-website-REGION` in regions older than 2014, `s3-website.REGION`
                // in the others (S3 User Guide, "Website endpoints"); both are website hosts (CFD104).
                return host { region, suffix in
                    let separator = Self.dashWebsiteRegions.contains(region) ? "-" : "."
                    return "http://\(bucket).s3-website\(separator)\(region).\(suffix)"
                }
            case "Arn":
                let partition = region.map { $0.hasPrefix("cn-") ? "aws-cn" : $0.hasPrefix("us-gov-") ? "aws-us-gov" : "aws" } ?? "aws"
                return IaCValue(.string("arn:\(partition):s3:::\(bucket)"), at: location, placeholders: name.placeholders)
            default:
                break
            }
        }
        if attribute == "Id", Self.generatedIDTypes.contains(resource.type) {
            return IaCValue(.string(id), at: location, placeholders: [id])
        }
        return .unknown("\(id).\(attribute) is known only after the stack is deployed", at: location, resources: [id])
    }

    /// `BucketName` when the template sets it; otherwise CloudFormation generates one at deploy and
    /// the logical ID, lower-cased, stands in (bucket names are lower case).
    mutating func bucketName(_ resource: CloudFormationTemplate.Resource, at location: SourceLocation) -> IaCValue {
        let key = resource.logicalID + ".<name>"
        if let cached = memo[key] { return IaCValue(cached.kind, at: location, placeholders: cached.placeholders) }
        let value: IaCValue
        if let nameNode = resource.properties?["BucketName"] {
            let step = "resource \(resource.logicalID)"
            if let start = visiting.firstIndex(of: step) {
                let cycle = (visiting[start...] + [step]).map { $0.replacingOccurrences(of: "resource ", with: "") }
                return .unknown("circular reference: \(cycle.joined(separator: " → "))", at: location, resources: [resource.logicalID])
            }
            visiting.append(step)
            let resolved = resolve(nameNode)
            visiting.removeLast()
            value = resolved
        } else {
            value = IaCValue(.string(resource.logicalID.lowercased()), at: location, placeholders: [resource.logicalID])
        }
        memo[key] = value
        return value
    }
}
