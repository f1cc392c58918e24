import Canvas
import Foundation

/// One axis of a plot: what it shows, its scale and where its ticks go.
struct AxisSpec {
    var label: String?
    var scale: AxisScale = .linear
    var domain: ClosedRange<Double>
    var ticks: Ticks

    /// An axis over exactly `domain` with nice ticks inside it.
    static func exact(_ domain: ClosedRange<Double>, label: String?, scale: AxisScale = .linear, maxTicks: Int = 6) -> AxisSpec {
        let t = scale == .log ? Ticks.log(domain.lowerBound, domain.upperBound)
                              : Ticks.linear(domain.lowerBound, domain.upperBound, maxCount: maxTicks)
        return AxisSpec(label: label, scale: scale, domain: domain, ticks: t)
    }

    /// An axis whose ends are rounded outwards to nice ticks around the data in `lo…hi`.
    static func nice(_ lo: Double, _ hi: Double, label: String?, scale: AxisScale = .linear, maxTicks: Int = 6) -> AxisSpec {
        if scale == .log {
            let a = lo > 0 ? pow(10, log10(lo).rounded(.down)) : 1e-3
            let b = hi > 0 ? pow(10, log10(hi).rounded(.up)) : 1
            let d = a < b ? a...b : a...(a * 10)
            return AxisSpec(label: label, scale: .log, domain: d, ticks: Ticks.log(d.lowerBound, d.upperBound))
        }
        let (d, t) = Ticks.niceDomain(lo, hi, maxCount: maxTicks)
        return AxisSpec(label: label, scale: .linear, domain: d, ticks: t)
    }

    func tickLabel(_ v: Double, _ numbers: NumberFormat) -> String {
        scale == .log ? numbers.logTick(v) : numbers.tick(v, step: ticks.step)
    }
}

/// A pair of axes with a title: reserves margins for tick labels and axis titles, maps data to the
/// page, draws the frame, ticks, grid and texts. The plot area is what remains of the rectangle.
struct Axes {
    var x: AxisSpec
    var y: AxisSpec
    var title: String?
    var theme: Theme
    var grid = true
    let tickLength = 3.5

    /// The plot area inside `rect`, leaving `right` points free on the right (a colour bar, a legend).
    func plotArea(in rect: Rect, right: Double = 0, below: Double = 0, on canvas: Canvas) throws -> Rect {
        let ts = theme.tickStyle
        let yLabels = try y.ticks.values.map { try canvas.measure(y.tickLabel($0, theme.numbers), style: ts) }
        let xLabels = try x.ticks.values.map { try canvas.measure(x.tickLabel($0, theme.numbers), style: ts) }
        let tickH = try xLabels.map(\.height).max() ?? canvas.measure("0", style: ts).height
        let yTickW = yLabels.map(\.width).max() ?? 0
        let labelH = try canvas.measure("Ag", style: theme.labelStyle).height
        var left = tickLength + 3 + yTickW + 2
        if y.label?.isEmpty == false { left += labelH + 3 }
        var bottom = tickLength + 2 + tickH + 2
        if x.label?.isEmpty == false { bottom += labelH + 2 }
        bottom += below
        var top = (yLabels.first?.height ?? tickH) / 2 + 2
        if let t = title, !t.isEmpty {
            top = max(top, try canvas.layout(t, style: theme.titleStyle.with(width: max(20, rect.width - 8)).with(alignment: .center)).size.height + 6)
        }
        let lastX = (xLabels.last?.width ?? 0) / 2
        let r = max(right, lastX + 2, 4)
        return Rect(x: rect.minX + left, y: rect.minY + top,
                    width: max(10, rect.width - left - r), height: max(10, rect.height - top - bottom))
    }

    func scales(_ plot: Rect) -> (x: Scale, y: Scale) {
        (Scale(x.scale, domain: x.domain, range: (plot.minX, plot.maxX)),
         Scale(y.scale, domain: y.domain, range: (plot.maxY, plot.minY)))
    }

    /// Light grid lines at the ticks (drawn first, under the data).
    func drawGrid(_ plot: Rect, on canvas: Canvas) {
        guard grid else { return }
        let (sx, sy) = scales(plot)
        canvas.newPath()
        for v in x.ticks.values { if let p = sx.position(v) { canvas.line(from: Point(p, plot.minY), to: Point(p, plot.maxY)) } }
        for v in y.ticks.values { if let p = sy.position(v) { canvas.line(from: Point(plot.minX, p), to: Point(plot.maxX, p)) } }
        canvas.stroke(theme.grid, width: 0.6)
    }

    /// Frame, ticks, tick labels, axis titles and the title (drawn last, over the data).
    func drawFrame(_ plot: Rect, in rect: Rect, on canvas: Canvas) throws {
        let (sx, sy) = scales(plot)
        let ts = theme.tickStyle
        canvas.newPath()
        canvas.rect(plot)
        canvas.stroke(theme.axis, width: 0.8)
        canvas.newPath()
        var maxYTickW = 0.0
        for v in x.ticks.values {
            guard let p = sx.position(v) else { continue }
            canvas.line(from: Point(p, plot.maxY), to: Point(p, plot.maxY + tickLength))
        }
        for v in y.ticks.values {
            guard let p = sy.position(v) else { continue }
            canvas.line(from: Point(plot.minX - tickLength, p), to: Point(plot.minX, p))
        }
        canvas.stroke(theme.axis, width: 0.8)
        var tickH = 0.0
        for v in x.ticks.values {
            guard let p = sx.position(v) else { continue }
            let l = try canvas.drawText(x.tickLabel(v, theme.numbers), at: Point(p, plot.maxY + tickLength + 2), style: ts, anchor: .top)
            tickH = max(tickH, l.size.height)
        }
        for v in y.ticks.values {
            guard let p = sy.position(v) else { continue }
            let l = try canvas.drawText(y.tickLabel(v, theme.numbers), at: Point(plot.minX - tickLength - 3, p), style: ts, anchor: .right)
            maxYTickW = max(maxYTickW, l.size.width)
        }
        if let xl = x.label, !xl.isEmpty {
            try canvas.drawText(xl, at: Point(plot.midX, plot.maxY + tickLength + 2 + tickH + 2), style: theme.labelStyle, anchor: .top)
        }
        if let yl = y.label, !yl.isEmpty {
            let cx = plot.minX - tickLength - 3 - maxYTickW - 3
            try canvas.withState {
                canvas.translate(cx, plot.midY)
                canvas.rotate(-Double.pi / 2)
                try canvas.drawText(yl, at: Point(0, 0), style: theme.labelStyle, anchor: .bottom)
            }
        }
        if let t = title, !t.isEmpty {
            let style = theme.titleStyle.with(width: max(20, rect.width - 8)).with(alignment: .center)
            let l = try canvas.layout(t, style: style)
            canvas.draw(l, at: Point(rect.minX + 4, plot.minY - 6 - l.size.height))
        }
    }
}
