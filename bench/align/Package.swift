// swift-tools-version:6.1
import PackageDescription

// Sentence-alignment evaluation on align-dev; a separate package so the main build never compiles it.
// From the repository root: bench/align/run.sh [ALIGN_DEV_DIR] [--fit]
let package = Package(
    name: "align-eval",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "tm", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "align-eval",
            dependencies: [.product(name: "Glossary", package: "tm")],
            path: "Sources/align-eval"
        )
    ],
    swiftLanguageModes: [.v6]
)
