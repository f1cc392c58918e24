import Canvas
import Foundation

/// A two-feature data set by class (colour and marker shape), with optional straight lines
/// w₁x₁ + w₂x₂ + b = 0 over it: AND and OR are split by one line, XOR by none.
public struct Scatter: Drawable, Sendable {
    public struct Line: Sendable {
        public var name: String
        public var weights: [Double]
        public var bias: Double
        public var color: Color?
        public var dash: [Double]

        public init(_ name: String = "", weights: [Double], bias: Double, color: Color? = nil, dash: [Double] = []) {
            self.name = name; self.weights = weights; self.bias = bias; self.color = color; self.dash = dash
        }
    }

    public var points: [LabeledPoint]
    public var classNames: [String] = []
    public var lines: [Line] = []
    public var title: String?
    public var xLabel: String? = "x₁"
    public var yLabel: String? = "x₂"
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var markerSize = 9.0
    public var size = Size(250, 300)
    public var theme = Theme.standard

    public init(_ points: [LabeledPoint], classNames: [String] = [], lines: [Line] = [], title: String? = nil) {
        self.points = points; self.classNames = classNames; self.lines = lines; self.title = title
    }

    public var preferredSize: Size { size }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        let auto = DecisionBoundary.ranges(around: points)
        let xr = xRange ?? auto.x, yr = yRange ?? auto.y
        let axes = Axes(x: .exact(xr, label: xLabel, maxTicks: 5), y: .exact(yr, label: yLabel, maxTicks: 5),
                        title: title, theme: theme)
        var entries: [Legend.Entry] = classNames.enumerated().map { k, n in
            Legend.Entry(text: n, color: theme.color(ofClass: k), line: false, marker: .forClass(k))
        }
        for (k, l) in lines.enumerated() where !l.name.isEmpty {
            entries.append(Legend.Entry(text: l.name, color: lineColor(k), dash: l.dash))
        }
        let legend = Legend(entries: entries, theme: theme)
        let ls = try legend.size(on: canvas)
        let plot = try axes.plotArea(in: rect, below: ls.height > 0 ? ls.height + 6 : 0, on: canvas)
        let (sx, sy) = axes.scales(plot)
        axes.drawGrid(plot, on: canvas)
        try canvas.withState {
            canvas.clip(to: plot)
            for (k, l) in lines.enumerated() {
                guard let seg = DecisionBoundary.line(w: l.weights, b: l.bias, x: xr, y: yr),
                      let a0 = sx.position(seg.0.x), let a1 = sy.position(seg.0.y),
                      let b0 = sx.position(seg.1.x), let b1 = sy.position(seg.1.y) else { continue }
                canvas.newPath()
                canvas.line(from: Point(a0, a1), to: Point(b0, b1))
                canvas.stroke(lineColor(k), width: theme.lineWidth, dash: l.dash)
            }
            for p in points {
                guard let px = sx.position(p.x), let py = sy.position(p.y) else { continue }
                Marker.forClass(p.label).draw(at: Point(px, py), size: markerSize, fill: theme.color(ofClass: p.label),
                                              stroke: theme.text, lineWidth: 0.9, on: canvas)
            }
            try canvas.check("drawing a scatter plot")
        }
        try axes.drawFrame(plot, in: rect, on: canvas)
        if ls.width > 0 { try legend.draw(at: Point(max(rect.minX + 2, plot.midX - ls.width / 2), rect.maxY - ls.height - 2), on: canvas) }
    }

    func lineColor(_ k: Int) -> Color { lines[k].color ?? (k == 0 ? theme.text : theme.color(ofClass: k + 1)) }
}
