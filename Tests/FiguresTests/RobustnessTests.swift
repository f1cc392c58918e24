import Canvas
import Foundation
import Testing
@testable import Figures
import Neural

/// Odd input draws something sensible or throws a FigureError; it never crashes.
@Suite struct RobustnessTests {
    func draws(_ d: any Drawable) throws {
        _ = try Render.bitmap(size: d.preferredSize, dpi: 36) { try d.draw(in: Rect(d.preferredSize), on: $0) }
    }

    @Test func divergedNetworkIsGreyNotACrash() throws {
        let net = try Network(sizes: [2, 1], activations: [.sigmoid], weights: [Matrix([[Double.nan], [1]])])
        var d = DecisionBoundary(network: net)
        d.resolution = (40, 40)
        try draws(d)
        // No finite output at all: the probability scale and its 0.5 level, drawn grey.
        let l = DecisionBoundary.levels(of: [.nan, .nan], threshold: nil)
        #expect(l.level == 0.5 && l.range == 0...1)
    }

    @Test func emptyAndDegenerateData() throws {
        try draws(LineChart([]))
        try draws(LineChart([.init("flat", x: [1, 2, 3], y: [5, 5, 5])]))
        try draws(LineChart([.init("one point", x: [1], y: [1])]))
        var logChart = LineChart([.init("with zero", x: [1, 2, 3], y: [1, 0, 0.01])])
        logChart.yScale = .log
        try draws(logChart)
        try draws(LineChart([.init("nan", x: [1, 2, 3], y: [1, .nan, .infinity])]))
        try draws(Scatter([]))
        try draws(Scatter([LabeledPoint(1, 1, label: 0)]))
        try draws(ImageGrid(images: []))
        try draws(NetworkDiagram(sizes: [1, 1]))
        try draws(NetworkDiagram(sizes: [300, 1]))
        #expect(throws: FigureError.self) { try draws(NetworkDiagram(sizes: [2, 0, 1])) }
        #expect(throws: FigureError.self) { try draws(Heatmap([], rowLabels: [], columnLabels: [])) }
        #expect(throws: FigureError.self) { try draws(ImageGrid(images: [[1, 2, 3]])) }
        #expect(throws: FigureError.self) { try draws(SnapshotPanel([])) }
        #expect(throws: FigureError.self) {
            try draws(ComputationGraph(nodes: [.init("a", "a", kind: .input, column: 0, row: 0)], edges: [(from: "a", to: "b")]))
        }
        // A rectangle too small for the figure still draws (crowded) or throws, never crashes.
        let tiny = Rect(x: 0, y: 0, width: 30, height: 20)
        for (_, f) in try Fixtures.all() {
            do { _ = try Render.bitmap(size: tiny.size, dpi: 36) { try f.draw(in: tiny, on: $0) } } catch is FigureError {}
        }
    }
}
