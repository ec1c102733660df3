// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Linli",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "linli", targets: ["linli"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure domain: values, rules, state machines. Foundation only.
        .target(name: "LinliCore"),
        // Text -> Command: catalog, tokenizer, grammars, did-you-mean.
        .target(name: "LinliCommands", dependencies: ["LinliCore", .product(name: "Yams", package: "Yams")]),
        // LLP/1 codec: JSON and chat shorthand, both ways.
        .target(name: "LinliProtocol", dependencies: ["LinliCore"]),
        // GRDB/SQLite: migrations, records, outbox, dedupe. The only target that speaks SQL.
        .target(
            name: "LinliStore", dependencies: ["LinliCore", "CLinliSys", "CPostgres", "LinliPostgres", .product(name: "GRDB", package: "GRDB.swift")]),
        // libpq, through a module map and a shim of what Swift cannot call.
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // A synchronous PostgreSQL client over libpq: parameters, text results, transactions, SQLSTATE errors.
        .target(name: "LinliPostgres", dependencies: ["CPostgres"]),
        // The system calls Swift's Glibc module does not show (sync_file_range), and the
        // SQLite VFS that gathers a log's writes.
        .target(name: "CLinliSys", linkerSettings: [.linkedLibrary("sqlite3")]),
        // libcurl, through typed wrappers of its variadic calls.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Outbound webhooks: one curl multi thread, robot formats, signing, classification, backoff.
        .target(name: "LinliWebhooks", dependencies: ["CCurl", "LinliCore", "LinliProtocol", .product(name: "Crypto", package: "swift-crypto")]),
        // The engine: dedupe, clock, handlers, stdin runner, outbox delivery.
        .target(
            name: "LinliBot",
            dependencies: [
                "LinliCore", "LinliCommands", "LinliProtocol", "LinliStore", "LinliWebhooks",
                .product(name: "Yams", package: "Yams"), .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // HTTP ingress: POST /v1/events with signatures, /healthz, /metrics.
        .target(
            name: "LinliHTTP",
            dependencies: [
                "LinliBot", "LinliProtocol", "LinliStore", "LinliWebhooks", "LinliCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Chat platforms calling the bot: POST /v1/platforms/{id}, their crypto, delivery through their APIs.
        .target(
            name: "LinliPlatforms",
            dependencies: [
                "LinliBot", "LinliHTTP", "LinliProtocol", "LinliStore", "LinliWebhooks", "LinliCore",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ]),
        // Fixtures and helpers shared by the test targets.
        .target(name: "LinliTesting", dependencies: ["LinliBot", "LinliStore", "LinliPostgres", "CLinliSys", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "linli",
            dependencies: [
                "CLinliSys", "LinliBot", "LinliWebhooks", "LinliHTTP", "LinliPlatforms", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(name: "LinliCoreTests", dependencies: ["LinliCore"]),
        .testTarget(name: "LinliCommandsTests", dependencies: ["LinliCommands", "LinliTesting"]),
        .testTarget(name: "LinliProtocolTests", dependencies: ["LinliProtocol"]),
        .testTarget(name: "LinliStoreTests", dependencies: ["LinliStore", "LinliPostgres", "LinliTesting", "CLinliSys", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "LinliWebhooksTests", dependencies: ["LinliWebhooks", "LinliTesting"]),
        .testTarget(
            name: "LinliHTTPTests",
            dependencies: [
                "LinliHTTP", "LinliTesting", "LinliWebhooks", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
            ]),
        .testTarget(
            name: "LinliPlatformsTests",
            dependencies: [
                "LinliPlatforms", "LinliHTTP", "LinliTesting", "LinliWebhooks", "linli", .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        .testTarget(name: "LinliBotTests", dependencies: ["LinliBot", "LinliPostgres", "LinliTesting", "linli"], exclude: ["Transcripts"]),
    ]
)
