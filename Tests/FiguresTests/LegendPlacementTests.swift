import Testing
import Canvas
@testable import Figures

/// Where a line chart's legend goes: the free spot of the plot, not over a curve.
@Suite struct LegendPlacementTests {
    @Test func aVShapeGetsItsLegendInTheTopMiddle() {
        // |z| = ReLU(z) + ReLU(−z) on −3…3 (lesson 1's maxout figure): the V runs through both upper
        // corners and the two ReLU terms lie along the bottom; only the top middle is free.
        let chart = LineChart([
            .init("ReLU(z)", function: { max(0, $0) }, over: -3...3, dash: [4, 2]),
            .init("ReLU(−z)", function: { max(0, -$0) }, over: -3...3, dash: [4, 2]),
            .init("|z|", function: { abs($0) }, over: -3...3),
        ])
        let plot = Rect(x: 40, y: 10, width: 300, height: 200)
        let sx = Scale(.linear, domain: -3...3, range: (plot.minX, plot.maxX))
        let sy = Scale(.linear, domain: -0.1...3.1, range: (plot.maxY, plot.minY))
        let legend = Size(70, 45)
        let at = chart.bestCorner(for: legend, in: plot, sx: sx, sy: sy)
        #expect(abs((at.x + legend.width / 2) - plot.midX) < 1e-9)
        #expect(at.y < plot.midY)
        // No curve point lies under the box there.
        let box = Rect(x: at.x, y: at.y, width: legend.width, height: legend.height)
        for s in chart.series {
            for (x, y) in zip(s.x, s.y) {
                let p = Point(sx.position(x)!, sy.position(y)!)
                #expect(!(p.x > box.minX && p.x < box.maxX && p.y > box.minY && p.y < box.maxY), "\(s.name) at \(x)")
            }
        }
    }

    @Test func aCornerStillWinsWhenItIsFree() {
        // A falling loss curve leaves the top-right corner free: the legend goes there, as before.
        let chart = LineChart([.init("loss", function: { 1 / (1 + $0) }, over: 0...50)])
        let plot = Rect(x: 40, y: 10, width: 300, height: 200)
        let sx = Scale(.linear, domain: 0...50, range: (plot.minX, plot.maxX))
        let sy = Scale(.linear, domain: 0...1, range: (plot.maxY, plot.minY))
        let at = chart.bestCorner(for: Size(60, 20), in: plot, sx: sx, sy: sy)
        #expect(at.x > plot.midX && at.y < plot.midY)
    }
}
