import Checking

extension TextReporter {
    /// `error`: the verdict, the decoded body, what it means here, the rules that explain it.
    func error(_ presentation: Presentation, _ view: ErrorView) -> String {
        var out = style.bold(presentation.verdict) + "\n\n"
        if let head = view.head {
            out += "  \(head.statusLine)\n"
            for (name, value) in head.headers { out += "  \(name): \(value)\n" }
        }
        if let page = view.body.page {
            for (label, value) in [("Title", page.title), ("Heading", page.heading), ("Reason", page.reason),
                                   ("Request ID", page.requestId)] {
                if let value { out += "  \(label): \(value)\n" }
            }
        }
        for field in view.body.fields {
            if field.value.contains("\n") {
                out += "  \(field.name):\n" + field.value.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n") + "\n"
            } else {
                out += "  \(field.name): \(field.value)\n"
            }
        }
        out += "\n" + style.bold("What it means here") + "\n" + layout.indent(view.body.meaning, by: 2)
        if !view.explanations.isEmpty {
            out += "\n" + style.bold("Rules that explain it, most likely first") + "\n"
            for item in view.explanations { out += layout.indent("\(ErrorExplanation.label(item.rule)): \(item.reason)", by: 2) }
        }
        if !view.ruledOut.isEmpty {
            out += "\n" + style.bold("Ruled out") + "\n"
            // Rules ruled out for the same reason share one line.
            var reasons = [String]()
            var rulesByReason = [String: [String]]()
            for item in view.ruledOut {
                if rulesByReason[item.reason] == nil { reasons.append(item.reason) }
                rulesByReason[item.reason, default: []].append(item.rule.rawValue)
            }
            for reason in reasons {
                out += dimmed("\(rulesByReason[reason]!.joined(separator: ", ")): \(reason)", by: 2)
            }
        }
        return out
    }
}
