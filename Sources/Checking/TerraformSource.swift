import Documents

/// Terraform HCL source is not an input: what it deploys depends on variables, modules and the
/// provider, which only `terraform plan` evaluates (SPEC §4). Recognised by its extension, or on
/// standard input by its first block.
enum TerraformSource {
    static func isSource(name: String, contents: InputBytes) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".tf") || lower.hasSuffix(".tf.json") || lower.hasSuffix(".tofu") { return true }
        guard name == "<stdin>" || name == "-" else { return false }
        let head = contents.withUnsafeBufferPointer { String(decoding: $0.prefix(4096), as: UTF8.self) }
        let firstLine = head.split(whereSeparator: \.isNewline).first { line in
            let trimmed = line.drop(while: \.isWhitespace)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("//")
        }
        guard let firstLine else { return false }
        let words = firstLine.split(separator: " ", maxSplits: 2)
        return words.count >= 2 && ["resource", "provider", "terraform", "module", "variable", "data", "locals", "output"].contains(String(words[0]))
            && (words[1].hasPrefix("\"") || words[1] == "{")
    }

    static func message(_ name: String) -> String {
        "\(name): Terraform source (HCL) is not read; check the plan instead: "
            + "terraform plan -out plan.out && terraform show -json plan.out > plan.json"
    }
}
