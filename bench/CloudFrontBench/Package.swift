// swift-tools-version: 6.0
// A separate package so the main package's `swift build` / `swift test` never build the benchmark.
// Run: swift run -c release --package-path bench/CloudFrontBench cloudfront-bench
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory (a worktree may be called anything).
let mainPackageDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let mainPackageIdentity = mainPackageDirectory.lastPathComponent.lowercased()

let package = Package(
    name: "CloudFrontBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "cloudfront-bench",
            dependencies: [.product(name: "CloudFrontSigning", package: mainPackageIdentity)]),
    ],
    swiftLanguageModes: [.v6]
)
