import Testing
@testable import Figures

/// A weight label must read as its own edge's: another edge that grazes the label (passes within a
/// few points without crossing it) made figure 11.2's labels near the bias node ambiguous.
@Suite struct LabelPlacementTests {
    @Test func aLabelMovesAwayFromAnEdgeThatGrazesIt() {
        // Edge A along y = 0; edge B along y = 5 for x in 0…40. A's 10×6 label at its preferred
        // t = 0.25 (x = 25) spans y −3…3: B passes 2 pt above it without crossing.
        let a = LabelPlacer.Request(from: XY(0, 0), to: XY(100, 0), width: 10, height: 6, preferredT: 0.25)
        let b = LabelPlacer.Request(from: XY(0, 5), to: XY(40, 5), width: 1e-3, height: 1e-3, preferredT: 0.5)
        var placer = LabelPlacer()
        placer.padding = 0
        let boxes = placer.place([a, b])
        let box = try! #require(boxes[0])
        #expect(box.minX > 40 + placer.nearEdge - 1e-9, "the label sits at x \(box.minX)…\(box.maxX), beside edge B")
        // Not further along than it needs to be.
        #expect(box.minX < 55, "\(box.minX)")
    }

    @Test func anEdgeFarFromTheLabelCostsNothing() {
        let a = LabelPlacer.Request(from: XY(0, 0), to: XY(100, 0), width: 10, height: 6, preferredT: 0.25)
        let b = LabelPlacer.Request(from: XY(0, 12), to: XY(40, 12), width: 1e-3, height: 1e-3, preferredT: 0.5)
        var placer = LabelPlacer()
        placer.padding = 0
        let box = try! #require(placer.place([a, b])[0])
        #expect(abs(box.center.x - 24) < 1e-9 || abs(box.center.x - 26) < 1e-9 || abs(box.center.x - 25) < 1e-9, "\(box.center.x)")
    }
}
