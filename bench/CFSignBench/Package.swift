// swift-tools-version: 6.0
// CloudFront signed-URL verifications per second (release, one thread), like ../VerifyBench.
// A separate package so the main package's build never builds the benchmark. bench/bench.sh builds
// and runs it only when the main package declares the CloudFrontSigning library product.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, so the product is looked up under it.
let mainPackageDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let mainPackageIdentity = mainPackageDirectory.lastPathComponent.lowercased()

let package = Package(
    name: "CFSignBench",
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "cfsign-bench",
            dependencies: [.product(name: "CloudFrontSigning", package: mainPackageIdentity)]),
    ],
    swiftLanguageModes: [.v6]
)
