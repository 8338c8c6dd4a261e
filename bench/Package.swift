// swift-tools-version:6.1
import PackageDescription

// The benchmarks, built in release against the tm package beside them: `bash bench/NAME.sh` from anywhere.
let package = Package(
    name: "tm-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "tm", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "romanize-bench",
            dependencies: [.product(name: "Glossary", package: "tm")],
            resources: [.copy("rr.tsv")]
        ),
        .executableTarget(
            name: "lookup-bench",
            dependencies: [.product(name: "Glossary", package: "tm")]
        ),
        .executableTarget(
            name: "fuzzy-bench",
            dependencies: [.product(name: "Glossary", package: "tm")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
