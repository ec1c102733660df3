// swift-tools-version:6.0
import PackageDescription

// A bare Hummingbird 2 app: the HTTP benchmark's baseline (bench/http.py). Its own
// package, so that building it builds none of Linli.
let package = Package(
    name: "LinliBenchBaseline",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1")
    ],
    targets: [
        .executableTarget(name: "baseline", dependencies: [.product(name: "Hummingbird", package: "hummingbird")])
    ]
)
