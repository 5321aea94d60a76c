// swift-tools-version: 6.0
// libFuzzer harnesses for cfdoctor (issue 14). A package of its own, so that `swift build` and
// `swift test` of the main package never try to link code that needs `-sanitize=fuzzer`.
// Build and run through the Makefile: `make fuzz FUZZ_SECONDS=60` (Fuzz/run.sh does the work).
import PackageDescription

let package = Package(
    name: "cfdoctor-fuzz",
    dependencies: [
        .package(name: "cfdoctor", path: ".."),
    ],
    targets: [
        // Declares LLVMFuzzerRunDriver; the symbol comes from -sanitize=fuzzer.
        .systemLibrary(name: "CFuzzDriver"),
        .executableTarget(name: "CFDoctorFuzz", dependencies: [
            "CFuzzDriver",
            .product(name: "Checking", package: "cfdoctor"),
            .product(name: "Documents", package: "cfdoctor"),
            .product(name: "CloudFrontModel", package: "cfdoctor"),
            .product(name: "S3Errors", package: "cfdoctor"),
            .product(name: "PresignedURLs", package: "cfdoctor"),
            .product(name: "CloudFrontSigning", package: "cfdoctor"),
            .product(name: "Reporters", package: "cfdoctor"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
