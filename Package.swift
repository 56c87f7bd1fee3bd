// swift-tools-version:6.0
// kmemsim: a shell over a simulated Linux 6.6 memory manager. Layers (each imports only what is below it):
// kmemsim (executable) -> MMShell, LineEditing -> KernelMM. See ARCHITECTURE.md.
import PackageDescription

// The debug build optimises the targets that do the suite's work (the simulated kernel, the shell, the fuzzer, and the
// line reader the end-to-end tests feed a 100 MB line): the tests replay long random runs and walk every invariant
// after each step, which unoptimised Swift runs several times slower (generic code per element, copies of whole values
// per call). `swift test` stays the one command and `@testable import` still works (SwiftPM's debug build keeps
// -enable-testing). To step through these targets unoptimised in a debugger, build with KMEMSIM_ONONE=1
// (`KMEMSIM_ONONE=1 swift build --build-tests`). Release builds are unchanged.
let optimisedInDebug: [SwiftSetting] = Context.environment["KMEMSIM_ONONE"] == nil ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

let package = Package(
    name: "kmemsim",
    products: [
        .executable(name: "kmemsim", targets: ["kmemsim"]),
        .library(name: "KernelMM", targets: ["KernelMM"]),
        .library(name: "MMShell", targets: ["MMShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // The simulated kernel: pure Swift, no I/O, no Foundation, deterministic.
        .target(name: "KernelMM", swiftSettings: optimisedInDebug),
        // Parser, command table, commands, views, query language, lessons.
        .target(name: "MMShell", dependencies: ["KernelMM", .product(name: "Yams", package: "Yams")], swiftSettings: optimisedInDebug),
        // libedit, as the system provides it (Debian/Ubuntu: libedit-dev).
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Non-variadic wrappers: Swift cannot call el_set/el_get/history, which are C variadics.
        .target(name: "CLibEditShims", dependencies: ["CLibEdit"]),
        .target(name: "LineEditing", dependencies: ["CLibEdit", "CLibEditShims"], swiftSettings: optimisedInDebug),
        .executableTarget(name: "kmemsim", dependencies: [
            "MMShell", "LineEditing", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The page allocator benchmark (Benchmarks/run puts it beside the C floor, ../shared/bench/refbuddy.c).
        .executableTarget(name: "kmemsim-bench", dependencies: ["KernelMM"], path: "Benchmarks/kmemsim-bench"),
        .testTarget(name: "KernelMMTests", dependencies: ["KernelMM"]),
        .testTarget(name: "MMShellTests", dependencies: ["MMShell", "KernelMM", "KmemsimFuzz"]),
        // The seeded command fuzzer (issue 17): the suite runs 100k lines of it, Benchmarks/fuzz a million.
        .target(name: "KmemsimFuzz", dependencies: ["MMShell", "KernelMM"], path: "Tests/Fuzz", swiftSettings: optimisedInDebug),
        .executableTarget(name: "kmemsim-fuzz", dependencies: ["KmemsimFuzz", "KernelMM"], path: "Benchmarks/kmemsim-fuzz"),
        // libFuzzer over the line parser and interpreter (Benchmarks/libfuzzer builds it with -sanitize=fuzzer); a
        // plain build replays inputs given as files.
        .executableTarget(name: "kmemsim-libfuzzer", dependencies: ["KmemsimFuzz", "MMShell", "KernelMM"], path: "Benchmarks/kmemsim-libfuzzer"),
        // Runs the built binary for the tests that need it (pipes, lessons headless, pty).
        .target(name: "KmemsimTestSupport", path: "Tests/Support"),
        .testTarget(name: "EndToEndTests", dependencies: ["kmemsim", "MMShell", "KmemsimTestSupport"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "MMShell", "kmemsim", "KmemsimTestSupport"]),
        // Every lesson in lessons/ replayed with its reference solution; progress files; headless runs.
        .testTarget(name: "LessonTests", dependencies: ["MMShell", "KernelMM", "kmemsim", "KmemsimTestSupport"]),
    ]
)
