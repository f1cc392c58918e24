import Canvas
import Foundation

/// Curves over a common x axis with a legend: loss and accuracy per epoch (train and validation),
/// activation functions beside their derivatives, the six-ReLU universal-approximation sum.
public struct LineChart: Drawable, Sendable {
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// nil: the next Okabe–Ito colour.
        public var color: Color?
        public var dash: [Double]
        public var width: Double?
        public var marker: Marker?

        public init(_ name: String, x: [Double], y: [Double], color: Color? = nil, dash: [Double] = [],
                    width: Double? = nil, marker: Marker? = nil) {
            self.name = name; self.x = x; self.y = y; self.color = color; self.dash = dash
            self.width = width; self.marker = marker
        }

        /// y against 1, 2, 3 … (epochs).
        public init(_ name: String, values: [Double], color: Color? = nil, dash: [Double] = [], marker: Marker? = nil) {
            self.init(name, x: values.indices.map { Double($0 + 1) }, y: values, color: color, dash: dash, marker: marker)
        }

        /// f sampled at `count` points over `domain`.
        public init(_ name: String, function f: (Double) -> Double, over domain: ClosedRange<Double>, count: Int = 401,
                    color: Color? = nil, dash: [Double] = [], width: Double? = nil) {
            let xs = Grid.linspace(domain.lowerBound, domain.upperBound, max(2, count))
            self.init(name, x: xs, y: xs.map(f), color: color, dash: dash, width: width)
        }
    }

    public enum LegendPlacement: Sendable { case auto, none, outsideRight }

    public var series: [Series]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var yScale: AxisScale = .linear
    public var xDomain: ClosedRange<Double>?
    public var yDomain: ClosedRange<Double>?
    /// Thin grey reference lines (y = 0, x = 0 for function plots).
    public var horizontalLines: [Double] = []
    public var verticalLines: [Double] = []
    public var legend: LegendPlacement = .auto
    public var size = Size.inches(6, 4)
    public var theme = Theme.standard

    public init(_ series: [Series], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.series = series; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    public var preferredSize: Size { size }

    func color(_ k: Int) -> Color { series[k].color ?? theme.color(ofClass: k) }

    func axes() throws -> Axes {
        var x0 = Double.infinity, x1 = -Double.infinity, y0 = Double.infinity, y1 = -Double.infinity
        for s in series {
            guard s.x.count == s.y.count else {
                throw FigureError.invalid("series \"\(s.name)\" has \(s.x.count) x values and \(s.y.count) y values")
            }
            for (x, y) in zip(s.x, s.y) where x.isFinite && y.isFinite && (yScale == .linear || y > 0) {
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        for h in horizontalLines where yDomain == nil { y0 = min(y0, h); y1 = max(y1, h) }
        if !x0.isFinite { (x0, x1) = (0, 1) }
        // Epochs 1…300 read better on 0…300: start at 0 when the data starts just after it.
        if x0 > 0 && x1 > x0 && x0 <= (x1 - x0) * 0.02 { x0 = 0 }
        if !y0.isFinite { (y0, y1) = (yScale == .log ? 0.1 : 0, 1) }
        let xa: AxisSpec = xDomain.map { .exact($0, label: xLabel) } ?? .exact(x0 == x1 ? (x0 - 1)...(x1 + 1) : x0...x1, label: xLabel)
        var ya: AxisSpec = yDomain.map { .exact($0, label: yLabel, scale: yScale) } ?? .nice(y0, y1, label: yLabel, scale: yScale)
        if yDomain == nil && yScale == .linear {
            // A curve that reaches a nice end would run along the frame: leave 3 % of air there.
            let d = ya.domain, pad = (d.upperBound - d.lowerBound) * 0.03
            let lo = y0 - d.lowerBound < pad ? d.lowerBound - pad : d.lowerBound
            let hi = d.upperBound - y1 < pad ? d.upperBound + pad : d.upperBound
            ya.domain = lo...hi
        }
        return Axes(x: xa, y: ya, title: title, theme: theme)
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        let axes = try axes()
        let named = series.indices.filter { !series[$0].name.isEmpty }
        let legend = Legend(entries: named.map { k in
            Legend.Entry(text: series[k].name, color: color(k), dash: series[k].dash,
                         lineWidth: series[k].width ?? theme.lineWidth, marker: series[k].marker)
        }, theme: theme)
        let lsize = legend.entries.isEmpty || self.legend == .none ? Size.zero : try legend.size(on: canvas)
        let right = self.legend == .outsideRight && lsize.width > 0 ? lsize.width + 10 : 0
        let plot = try axes.plotArea(in: rect, right: right, on: canvas)
        let (sx, sy) = axes.scales(plot)
        axes.drawGrid(plot, on: canvas)
        canvas.withState {
            canvas.clip(to: plot)
            canvas.newPath()
            for h in horizontalLines { if let y = sy.position(h) { canvas.line(from: Point(plot.minX, y), to: Point(plot.maxX, y)) } }
            for v in verticalLines { if let x = sx.position(v) { canvas.line(from: Point(x, plot.minY), to: Point(x, plot.maxY)) } }
            canvas.stroke(theme.axis.withAlpha(0.6), width: 0.7)
            for (k, s) in series.enumerated() {
                // Break the curve where a value is missing (NaN, or ≤ 0 on a log axis).
                canvas.newPath()
                var pen = false
                for (x, y) in zip(s.x, s.y) {
                    if let px = sx.position(x), let py = sy.position(y) {
                        let p = Point(px, min(max(py, plot.minY - 1e4), plot.maxY + 1e4))
                        if pen { canvas.line(to: p) } else { canvas.move(to: p); pen = true }
                    } else { pen = false }
                }
                canvas.stroke(color(k), width: s.width ?? theme.lineWidth, dash: s.dash, join: .round)
                if let m = s.marker {
                    // A curve with markers shows about 40 of them; markers alone (width 0) show every point.
                    let every = (s.width ?? 1) == 0 ? 1 : max(1, s.x.count / 40)
                    for (i, (x, y)) in zip(s.x, s.y).enumerated() where i % every == 0 {
                        if let px = sx.position(x), let py = sy.position(y) {
                            m.draw(at: Point(px, py), size: 5.5, fill: color(k), stroke: .white, lineWidth: 0.6, on: canvas)
                        }
                    }
                }
            }
        }
        try axes.drawFrame(plot, in: rect, on: canvas)
        if lsize.width > 0 {
            let at: Point
            if self.legend == .outsideRight {
                at = Point(plot.maxX + 10, plot.minY)
            } else {
                at = bestCorner(for: lsize, in: plot, sx: sx, sy: sy)
            }
            try legend.draw(at: at, on: canvas)
        }
    }

    /// The inside corner whose legend box covers the fewest data points; then the middle of the top
    /// and of the bottom edge (a V such as |z| fills both upper corners and leaves the top middle free).
    func bestCorner(for s: Size, in plot: Rect, sx: Scale, sy: Scale) -> Point {
        let m = 6.0
        let corners = [Point(plot.maxX - m - s.width, plot.minY + m), Point(plot.minX + m, plot.minY + m),
                       Point(plot.maxX - m - s.width, plot.maxY - m - s.height), Point(plot.minX + m, plot.maxY - m - s.height),
                       Point(plot.midX - s.width / 2, plot.minY + m), Point(plot.midX - s.width / 2, plot.maxY - m - s.height)]
        var best = corners[0], bestCount = Int.max
        for c in corners {
            let box = Rect(x: c.x - 3, y: c.y - 3, width: s.width + 6, height: s.height + 6)
            let b = box.box
            var n = 0
            for ser in series {
                var last: XY? = nil
                for (x, y) in zip(ser.x, ser.y) {
                    guard let px = sx.position(x), let py = sy.position(y) else { last = nil; continue }
                    let p = XY(px, py)
                    if let l = last, b.intersects(segmentFrom: l, to: p) { n += 1 } else if b.contains(p) { n += 1 }
                    last = p
                }
            }
            if n < bestCount { best = c; bestCount = n }
        }
        return best
    }
}
