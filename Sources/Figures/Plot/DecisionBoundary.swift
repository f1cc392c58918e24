import Canvas
import Foundation
import Neural

/// A point of a two-feature data set with its class.
public struct LabeledPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var label: Int
    public init(_ x: Double, _ y: Double, label: Int) { self.x = x; self.y = y; self.label = label }

    /// The points of a two-feature data set (its first two columns and labels).
    public static func from(_ data: Dataset) -> [LabeledPoint] {
        guard data.x.cols >= 2 else { return [] }
        return (0..<data.x.rows).map { LabeledPoint(data.x[$0, 0], data.x[$0, 1], label: $0 < data.labels.count ? data.labels[$0] : 0) }
    }
}

/// What a 2-input model decides over a rectangle: its output as a heat map (one batch forward
/// pass over a grid, drawn as one raster image), the decision boundary (the 0.5 level by marching
/// squares; for softmax outputs the borders of the argmax regions; for a linear unit its exact line
/// w·x + b = 0), the data points by class, axes and a colour bar.
public struct DecisionBoundary: Drawable, Sendable {
    public enum Model: Sendable, Equatable {
        case network(Network)
        /// A perceptron or single linear unit: class 1 where w₁x₁ + w₂x₂ + b ≥ 0.
        case linear(weights: [Double], bias: Double)
    }

    public var model: Model
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Grid columns and rows of the heat map (the network is evaluated once per cell).
    public var resolution: (columns: Int, rows: Int) = (400, 400)
    public var points: [LabeledPoint]
    /// Names of the classes for a legend (empty: no legend).
    public var classNames: [String] = []
    public var title: String?
    public var xLabel: String? = "x₁"
    public var yLabel: String? = "x₂"
    public var colorBarLabel: String?
    /// The output level drawn as the boundary; nil: 0.5 for outputs in 0…1, else 0.
    public var threshold: Double?
    public var showContour = true
    /// Marker size in points; nil: 8, or 6 when there are more than 60 points.
    public var markerSize: Double?
    public var showColorBar = true
    public var size = Size.inches(6, 5)
    public var theme = Theme.standard
    /// Small multiples draw their axes with fewer ticks.
    var maxTicks = 6
    /// Rasters already made for this figure (shared by its copies): drawing it again, for the page
    /// PNG, the figure PNG and the handout, costs only the blit.
    var cache = RasterCache()

    public init(_ model: Model, xRange: ClosedRange<Double> = -0.5...1.5, yRange: ClosedRange<Double> = -0.5...1.5,
                points: [LabeledPoint] = [], title: String? = nil) {
        self.model = model
        self.xRange = xRange
        self.yRange = yRange
        self.points = points
        self.title = title
    }

    public init(network: Network, xRange: ClosedRange<Double> = -0.5...1.5, yRange: ClosedRange<Double> = -0.5...1.5,
                points: [LabeledPoint] = [], title: String? = nil) {
        self.init(.network(network), xRange: xRange, yRange: yRange, points: points, title: title)
    }

    public init(perceptron p: Perceptron, xRange: ClosedRange<Double> = -0.5...1.5, yRange: ClosedRange<Double> = -0.5...1.5,
                points: [LabeledPoint] = [], title: String? = nil) {
        self.init(.linear(weights: p.weights, bias: p.bias), xRange: xRange, yRange: yRange, points: points, title: title)
    }

    /// Ranges that hold every point with a margin of 15 % (at least 0.25) on each side.
    public static func ranges(around points: [LabeledPoint]) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        guard let f = points.first else { return (-0.5...1.5, -0.5...1.5) }
        var (x0, x1, y0, y1) = (f.x, f.x, f.y, f.y)
        for p in points { x0 = min(x0, p.x); x1 = max(x1, p.x); y0 = min(y0, p.y); y1 = max(y1, p.y) }
        let mx = max(0.25, (x1 - x0) * 0.15), my = max(0.25, (y1 - y0) * 0.15)
        return ((x0 - mx)...(x1 + mx), (y0 - my)...(y1 + my))
    }

    public var preferredSize: Size { size }

    // MARK: the field

    /// The model evaluated on the grid: `outputs` is (columns·rows)×k, row j·columns + i for the
    /// cell centre (xs[i], ys[j]), j = 0 at the bottom.
    struct Field {
        var xs: [Double]
        var ys: [Double]
        var outputs: Matrix
        var isLinear: Bool
        var classes: Int { isLinear ? 2 : outputs.cols }
    }

    /// Grid cells evaluated in one forward pass.
    static let batchRows = 2048

    func field() throws -> Field {
        let nx = max(2, resolution.columns), ny = max(2, resolution.rows)
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(nx)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(ny)
        let xs = (0..<nx).map { xRange.lowerBound + (Double($0) + 0.5) * dx }
        let ys = (0..<ny).map { yRange.lowerBound + (Double($0) + 0.5) * dy }
        switch model {
        case .network(let net):
            guard net.sizes.first == 2 else {
                throw FigureError.invalid("a decision boundary needs a network with 2 inputs, not \(net.sizes.first ?? 0)")
            }
            // In batches of a few thousand cells: the layers' values stay in the processor's cache
            // (a whole 400×400 grid through 32 hidden units is 40 MB). Each row of the output depends
            // only on its own input row, so the values are those of one batch over the whole grid.
            let cells = nx * ny, k = net.outputSize
            var outputs = [Double]()
            outputs.reserveCapacity(cells * k)
            var start = 0
            while start < cells {
                let n = min(Self.batchRows, cells - start)
                var storage = [Double](repeating: 0, count: n * 2)
                for r in 0..<n {
                    storage[2 * r] = xs[(start + r) % nx]; storage[2 * r + 1] = ys[(start + r) / nx]
                }
                outputs += try net.predict(Matrix(rows: n, cols: 2, storage: storage)).storage
                start += n
            }
            return Field(xs: xs, ys: ys, outputs: Matrix(rows: cells, cols: k, storage: outputs), isLinear: false)
        case .linear(let w, let b):
            guard w.count == 2 else {
                throw FigureError.invalid("a decision boundary needs 2 weights, not \(w.count)")
            }
            var storage = [Double](repeating: 0, count: nx * ny)
            for j in 0..<ny { for i in 0..<nx { storage[j * nx + i] = w[0] * xs[i] + w[1] * ys[j] + b } }
            return Field(xs: xs, ys: ys, outputs: Matrix(rows: nx * ny, cols: 1, storage: storage), isLinear: true)
        }
    }

    /// The colour range and the boundary level for a single-output model.
    static func levels(of values: [Double], threshold: Double?) -> (range: ClosedRange<Double>, level: Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        if lo >= 0 && hi <= 1 { return (0...1, threshold ?? 0.5) }
        let t = threshold ?? 0
        let m = max(abs(lo - t), abs(hi - t), 1e-12)
        return ((t - m)...(t + m), t)
    }

    /// The heat map's pixels (top row first) and the boundary curves in data coordinates.
    func raster(_ f: Field) -> (rgba: [UInt8], curves: [[XY]], colorRange: ClosedRange<Double>?) {
        let nx = f.xs.count, ny = f.ys.count
        var rgba = [UInt8](repeating: 255, count: nx * ny * 4)
        let out = f.outputs.storage
        let k = f.outputs.cols
        if f.isLinear {
            // Two flat tints, one per side of the line; the line itself is drawn exactly.
            let c0 = OkabeIto.blue.mixed(with: .white, 0.78), c1 = OkabeIto.vermillion.mixed(with: .white, 0.78)
            for j in 0..<ny {
                let row = (ny - 1 - j) * nx
                for i in 0..<nx {
                    let c = out[j * nx + i] >= 0 ? c1 : c0
                    let p = 4 * (row + i)
                    rgba[p] = c.r; rgba[p + 1] = c.g; rgba[p + 2] = c.b
                }
            }
            return (rgba, [], nil)
        }
        if k == 1 {
            let (range, level) = DecisionBoundary.levels(of: out, threshold: threshold)
            let lo = range.lowerBound, span = range.upperBound - range.lowerBound
            let map = ColorMap.diverging
            out.withUnsafeBufferPointer { o in
                rgba.withUnsafeMutableBufferPointer { px in
                    for j in 0..<ny {
                        let row = (ny - 1 - j) * nx
                        for i in 0..<nx {
                            let c = map.color((o[j * nx + i] - lo) / span)
                            let p = 4 * (row + i)
                            px[p] = c.r; px[p + 1] = c.g; px[p + 2] = c.b
                        }
                    }
                }
            }
            let curves = showContour ? MarchingSquares.contour(Grid(xs: f.xs, ys: f.ys, values: out), level: level) : []
            return (rgba, curves, range)
        }
        // Softmax (or several outputs): the region of the largest output, paler where it is less sure.
        var margins = [[Double]](repeating: [Double](repeating: 0, count: nx * ny), count: k - 1)
        for j in 0..<ny {
            let row = (ny - 1 - j) * nx
            for i in 0..<nx {
                let base = (j * nx + i) * k
                var best = 0
                for c in 1..<k where out[base + c] > out[base + best] { best = c }
                let total = (0..<k).reduce(0.0) { $0 + max(0, out[base + $1]) }
                let confidence = total > 0 ? out[base + best] / total : 1
                // 1/k (a tie) → pale, 1 (certain) → strong.
                let strength = max(0, min(1, (confidence - 1 / Double(k)) / (1 - 1 / Double(k))))
                let c = OkabeIto.color(ofClass: best).mixed(with: .white, 0.85 - 0.45 * strength)
                let p = 4 * (row + i)
                rgba[p] = c.r; rgba[p + 1] = c.g; rgba[p + 2] = c.b
                for c in 0..<(k - 1) {
                    var other = -Double.infinity
                    for d in 0..<k where d != c { other = max(other, out[base + d]) }
                    margins[c][j * nx + i] = out[base + c] - other
                }
            }
        }
        var curves: [[XY]] = []
        if showContour {
            for m in margins { curves += MarchingSquares.contour(Grid(xs: f.xs, ys: f.ys, values: m), level: 0) }
        }
        return (rgba, curves, nil)
    }

    // MARK: drawing

    /// How the figure divides `rect`: the axes, the plot area, the colour bar and the legend.
    func frame(in rect: Rect, colorRange: ClosedRange<Double>?, on canvas: Canvas) throws
        -> (axes: Axes, plot: Rect, bar: ColorBar?, legend: Legend, legendSize: Size) {
        let axes = Axes(x: .exact(xRange, label: xLabel, maxTicks: maxTicks), y: .exact(yRange, label: yLabel, maxTicks: maxTicks),
                        title: title, theme: theme, grid: false)
        let bar = (showColorBar && colorRange != nil) ? ColorBar(map: .diverging, domain: colorRange!, label: colorBarLabel, theme: theme) : nil
        let legend = Legend(entries: classNames.enumerated().map { k, name in
            Legend.Entry(text: name, color: theme.color(ofClass: k), line: false, marker: .forClass(k))
        }, theme: theme)
        let legendSize = try legend.size(on: canvas)
        let right = max(try bar?.width(on: canvas) ?? 0, legendSize.width > 0 ? legendSize.width + 14 : 0)
        let plot = try axes.plotArea(in: rect, right: right, on: canvas)
        return (axes, plot, bar, legend, legendSize)
    }

    /// The heat map, its size and its boundary curves: from the cache, or computed once.
    func cachedRaster() throws -> Raster {
        let key = RasterCache.Key(model: model, xRange: xRange, yRange: yRange, columns: resolution.columns,
                                  rows: resolution.rows, threshold: threshold, showContour: showContour)
        return try cache.raster(for: key) {
            let f = try field()
            let (rgba, curves, colorRange) = raster(f)
            return Raster(rgba: rgba, width: f.xs.count, height: f.ys.count, curves: curves, colorRange: colorRange)
        }
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        let r = try cachedRaster()
        let (rgba, curves, colorRange) = (r.rgba, r.curves, r.colorRange)
        let (axes, plot, bar, legend, legendSize) = try frame(in: rect, colorRange: colorRange, on: canvas)
        let (sx, sy) = axes.scales(plot)

        try canvas.withState {
            canvas.clip(to: plot)
            canvas.drawImage(rgba: rgba, width: r.width, height: r.height, in: plot, smooth: true)
            func page(_ p: XY) -> Point { Point(sx.position(p.x) ?? plot.minX, sy.position(p.y) ?? plot.minY) }
            // The boundary: a white casing under a dark line reads on both blue and orange.
            for casing in [true, false] {
                canvas.newPath()
                for c in curves where c.count >= 2 { canvas.polyline(c.map(page), closed: c.first == c.last && c.count > 2) }
                if case .linear(let w, let b) = model, let seg = DecisionBoundary.line(w: w, b: b, x: xRange, y: yRange) {
                    canvas.line(from: page(seg.0), to: page(seg.1))
                }
                canvas.stroke(casing ? Color.white.withAlpha(0.85) : theme.text, width: casing ? 3.2 : 1.4, join: .round)
            }
            for p in points {
                guard let px = sx.position(p.x), let py = sy.position(p.y) else { continue }
                Marker.forClass(p.label).drawRinged(at: Point(px, py), size: markerSize ?? (points.count > 60 ? 6 : 8), fill: theme.color(ofClass: p.label),
                                                    stroke: theme.text, on: canvas)
            }
            try canvas.check("drawing a decision boundary")
        }
        try axes.drawFrame(plot, in: rect, on: canvas)
        var barBottom = plot.maxY
        if legendSize.width > 0 {
            try legend.draw(at: Point(plot.maxX + 10, plot.maxY - legendSize.height), on: canvas)
            barBottom = plot.maxY - legendSize.height - 10
        }
        if let bar, barBottom - plot.minY > 40 {
            try bar.draw(x: plot.maxX, top: plot.minY, bottom: barBottom, on: canvas)
        }
    }

    /// The part of the line w₁x + w₂y + b = 0 inside the rectangle, or nil if it misses it.
    static func line(w: [Double], b: Double, x: ClosedRange<Double>, y: ClosedRange<Double>) -> (XY, XY)? {
        guard w.count == 2, w[0] != 0 || w[1] != 0 else { return nil }
        var pts: [XY] = []
        func add(_ p: XY) {
            if x.contains(p.x + 0) || abs(p.x - x.lowerBound) < 1e-12 || abs(p.x - x.upperBound) < 1e-12,
               y.contains(p.y) || abs(p.y - y.lowerBound) < 1e-12 || abs(p.y - y.upperBound) < 1e-12,
               !pts.contains(where: { $0.distance(to: p) < 1e-12 }) { pts.append(p) }
        }
        if w[1] != 0 {
            for xv in [x.lowerBound, x.upperBound] { add(XY(xv, -(w[0] * xv + b) / w[1])) }
        }
        if w[0] != 0 {
            for yv in [y.lowerBound, y.upperBound] { add(XY(-(w[1] * yv + b) / w[0], yv)) }
        }
        return pts.count >= 2 ? (pts[0], pts[1]) : nil
    }
}

/// A decision boundary's heat map (top row first) and its boundary curves in data coordinates.
struct Raster: Sendable {
    var rgba: [UInt8]
    var width: Int
    var height: Int
    var curves: [[XY]]
    var colorRange: ClosedRange<Double>?
}

/// The rasters of one figure (a snapshot panel shares one among its panels), keyed by everything
/// they depend on, so a changed copy never draws a stale picture. Evaluating the model on the grid
/// is most of a boundary's cost; the same figure is drawn four times in a build.
final class RasterCache: @unchecked Sendable {
    struct Key: Equatable {
        var model: DecisionBoundary.Model
        var xRange: ClosedRange<Double>
        var yRange: ClosedRange<Double>
        var columns: Int
        var rows: Int
        var threshold: Double?
        var showContour: Bool
    }

    /// More entries than a snapshot panel has panels are dropped oldest first.
    static let capacity = 64
    private let lock = NSLock()
    private var entries: [(key: Key, raster: Raster)] = []

    /// The raster for `key`; `make` runs (under the lock, so once) when there is none yet.
    func raster(for key: Key, make: () throws -> Raster) throws -> Raster {
        lock.lock(); defer { lock.unlock() }
        if let hit = entries.first(where: { $0.key == key }) { return hit.raster }
        let r = try make()
        entries.append((key, r))
        if entries.count > Self.capacity { entries.removeFirst() }
        return r
    }
}
