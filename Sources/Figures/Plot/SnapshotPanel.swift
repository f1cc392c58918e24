import Canvas
import Foundation
import Neural

/// The decision boundary at chosen moments of training, side by side as small multiples that
/// share their axes' ranges and colours.
public struct SnapshotPanel: Drawable, Sendable {
    public struct Snapshot: Sendable {
        public var title: String
        public var model: DecisionBoundary.Model
        public init(_ title: String, network: Network) { self.title = title; self.model = .network(network) }
        public init(_ title: String, model: DecisionBoundary.Model) { self.title = title; self.model = model }
    }

    public var snapshots: [Snapshot]
    public var points: [LabeledPoint]
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var columns = 4
    public var panelSize = Size(150, 140)
    /// Grid resolution of each panel (smaller than a full figure's: the panels are small).
    public var resolution = 160
    public var xLabel: String? = "x₁"
    public var yLabel: String? = "x₂"
    public var title: String?
    public var theme = Theme.standard
    /// The panels' rasters, made once however often the panel is drawn.
    let cache = RasterCache()

    public init(_ snapshots: [Snapshot], points: [LabeledPoint] = [], xRange: ClosedRange<Double> = -0.5...1.5,
                yRange: ClosedRange<Double> = -0.5...1.5, title: String? = nil) {
        self.snapshots = snapshots; self.points = points; self.xRange = xRange; self.yRange = yRange; self.title = title
    }

    var cols: Int { max(1, min(columns, snapshots.count)) }
    var rows: Int { max(1, (snapshots.count + cols - 1) / cols) }
    var titleHeight: Double { title?.isEmpty == false ? theme.titleSize * 1.3 + 8 : 0 }

    public var preferredSize: Size {
        Size(Double(cols) * panelSize.width, Double(rows) * panelSize.height + titleHeight)
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        guard !snapshots.isEmpty else { throw FigureError.invalid("a snapshot panel needs at least one snapshot") }
        if let t = title, !t.isEmpty {
            try canvas.drawText(t, at: Point(rect.midX, rect.minY + 3), style: theme.titleStyle, anchor: .top)
        }
        let w = rect.width / Double(cols), h = (rect.height - titleHeight) / Double(rows)
        for (k, s) in snapshots.enumerated() {
            var d = DecisionBoundary(s.model, xRange: xRange, yRange: yRange, points: points, title: s.title)
            d.resolution = (resolution, resolution)
            d.showColorBar = false
            d.xLabel = k / cols == rows - 1 ? xLabel : nil
            d.yLabel = k % cols == 0 ? yLabel : nil
            d.maxTicks = 3
            d.cache = cache
            d.theme = theme
            d.theme.titleSize = theme.labelSize
            let cell = Rect(x: rect.minX + Double(k % cols) * w, y: rect.minY + titleHeight + Double(k / cols) * h, width: w, height: h)
            try d.draw(in: cell.insetBy(2), on: canvas)
        }
    }
}
