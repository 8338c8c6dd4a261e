// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "tm",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Glossary", targets: ["Glossary"]),
        .library(name: "TMServer", targets: ["TMServer"]),
        .executable(name: "tm", targets: ["tm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // System ICU behind a C shim: the public header uses only <stdint.h> types, so Swift modules
        // can import it next to Foundation (whose own ICU headers clash with the system's).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "Glossary",
            dependencies: [
                "CICU", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the bulk import's prepared upsert (`SQLiteStore+Import.swift`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // The PostgreSQL store, for several nodes sharing one database (`PostgresStore`).
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The bundled glossary (a link to the repository's glossaries/ folder) and the English word list.
            resources: [.copy("Resources/glossaries"), .copy("Resources/words")]
        ),
        .target(
            name: "TMServer",
            dependencies: [
                "Glossary",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The web page at `/`: static HTML, CSS and JavaScript, loaded once at startup.
            resources: [.copy("Web")]
        ),
        .executableTarget(
            name: "tm",
            dependencies: [
                "Glossary", "TMServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "GlossaryTests",
            dependencies: ["Glossary"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TMServerTests",
            dependencies: [
                "TMServer", "Glossary",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["tm"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
