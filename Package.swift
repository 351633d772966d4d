// swift-tools-version:6.2
import Foundation
import PackageDescription

// Release builds only (docs/ARCHITECTURE.md, "Memory"): the Swift runtime and Foundation are linked
// statically with lld, and the functions the server runs are laid out first, in the order of
// Sources/Eclairage/symbol-order.txt (made by scripts/link_order.py), so that they share a few MiB of
// pages instead of touching most of 30 MiB of code. Debug builds and tests are untouched.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let release = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let packedCode: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], release)]
let releaseLink: [LinkerSetting] = [
    .unsafeFlags([
        "-static-stdlib", "-use-ld=lld",
        "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
        "-Xlinker", "--no-export-dynamic",
        "-Xlinker", "--symbol-ordering-file=\(root)/Sources/Eclairage/symbol-order.txt",
        "-Xlinker", "--no-warn-symbol-ordering",
        "-Xlinker", "-T", "-Xlinker", "\(root)/Sources/Eclairage/private-functions.ld",
    ], release),
    // Foundation's static archives need these named; the dynamic libraries bring them themselves.
    .linkedLibrary("_FoundationICU", release), .linkedLibrary("CoreFoundation", release),
    .linkedLibrary("_FoundationCShims", release), .linkedLibrary("_FoundationCollections", release),
]

let package = Package(
    name: "eclairage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "eclairage", targets: ["Eclairage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "EclairageDomain",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Ink", package: "Ink"),
            ],
            swiftSettings: packedCode
        ),
        .target(
            name: "EclairageWeb",
            dependencies: [
                "EclairageDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Routes/pages.tsv"],
            resources: [.copy("Resources")],
            swiftSettings: packedCode
        ),
        .executableTarget(
            name: "Eclairage",
            dependencies: [
                "EclairageWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["symbol-order.txt", "private-functions.ld"],
            swiftSettings: packedCode,
            linkerSettings: releaseLink
        ),
        .testTarget(
            name: "EclairageDomainTests",
            dependencies: ["EclairageDomain"]
        ),
        .testTarget(
            name: "EclairageWebTests",
            dependencies: [
                "EclairageWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
