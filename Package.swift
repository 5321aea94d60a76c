// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cfdoctor",
    products: [
        .executable(name: "cfdoctor", targets: ["CFDoctor"]),
        // For bench/VerifyBench and Fuzz/, which depend on this package by path.
        .library(name: "PresignedURLs", targets: ["PresignedURLs"]),
        // The signing library product: verify and make CloudFront signed URLs and cookies.
        .library(name: "CloudFrontSigning", targets: ["CloudFrontSigning"]),
        // For Fuzz/: the libFuzzer entry points call the library APIs, never the executable.
        .library(name: "Checking", targets: ["Checking"]),
        .library(name: "Documents", targets: ["Documents"]),
        .library(name: "CloudFrontModel", targets: ["CloudFrontModel"]),
        .library(name: "S3Errors", targets: ["S3Errors"]),
        .library(name: "Reporters", targets: ["Reporters"]),
        // For backends: sign cache-friendly presigned GET URLs (the seed article's Solution #2).
        .library(name: "Presigning", targets: ["Presigning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries. pkg-config names the flags; the providers tell SwiftPM what to suggest.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // "libcrypto", not "openssl": we need SHA-256 and HMAC only, not libssl's TLS.
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]),

        // SHA-256, HMAC-SHA256, HMAC-SHA1 through OpenSSL's libcrypto.
        .target(name: "Hashing", dependencies: ["COpenSSL"]),
        // Text decoding (BOM, UTF-16, strict UTF-8) and a position-keeping JSON/YAML document tree.
        .target(name: "Documents", dependencies: ["Yams"]),
        // CloudFormation intrinsics and Terraform plan/state JSON, read into values that know what is unknown.
        .target(name: "IaCInputs", dependencies: ["Documents"]),
        // The normalized CloudFront model, its loaders and the cache/origin request policies.
        .target(name: "CloudFrontModel", dependencies: ["Documents", "IaCInputs"]),
        // S3 host forms, presigned URL parsing, SigV4/SigV2 canonicalisation and verification.
        .target(name: "PresignedURLs", dependencies: ["Hashing"]),
        // CloudFront's own signed URLs and cookies: decoding, policies, RSA verification and signing.
        .target(name: "CloudFrontSigning", dependencies: ["COpenSSL", "Hashing", "Documents", "PresignedURLs"]),
        // Signing presigned GET URLs: regional hosts, rounding windows, CDN host swap, exposure.
        .target(name: "Presigning", dependencies: ["PresignedURLs"]),
        // What CloudFront does with a viewer request: behavior, cache key, origin request.
        .target(name: "EdgeSimulation", dependencies: ["CloudFrontModel", "PresignedURLs"]),
        // S3 and CloudFront error bodies, parsed with libxml2, and what they prove.
        .target(name: "S3Errors", dependencies: ["CLibXML2"]),
        // The rule engine and the catalog, one file per rule.
        .target(name: "Rules", dependencies: ["CloudFrontModel", "PresignedURLs", "EdgeSimulation", "S3Errors",
                                              "CloudFrontSigning"]),
        // The check API: inputs already read → findings, the settings model, url and error analysis,
        // presign planning (distribution → signing target, self-check), and the redacted `Presentation` reporters receive.
        .target(name: "Checking", dependencies: ["Rules", "CloudFrontModel", "PresignedURLs", "EdgeSimulation", "S3Errors", "Documents",
                                                 "Presigning",
                                                 "CloudFrontSigning"]),
        // One output format per file, registered in `Reporters.all`.
        .target(name: "Reporters", dependencies: ["Checking", "Rules", "CloudFrontModel", "Documents", "PresignedURLs", "S3Errors",
                                                  "CloudFrontSigning", "Hashing"]),
        .executableTarget(name: "CFDoctor", dependencies: [
            "Checking", "Reporters", "Rules", "PresignedURLs", "S3Errors", "Documents", "Presigning", "CloudFrontSigning",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "CloudFrontModelTests", dependencies: ["CloudFrontModel"]),
        .testTarget(name: "IaCInputsTests", dependencies: ["IaCInputs"]),
        .testTarget(name: "PresignedURLsTests", dependencies: ["PresignedURLs"]),
        .testTarget(name: "CloudFrontSigningTests", dependencies: ["CloudFrontSigning", "Hashing"]),
        .testTarget(name: "PresigningTests", dependencies: ["Presigning"]),
        .testTarget(name: "EdgeSimulationTests", dependencies: ["EdgeSimulation"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules"]),
        .testTarget(name: "S3ErrorsTests", dependencies: ["S3Errors"]),
        .testTarget(name: "CheckingTests", dependencies: ["Checking", "Rules", "PresignedURLs", "Presigning"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "Checking", "Rules", "PresignedURLs", "Presigning", "Documents", "CLibXML2"],
                    exclude: ["Snapshots"]),
        // Reporters: the secret-leak tests run every registered format.
        .testTarget(name: "CFDoctorTests", dependencies: ["CFDoctor", "Reporters"]),
    ],
    swiftLanguageModes: [.v6]
)
