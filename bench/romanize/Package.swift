// swift-tools-version:6.1
import PackageDescription

// Throughput benchmark of the romanizer; build in release with ./run.sh from the repository root.
let package = Package(
    name: "romanize-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "tm", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "romanize-bench",
            dependencies: [.product(name: "Glossary", package: "tm")],
            path: "Sources/romanize-bench",
            resources: [.copy("rr.tsv")]
        )
    ],
    swiftLanguageModes: [.v6]
)
