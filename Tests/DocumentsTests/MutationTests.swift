import Foundation
import Testing
@testable import Documents

/// Thousands of damaged variants of a real export: every one must parse or fail with an
/// InputError — never crash, never hang. (A crash here kills the test run, which fails it.)
struct MutationTests {
    /// SplitMix64: deterministic, so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let original: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/distributions/article-broken.get-distribution-config.json")
        return (try? [UInt8](Data(contentsOf: url))) ?? []
    }()

    @Test func damagedExportsNeverCrashTheReader() {
        #expect(Self.original.count > 1000)
        var random = SeededGenerator(state: 2018_09_30)
        let interesting: [UInt8] = Array("{}[]\",:\\u0123456789eE+-.tfn \n\r\t".utf8) + [0x00, 0xFF, 0xC3, 0xE2, 0xF0, 0xED, 0xA0]
        var parsed = 0, rejected = 0
        for _ in 0..<3000 {
            var bytes = Self.original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[position] = interesting.randomElement(using: &random)!
                case 1: bytes.insert(interesting.randomElement(using: &random)!, at: position)
                case 2: bytes.remove(at: position)
                default: bytes = Array(bytes[..<position])
                }
                if bytes.isEmpty { break }
            }
            do {
                _ = try Document.parse(bytes: bytes, file: "mutant.json")
                parsed += 1
            } catch {
                rejected += 1
                #expect(!error.description.isEmpty)
            }
        }
        // Both outcomes happen: the mutations are neither all harmless nor all fatal.
        #expect(parsed > 0 && rejected > 0)
    }
}
