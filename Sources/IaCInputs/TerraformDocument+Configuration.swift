/// What a plan's `configuration` section says about values unknown until apply: which resource
/// attribute an expression reads (`aws_s3_bucket.media.bucket_domain_name`), through module
/// variables, and the AWS provider's region.
extension TerraformDocument {
    public enum Reference: Sendable, Equatable {
        /// `aws_s3_bucket.media.bucket_domain_name`, with the resource's full address.
        case attribute(address: String, attribute: String)
        /// Only the resource is recorded (older Terraform versions write `aws_s3_bucket.media`).
        case resource(address: String)
    }

    /// The expression of `attribute` inside the `block` element of a resource's configuration
    /// whose `key` is the constant `value` (blocks such as `origin` are sets: match by ID, not
    /// position), or of the only element when there is just one.
    public static func expression(_ configuration: Cursor?, block: String, key: String, value: String?,
                                  attribute: String) -> Cursor? {
        let elements = configuration?["expressions"]?[block]?.elements ?? []
        let match = elements.first { $0[key]?["constant_value"]?.string == value && value != nil }
            ?? (elements.count == 1 ? elements.first : nil)
        return match?[attribute]
    }

    /// The resource attribute an expression reads, resolving `var.x` through the module calls
    /// that pass it. nil for constants, locals, data sources and anything else.
    public func reference(_ expression: Cursor?, module: String) -> Reference? {
        guard let references = expression?["references"]?.elements.compactMap(\.string), !references.isEmpty else { return nil }
        return reference(references, module: module, depth: 0)
    }

    private func reference(_ references: [String], module: String, depth: Int) -> Reference? {
        guard depth < 32 else { return nil }
        // Terraform lists the longest traversal first (`a.b.attr`, then `a.b`).
        for text in references {
            let parts = text.split(separator: ".").map(String.init)
            if parts.first == "var", parts.count >= 2, !module.isEmpty {
                guard let (parentModule, passed) = moduleArgument(module: module, variable: parts[1]) else { continue }
                if let found = reference(passed, module: parentModule, depth: depth + 1) { return found }
                continue
            }
            // `data.TYPE.NAME.attr` reads a data source the same way.
            let isData = parts.first == "data"
            let segments = isData ? Array(parts.dropFirst()) : parts
            guard segments.count >= 2, !["var", "local", "module", "path", "count", "each", "self", "terraform"].contains(segments[0])
            else { continue }
            let address = (module.isEmpty ? "" : module + ".") + (isData ? "data." : "") + segments[0] + "." + Self.stripIndex(segments[1])
            if segments.count >= 3 { return .attribute(address: address, attribute: Self.stripIndex(segments[2])) }
            return .resource(address: address)
        }
        return nil
    }

    /// The references a parent module passes as `variable` to `module` (`module.a.module.b`).
    private func moduleArgument(module: String, variable: String) -> (String, [String])? {
        let names = module.split(separator: ".").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        var call = root["configuration"]?["root_module"]
        for name in names.dropLast() { call = call?["module_calls"]?[name]?["module"] }
        guard let last = names.last, let expression = call?["module_calls"]?[last]?["expressions"]?[variable] else { return nil }
        let parent = names.dropLast().map { "module.\($0)" }.joined(separator: ".")
        return (parent, expression["references"]?.elements.compactMap(\.string) ?? [])
    }

    /// The AWS provider's region from `configuration.provider_config` (a constant, or a root
    /// variable's value), or why it is unknown.
    public func providerRegion(for resource: Resource) -> (region: String?, unknown: String?) {
        guard let providers = root["configuration"]?["provider_config"] else {
            return (nil, "the plan has no provider configuration")
        }
        let key = resource.configuration?["provider_config_key"]?.string ?? "aws"
        let bare = key.split(separator: ":").last.map(String.init) ?? key
        guard let provider = providers[key] ?? providers[bare] ?? providers["aws"] else {
            return (nil, "provider \(key) is not configured in this plan")
        }
        guard let region = provider["expressions"]?["region"] else {
            return (nil, "the AWS provider's region comes from the environment (no region in provider \"aws\")")
        }
        if let constant = region["constant_value"]?.string { return (constant, nil) }
        for reference in region["references"]?.elements.compactMap(\.string) ?? [] where reference.hasPrefix("var.") {
            let name = String(reference.dropFirst(4))
            if let value = root["variables"]?[name]?["value"]?.string { return (value, nil) }
        }
        return (nil, "the AWS provider's region is an expression known only at apply")
    }
}
