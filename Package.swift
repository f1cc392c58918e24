// swift-tools-version:6.0
import PackageDescription

// Neural's per-sample training loops are compiled three times: for the target's baseline
// (NeuralKernels: PortableKernels), for AVX2 + FMA (NeuralKernelsFused) and for AVX-512 + FMA
// (NeuralKernelsWide); KernelChoice runs the widest the processor has. All give the same bits.
// On arm64 every processor has a fused multiply-add and the last two need no flag. They are
// optimised in debug builds too: only then are RowKernels' loops compiled inside them (and not
// called, as baseline code, from NeuralKernels), so the tests check the vector code that runs.
#if arch(x86_64)
let fusedKernelFlags: [SwiftSetting] = [.unsafeFlags(["-O", "-Xcc", "-mavx2", "-Xcc", "-mfma"])]
let wideKernelFlags: [SwiftSetting] = [.unsafeFlags(["-O", "-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-mavx512f"])]
#else
let fusedKernelFlags: [SwiftSetting] = [.unsafeFlags(["-O"])]
let wideKernelFlags: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

// Data flows one way: Neural → (Canvas) → Figures → Typeset → Notebook / Exercises → nnbook.
// Lower modules never import higher ones. Only Canvas talks to the C graphics libraries.
let package = Package(
    name: "nnbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nnbook", targets: ["nnbook"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Numbers only: no I/O, no Cairo.
        .target(name: "Neural", dependencies: ["NeuralKernels", "NeuralKernelsFused", "NeuralKernelsWide"]),
        // Neural's innermost loops (exp, the per-sample SGD rows) and the choice among their builds.
        .target(name: "NeuralKernels"),
        .target(name: "NeuralKernelsFused", dependencies: ["NeuralKernels"], swiftSettings: fusedKernelFlags),
        .target(name: "NeuralKernelsWide", dependencies: ["NeuralKernels"], swiftSettings: wideKernelFlags),

        // System libraries (Debian: libcairo2-dev, libpango1.0-dev).
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]),

        // Drawing surfaces (PDF, PNG, SVG), paths and Pango text. The only module that talks to Cairo and Pango.
        .target(name: "Canvas", dependencies: ["CCairo", "CPangoCairo"]),

        // Plots and diagrams described as values, drawn on a Canvas.
        .target(name: "Figures", dependencies: ["Canvas", "Neural"]),

        // Rich text, math, tables and pages as boxes; drawn by Canvas.
        .target(name: "Typeset", dependencies: ["Canvas"]),

        // Lesson scripts: parse cells, run them with Neural, present blocks for Typeset.
        .target(
            name: "Notebook",
            dependencies: [
                "Neural", "Canvas", "Figures", "Typeset",
                .product(name: "Yams", package: "Yams"),
            ]),

        // `nnbook verify` and `nnbook exercise`: checking hand calculations, generating variants.
        .target(
            name: "Exercises",
            dependencies: [
                "Neural", "Canvas", "Figures", "Typeset",
                .product(name: "Yams", package: "Yams"),
            ]),

        // The thin command-line interface.
        .executableTarget(
            name: "nnbook",
            dependencies: [
                "Neural", "Canvas", "Figures", "Typeset", "Notebook", "Exercises",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // The fuzz harness (make fuzz): seeded mutations of lessons, verify files, TeX and Markdown.
        .executableTarget(
            name: "nnbook-fuzz",
            dependencies: ["Neural", "Typeset", "Notebook", "Exercises"]),

        .testTarget(name: "NeuralTests", dependencies: ["Neural", "NeuralKernels", "NeuralKernelsFused", "NeuralKernelsWide"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Canvas", "Neural"]),
        .testTarget(name: "TypesetTests", dependencies: ["Typeset", "Canvas"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Neural"]),
        .testTarget(name: "ExercisesTests", dependencies: ["Exercises", "Neural"]),
        .testTarget(name: "CLITests", dependencies: ["nnbook"]),
    ]
)
