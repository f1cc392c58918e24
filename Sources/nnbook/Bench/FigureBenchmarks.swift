import Canvas
import Figures
import Foundation
import Neural

/// Figure speed goals. The peer is bench/mpl_boundary_peer.py (matplotlib contourf of the same
/// 500×500 grid, 6×5 in, 150 DPI): run it with `--once` under `time` for its whole-process time.
enum FigureBenchmarks {
    static var all: [Benchmark] {
        [
            Benchmark(key: "boundary_500_png_s") { repeats in try boundary(.png, repeats) },
            Benchmark(key: "boundary_500_pdf_s") { repeats in try boundary(.pdf, repeats) },
            // The PNG figure drawn into 150-DPI pixels but not encoded: what PNG encoding costs is
            // boundary_500_png_s minus this.
            Benchmark(key: "boundary_500_pixels_s") { repeats in
                let fig = try figure()
                let size = fig.preferredSize
                _ = try Render.bitmap(size: size, dpi: 150) { try fig.draw(in: Rect(size), on: $0) }
                return try Benchmarks.medianSeconds(repeats) {
                    _ = try Render.bitmap(size: size, dpi: 150) { try fig.draw(in: Rect(size), on: $0) }
                }
            },
        ]
    }

    /// A fixed [2,4,1] sigmoid network whose output has two bands over −0.5…1.5² (the XOR kind of
    /// boundary), and the four XOR points.
    static func figure() throws -> DecisionBoundary {
        let net = try Network(sizes: [2, 4, 1], activations: [.sigmoid],
                              weights: [Matrix([[6, -6, 4, -4], [6, -6, -4, 4]]), Matrix([[8], [8], [1], [1]])],
                              biases: [Matrix(row: [-3, 9, 0, 0]), Matrix(row: [-13])])
        let points = [LabeledPoint(0, 0, label: 0), LabeledPoint(0, 1, label: 1),
                      LabeledPoint(1, 0, label: 1), LabeledPoint(1, 1, label: 0)]
        var d = DecisionBoundary(network: net, points: points, title: "2-4-1 sigmoid network on XOR")
        d.resolution = (500, 500)
        d.size = .inches(6, 5)
        d.colorBarLabel = "network output"
        return d
    }

    /// Median seconds for: one batch forward pass over the grid, the heat map, the contour, the
    /// drawing and the file written (as the peer: grid evaluation + figure + save).
    static func boundary(_ format: ImageFormat, _ repeats: Int) throws -> Double {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("nnbook-bench-boundary-\(getpid()).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fig = try figure()
        try fig.render(to: path, format: format, dpi: 150)   // warm-up: fonts, caches
        return try Benchmarks.medianSeconds(repeats) {
            try fig.render(to: path, format: format, dpi: 150)
        }
    }
}
