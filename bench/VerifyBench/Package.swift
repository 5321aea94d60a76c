// swift-tools-version: 6.0
// A separate package so the main package's `swift build` / `swift test` never build the benchmark.
// `make bench` builds it in release and runs it (bench/bench.sh); by hand:
//   swift build -c release --package-path bench/VerifyBench
//   bench/VerifyBench/.build/release/verify-bench fixtures/presigned/botocore-vectors.json SECONDS
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory (a worktree may be called anything), not
// after its manifest's `name`, so the product is looked up under that directory's name.
let mainPackageDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let mainPackageIdentity = mainPackageDirectory.lastPathComponent.lowercased()

let package = Package(
    name: "VerifyBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "verify-bench",
            dependencies: [.product(name: "PresignedURLs", package: mainPackageIdentity)]),
    ],
    swiftLanguageModes: [.v6]
)
