import Checking
import Foundation
import PresignedURLs

/// Fixture files read the way the command line reads them, named as it names them (paths relative
/// to the repository, which is where `scripts/record-outputs.sh` runs).
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func input(_ relative: String) throws -> NamedInput {
        NamedInput(name: relative, bytes: [UInt8](try Data(contentsOf: repository.appendingPathComponent(relative))))
    }

    static func text(_ relative: String) throws -> String {
        String(decoding: try input(relative).bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The article's URL, presigned for the legacy dash host of eu-west-1.
    static func articleURL() throws -> PresignedURL { try PresignedURL(try text("fixtures/urls/article-s3.url")) }

    /// The time `scripts/record-outputs.sh` pins.
    static let now = Timestamp.parse("2018-09-30T14:59:00Z")!

    /// botocore's presigned URL with a session token (fixtures/presigned/botocore-vectors.json,
    /// "virtual-hosted regional host in us-west-2"), and the secret it was signed with.
    static let tokenURL = "https://examplebucket.s3.us-west-2.amazonaws.com/reports/q1.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20191231%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Date=20191231T235959Z"
        + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE%2F%2F%2F%2F%2F%2F%2F%2F"
        + "%2F%2FwEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLE%2Btoken%2Fwith%2Bplus%2Fand%2Fslash0ZpVK8Zq1Wc2Vzc2lvblRva2VuRXhhbXBsZQ%3D%3D"
        + "&X-Amz-Signature=4c704abd24cce99804db5836150ec26c6f8e701f4163818e33764ed4cb7fae04"
    static let tokenURLSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"
    static let tokenURLNow = Timestamp.parse("2020-01-01T00:00:00Z")!
    static let tokenURLSignature = "4c704abd24cce99804db5836150ec26c6f8e701f4163818e33764ed4cb7fae04"
    static let tokenURLToken = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLE+token/with+plus/and/slash0ZpVK8Zq1Wc2Vzc2lvblRva2VuRXhhbXBsZQ=="
}
