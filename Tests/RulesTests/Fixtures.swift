import Foundation
import CloudFrontModel
import PresignedURLs
@testable import Rules

/// Runs the engine on files under fixtures/, the way `cfdoctor check` does.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")

    static func load(_ relative: String) throws -> LoadedInput {
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
        return try InputLoader.load(try Document.parse(bytes: bytes, file: relative))
    }

    static let now = Timestamp.parse("2018-09-30T15:00:00Z")!

    static func check(_ file: String, policies: [String] = [], urls: [String] = [], options: RuleOptions = RuleOptions())
        throws -> Report {
        var catalog = PolicyCatalog()
        for policyFile in policies {
            let input = try load(policyFile)
            for policy in input.cachePolicies { try catalog.addLoaded(policy) }
            for policy in input.originRequestPolicies { try catalog.addLoaded(policy) }
        }
        let engine = Engine(catalog: catalog)
        return engine.run(distributions: try load(file).distributions, urls: try urls.map { try PresignedURL($0) },
                          options: options, now: now)
    }

    /// A configuration written inline, judged at `options.now` (else `now`).
    static func check(text: String, urls: [String] = [], options: RuleOptions = RuleOptions()) throws -> Report {
        let loaded = try InputLoader.load(try Document.parse(bytes: Array(text.utf8), file: "inline.json"))
        return Engine().run(distributions: loaded.distributions, urls: try urls.map { try PresignedURL($0) },
                            options: options, now: options.now ?? now)
    }

    static let articleURL = URLExamples.article
}

extension Report {
    /// "CFD101:warning" for every finding at or above `minimum`, sorted, duplicates kept.
    func ids(atLeast minimum: Severity = .warning) -> [String] {
        findings.filter { $0.severity >= minimum }.map { "\($0.rule):\($0.severity.rawValue)" }.sorted()
    }
}
