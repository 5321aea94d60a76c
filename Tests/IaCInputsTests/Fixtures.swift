import Foundation
import Documents

/// Locates files under the repository's fixtures/ directory from this source file's path.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures")

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    static func document(_ relative: String) throws -> Document {
        try Document.parse(bytes: try bytes(relative), file: relative)
    }
}
