import Canvas
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Figures
import Neural

/// A folder for this run's renders; FIGURES_OUT keeps them somewhere to look at.
func outputFolder() -> String {
    let dir = ProcessInfo.processInfo.environment["FIGURES_OUT"]
        ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("nnbook-figures-tests-\(getpid())")
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func run(_ tool: String, _ args: [String]) throws -> (status: Int32, out: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Which end of the diverging map a pixel is nearer: blue (class 0) or orange (class 1).
func side(_ px: (r: UInt8, g: UInt8, b: UInt8, a: UInt8)) -> Int? {
    let r = Int(px.r), b = Int(px.b)
    if b - r > 40 { return 0 }
    if r - b > 40 { return 1 }
    return nil
}

@Suite(.serialized) struct RenderTests {
    @Test func everyFigureRendersToPNGPDFAndSVG() throws {
        let dir = outputFolder()
        for (name, fig) in try Fixtures.all() {
            let size = fig.preferredSize
            #expect(size.width > 50 && size.height > 50, "\(name) has size \(size)")
            let png = (dir as NSString).appendingPathComponent(name + ".png")
            try fig.render(to: png, format: .png, dpi: 150)
            let bmp = try Bitmap(pngPath: png)
            #expect(bmp.width == Int((size.width * 150 / 72).rounded()))
            // Something was drawn: not all white.
            #expect(bmp.rgba.enumerated().contains { $0.offset % 4 != 3 && $0.element < 200 }, "\(name) is blank")
            let svg = (dir as NSString).appendingPathComponent(name + ".svg")
            try fig.render(to: svg, format: .svg)
            let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: svg))
            #expect(doc.rootElement()?.name == "svg", "\(name).svg is not an SVG document")
            try fig.render(to: (dir as NSString).appendingPathComponent(name + ".pdf"), format: .pdf)
        }
    }

    @Test func xorBoundaryColoursTheClassesAndTheContourRunsBetween() throws {
        var fig = try Fixtures.xorBoundary()
        fig.points = []               // look at the heat map itself, not the markers
        fig.showContour = false
        let size = fig.preferredSize
        let dpi = 150.0
        let bmp = try Render.bitmap(size: size, dpi: dpi) { try fig.draw(in: Rect(size), on: $0) }
        // Where the data corners are on the page: recompute the plot area the figure used.
        let (axes, plot, _, _, _) = try fig.frame(in: Rect(size), colorRange: 0...1, on: Canvas.measuring())
        let (sx, sy) = axes.scales(plot)
        func pixel(_ x: Double, _ y: Double) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
            bmp.pixel(atPoint: Point(sx.position(x)!, sy.position(y)!), dpi: dpi)
        }
        // ŷ(0,0) = σ(8σ(−3) + 8σ(9) − 12) ≈ σ(−3.6) ≈ 0.03 and ŷ(1,1) ≈ 0.03: blue (class 0).
        // ŷ(0,1) = ŷ(1,0) = σ(8σ(3) + 8σ(3) − 12) ≈ σ(3.24) ≈ 0.96: orange (class 1).
        for (x, y, expected) in [(0.0, 0.0, 0), (1, 1, 0), (0, 1, 1), (1, 0, 1), (0.05, 0.1, 0), (0.95, 0.9, 0)] {
            #expect(side(pixel(x, y)) == expected, "pixel at (\(x), \(y)) is \(pixel(x, y))")
        }
        // Along the diagonal from (0,0) to (0,1) the colour changes side exactly once, and the
        // 0.5 level (x + y ≈ 0.5 for this network) lies between them.
        var flips: [Double] = []
        var last = side(pixel(0, 0))
        for k in 1...100 {
            let y = Double(k) / 100
            if let s = side(pixel(0, y)), s != last { flips.append(y); last = s }
        }
        #expect(flips.count == 1)
        #expect(flips.allSatisfy { $0 > 0.3 && $0 < 0.7 })

        // With the contour drawn, it crosses that segment: a dark pixel between the two classes.
        fig.showContour = true
        let withLine = try Render.bitmap(size: size, dpi: dpi) { try fig.draw(in: Rect(size), on: $0) }
        let darkYs = (0...100).map { Double($0) / 100 }.filter { y in
            let p = withLine.pixel(atPoint: Point(sx.position(0)!, sy.position(y)!), dpi: dpi)
            return Int(p.r) + Int(p.g) + Int(p.b) < 300
        }
        #expect(!darkYs.isEmpty && darkYs.allSatisfy { $0 > 0.3 && $0 < 0.7 }, "contour pixels at \(darkYs)")
        let field = try fig.field()
        let curves = fig.raster(field).curves
        #expect(curves.count == 2)
    }

    @Test func weightLabelIsTextInThePDF() throws {
        let dir = outputFolder()
        let pdf = (dir as NSString).appendingPathComponent("labels.pdf")
        var d = try Fixtures.diagram232()
        d.layerCaptions[1] = "Lớp ẩn"          // the lesson's language: Vietnamese with stacked diacritics
        try d.render(to: pdf, format: .pdf)
        let (status, text) = try run("pdftotext", [pdf, "-"])
        #expect(status == 0)
        // W⁽²⁾[0][0] = 0.7, W⁽¹⁾[1][2] = −0.6 (with the minus sign), b⁽²⁾[1] = 0.4.
        for label in ["0.7", "−0.6", "0.45", "0.4", "Lớp ẩn (3)", "Output layer (2)"] {
            #expect(text.contains(label), "\(label) not in pdftotext output: \(text)")
        }
    }

    @Test func rendersAreByteIdentical() throws {
        let dir = outputFolder()
        for (name, fig) in try Fixtures.all() where ["network-2-3-2", "boundary-xor", "loss-curves", "graph"].contains(name) {
            for format in [ImageFormat.png, .pdf, .svg] {
                let a = (dir as NSString).appendingPathComponent("\(name)-a.\(format.rawValue)")
                let b = (dir as NSString).appendingPathComponent("\(name)-b.\(format.rawValue)")
                try fig.render(to: a, format: format)
                try fig.render(to: b, format: format)
                #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b), "\(name).\(format)")
            }
        }
    }

    @Test func boundaryIsOneBatchOverTheGrid() throws {
        var fig = try Fixtures.xorBoundary()
        fig.resolution = (30, 20)
        let f = try fig.field()
        #expect(f.outputs.rows == 600 && f.outputs.cols == 1)
        // Cell centres: x from −0.5 + 1/30·… ; the value at a cell equals the network's there.
        let net = try Fixtures.xorNetwork()
        let k = 7 * 30 + 11
        let one = try net.predict(Matrix(row: [f.xs[11], f.ys[7]]))
        #expect(abs(one[0, 0] - f.outputs[k, 0]) < 1e-15)
        #expect(abs(f.xs[0] - (-0.5 + 1.0 / 30)) < 1e-12 && abs(f.ys[19] - (1.5 - 0.05)) < 1e-12)
    }

    @Test func perceptronLineIsExact() {
        // x₁ + x₂ − 1.5 = 0 in −0.5…1.5: from (0, 1.5) to (1.5, 0).
        let seg = DecisionBoundary.line(w: [1, 1], b: -1.5, x: -0.5...1.5, y: -0.5...1.5)!
        let pts = [seg.0, seg.1].sorted { $0.x < $1.x }
        #expect(abs(pts[0].x) < 1e-12 && abs(pts[0].y - 1.5) < 1e-12)
        #expect(abs(pts[1].x - 1.5) < 1e-12 && abs(pts[1].y) < 1e-12)
        #expect(DecisionBoundary.line(w: [1, 0], b: -5, x: 0...1, y: 0...1) == nil)   // x = 5 misses
        #expect(DecisionBoundary.line(w: [0, 0], b: 1, x: 0...1, y: 0...1) == nil)
    }

    @Test func computationGraphCarriesTheBlogsNumbers() throws {
        // x = 1, w = 5, b = 1, y = 2: ŷ = 6, e = 4, L = 16, ∂L/∂e = 2e = 8, ∂L/∂ŷ = 8, ∂L/∂w = 8·x = 8,
        // ∂L/∂b = 8, ∂L/∂x = 8·w = 40 (blog post 003).
        let g = try ComputationGraph.linearRegression(x: 1, w: 5, b: 1, y: 2)
        func node(_ id: String) -> ComputationGraph.Node { g.nodes.first { $0.id == id }! }
        #expect(node("yhat").value == 6 && node("e").value == 4 && node("L").value == 16)
        #expect(node("yhat").gradient == 8 && node("e").gradient == 8 && node("w").gradient == 8)
        #expect(node("b").gradient == 8 && node("x").gradient == 40 && node("L").gradient == 1)
        let pdf = (outputFolder() as NSString).appendingPathComponent("graph-text.pdf")
        try Fixtures.graph().render(to: pdf, format: .pdf)
        let text = try run("pdftotext", [pdf, "-"]).out
        // pdftotext drops some spaces around "=": compare without spaces.
        let bare = text.replacingOccurrences(of: " ", with: "")
        for s in ["=16", "∂L/∂ŷ=8", "∂L/∂w=8", "∂L/∂x=40", "=6", "ŷ=u+b"] { #expect(bare.contains(s), "\(s) missing from \(text)") }
    }

    @Test func badInputThrowsAClearError() throws {
        let net = try Network(sizes: [3, 1], activation: .sigmoid, seed: 1)
        let d = DecisionBoundary(network: net)
        #expect(throws: FigureError.self) { try d.draw(in: Rect(d.preferredSize), on: Canvas.measuring()) }
        let s = LineChart([.init("bad", x: [1, 2], y: [1])])
        #expect(throws: FigureError.self) { try s.draw(in: Rect(s.preferredSize), on: Canvas.measuring()) }
        let h = Heatmap([[1, 2], [3]], rowLabels: ["a", "b"], columnLabels: ["a", "b"])
        #expect(throws: FigureError.self) { try h.draw(in: Rect(Size(200, 200)), on: Canvas.measuring()) }
    }
}

@Suite struct CompactRenderTests {
    /// The sizes the notebook uses for two figures side by side.
    @Test func compactFiguresRender() throws {
        let dir = outputFolder()
        var d = try Fixtures.xorBoundary()
        d.size = Size(250, 215)
        d.resolution = (200, 200)
        try d.render(to: (dir as NSString).appendingPathComponent("compact-boundary.png"), format: .png)
        var c = Fixtures.lossCurves()
        c.size = Size(250, 215)
        try c.render(to: (dir as NSString).appendingPathComponent("compact-loss.png"), format: .png)
        var fit = LineChart([.init("samples", x: (0..<60).map { Double($0) / 10 }, y: (0..<60).map { sin(Double($0) / 10) }, width: 0, marker: .circle),
                             .init("fit", function: { sin($0) }, over: 0...6)], xLabel: "x", yLabel: "y")
        fit.size = Size.inches(5, 3.4)
        try fit.render(to: (dir as NSString).appendingPathComponent("fit.png"), format: .png)
    }
}
