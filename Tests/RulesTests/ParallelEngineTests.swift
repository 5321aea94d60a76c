import CloudFrontModel
import Testing
@testable import Rules

/// An account export's distributions are judged on every core (`Parallel.map`). The report must be
/// exactly what judging them one at a time gives: the same findings, notes and order.
struct ParallelEngineTests {
    /// `count` distributions from the fixture export, each under its own ID (the findings name it).
    static func account(_ count: Int) throws -> [Distribution] {
        let fixture = try Fixtures.load("distributions/list-distributions.json").distributions
        return (0..<count).map { index in
            var distribution = fixture[index % fixture.count]
            distribution.id = "E\(index)"
            return distribution
        }
    }

    static func lines(_ report: Report) -> [String] {
        report.findings.map { "\($0.rule) \($0.severity) \($0.distribution ?? "-") \($0.behavior ?? "-") \($0.location.map { "\($0)" } ?? "-") \($0.message)" }
    }

    @Test func aLargeAccountIsJudgedAsEachDistributionAlone() throws {
        let distributions = try Self.account(600)
        // 600 is enough per core (64) for the engine to split the work on any machine with two
        // cores or more; on one core this still checks the merge.
        let together = Engine().run(distributions: distributions, urls: [], options: RuleOptions(), now: Fixtures.now)
        var alone = [Finding]()
        var notes = [String]()
        for distribution in distributions {
            let report = Engine().run(distributions: [distribution], urls: [], options: RuleOptions(), now: Fixtures.now)
            alone += report.findings
            notes += report.notes
        }
        #expect(!together.findings.isEmpty)
        #expect(Self.lines(together) == Self.lines(Report(findings: Engine.sorted(alone), simulations: [], notes: [])))
        #expect(together.notes == notes)
    }

    @Test func theParallelMapKeepsEveryElementInOrder() {
        let elements = Array(0..<10_007)
        // Uneven work: some elements take far longer, so pieces finish out of order.
        let mapped = Parallel.map(elements, minimumPerThread: 1) { value in
            var sum = 0
            for step in 0..<(value % 97 == 0 ? 20_000 : 10) { sum &+= step ^ value }
            return (value, sum)
        }
        #expect(mapped.map(\.0) == elements)
        #expect(Parallel.map([Int](), minimumPerThread: 1) { $0 }.isEmpty)
        #expect(Parallel.map([5], minimumPerThread: 64) { $0 * 2 } == [10])
    }
}
