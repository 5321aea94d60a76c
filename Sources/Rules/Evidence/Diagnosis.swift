import S3Errors

/// An error body's evidence read as rules: the rules it supports, most likely first, and the rules
/// it argues against, each with the body's reason. `cfdoctor error` prints it; `check --error-body`
/// applies it to the findings (`Report.applying(_:distributions:)`).
public struct Diagnosis: Sendable, Equatable {
    public struct Explanation: Sendable, Equatable, Codable {
        public var rule: RuleID
        public var reason: String

        public init(rule: RuleID, reason: String) {
            self.rule = rule
            self.reason = reason
        }
    }

    public var evidence: Evidence
    public var supports: [Explanation] = []
    public var rulesOut: [Explanation] = []

    public init(_ evidence: Evidence) {
        self.evidence = evidence
        // A rule keeps the first reason given for it: symptoms come most telling first.
        for implication in evidence.symptoms.flatMap(\.implications) {
            switch implication {
            case .supports(let rule, let reason) where !supports.contains(where: { $0.rule == rule }):
                supports.append(Explanation(rule: rule, reason: reason))
            case .rulesOut(let rule, let reason) where !rulesOut.contains(where: { $0.rule == rule }):
                rulesOut.append(Explanation(rule: rule, reason: reason))
            default:
                break
            }
        }
    }

    /// Reads the body and diagnoses it.
    public init(_ body: ErrorBody) {
        self.init(Evidence(body))
    }

    public var code: String? { evidence.code }
    public var meaning: String { evidence.meaning }
    public var facts: Evidence.Facts { evidence.facts }
    public var reachedS3: Bool { evidence.reachedS3 }

    public var supportedRules: [RuleID] { supports.map(\.rule) }
    public var ruledOutRules: [RuleID] { rulesOut.map(\.rule) }

    public func reason(supporting rule: RuleID) -> String? { supports.first { $0.rule == rule }?.reason }
    public func reason(rulingOut rule: RuleID) -> String? { rulesOut.first { $0.rule == rule }?.reason }
}
