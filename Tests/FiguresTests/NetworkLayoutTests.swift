import Foundation
import Testing
@testable import Figures

/// A stand-in for Pango when only the geometry is tested: DejaVu Sans averages about 0.6 em per
/// character (digits 0.636 em, "−" 0.838 em); the real-font version of these checks is in
/// NetworkDiagramTests.
func approximateMeasure(_ text: String, _ size: Double, _ wrap: Double?) -> (width: Double, height: Double) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let widest = lines.map { Double($0.count) * 0.64 * size }.max() ?? 0
    if let w = wrap, widest > w {
        let n = (widest / w).rounded(.up)
        return (w, n * size * 1.17 * Double(lines.count))
    }
    return (widest, Double(lines.count) * size * 1.17)
}

/// Weights with varied signs and widths of text, reproducible.
func sampleWeights(_ sizes: [Int], seed: UInt64 = 1) -> [[[Double]]] {
    var s = seed
    func next() -> Double {
        s = s &* 6364136223846793005 &+ 1442695040888963407
        return Double(s >> 11) / Double(1 << 53) * 4 - 2
    }
    return (1..<sizes.count).map { l in (0..<sizes[l - 1]).map { _ in (0..<sizes[l]).map { _ in next() } } }
}

func spec(_ sizes: [Int], bias: Bool = true, values: Bool = false) -> NetworkGeometry.Spec {
    let f = NumberFormat.standard
    let w = sampleWeights(sizes)
    let b = (1..<sizes.count).map { l in (0..<sizes[l]).map { Double($0) * 0.37 - 0.5 } }
    return NetworkGeometry.Spec(
        sizes: sizes, weights: w, weightTexts: w.map { $0.map { $0.map { f.compact($0) } } },
        biases: bias ? b : nil, biasTexts: bias ? b.map { $0.map { f.compact($0) } } : nil,
        showBiasNodes: bias,
        nodeLabels: sizes.enumerated().map { l, n in (0..<n).map { "x\(NumberFormat.subscript($0 + 1))" } },
        captions: sizes.map { "Layer (\($0))" },
        valueTexts: values ? sizes.map { n in (0..<n).map { _ in "z = 0.35\na = 0.59" } } : nil,
        maxShown: 7, radius: 13, nodeFont: 9, weightFont: 7.5, captionFont: 8.5, valueFont: 7)
}

/// No label overlaps another label or a node circle; all labels stay inside the figure.
func checkNoOverlaps(_ g: NetworkGeometry, in rect: Box) {
    let boxes = g.labels.map(\.box)
    for i in boxes.indices {
        #expect(rect.contains(boxes[i]), "label \(g.labels[i].text) leaves the figure")
        for j in (i + 1)..<boxes.count {
            #expect(!boxes[i].intersects(boxes[j]),
                    "labels \(g.labels[i].text) and \(g.labels[j].text) overlap: \(boxes[i]) \(boxes[j])")
        }
        for n in g.nodes {
            #expect(!boxes[i].intersects(circle: n.center, radius: g.layout.radius),
                    "label \(g.labels[i].text) covers node \(n.text)")
        }
        for v in g.values { #expect(!boxes[i].intersects(v.box)) }
    }
}

@Suite struct NetworkLayoutTests {
    @Test func bigLayersAreElided() {
        let s = NetworkLayout.visibleSlots(size: 64, maxShown: 7)
        #expect(s == [.node(0), .node(1), .node(2), .ellipsis, .node(61), .node(62), .node(63)])
        #expect(NetworkLayout.visibleSlots(size: 7, maxShown: 7).count == 7)
        #expect(NetworkLayout.visibleSlots(size: 8, maxShown: 7).contains(.ellipsis))
        #expect(NetworkLayout.visibleSlots(size: 10, maxShown: 7).last == .node(9))
    }

    @Test func nodesAreEvenlySpacedAndCentred() {
        let l = NetworkLayout(sizes: [2, 3, 2], biasInto: [false, true, true], maxShown: 7,
                              in: Box(x: 0, y: 0, width: 300, height: 200), radius: 12)
        #expect(l.columns.map(\.slots.count) == [3, 4, 2])   // bias nodes under layers 0 and 1
        #expect(l.columns.map(\.x) == [12, 150, 288])
        // Tallest column (4 slots) spans the height: spacing (200 − 24)/3.
        let c1 = l.columns[1].centers.map(\.y)
        #expect(abs(c1[0] - 12) < 1e-9 && abs(c1[3] - 188) < 1e-9)
        // Every column is centred on the same middle line.
        for c in l.columns { #expect(abs((c.centers.first!.y + c.centers.last!.y) / 2 - 100) < 1e-9) }
        #expect(l.biasCenter(into: 1) == l.columns[0].centers[2])
        #expect(l.center(layer: 1, index: 2) == l.columns[1].centers[2])
    }

    @Test(arguments: [[2, 3, 2], [2, 2, 1], [2, 3, 4, 1], [4, 5, 5, 5, 5, 5, 5, 1]])
    func weightLabelsNeverOverlapAtPreferredSize(sizes: [Int]) {
        for bias in [false, true] {
            let sp = spec(sizes, bias: bias)
            let size = NetworkGeometry.preferredSize(sp, measure: approximateMeasure)
            let rect = Box(x: 0, y: 0, width: size.width, height: size.height)
            let g = NetworkGeometry(sp, in: rect, measure: approximateMeasure)
            let expected = zip(sizes, sizes.dropFirst()).map { $0 * $1 }.reduce(0, +)
                + (bias ? sizes.dropFirst().reduce(0, +) : 0)
            #expect(g.unplaced == 0, "\(sizes) bias \(bias): \(g.unplaced) labels without a place in \(size)")
            #expect(g.labels.count == expected)
            checkNoOverlaps(g, in: rect)
        }
    }

    @Test func tooSmallARectDropsLabelsInsteadOfOverlapping() {
        let sp = spec([4, 5, 5, 5, 5, 5, 5, 1])
        let rect = Box(x: 0, y: 0, width: 300, height: 160)
        let g = NetworkGeometry(sp, in: rect, measure: approximateMeasure)
        #expect(g.unplaced > 0)
        checkNoOverlaps(g, in: rect)
    }

    @Test func bigNetworkShowsEllipsesAndOnlyShownEdges() {
        var sp = spec([64, 32, 16, 10], bias: false)
        sp.weightTexts = nil
        let size = NetworkGeometry.preferredSize(sp, measure: approximateMeasure)
        let g = NetworkGeometry(sp, in: Box(x: 0, y: 0, width: size.width, height: size.height), measure: approximateMeasure)
        #expect(g.ellipses.count == 4)                 // every layer has more than 7 neurons
        #expect(g.edges.count == 6 * 6 * 3)   // six neurons shown per layer, no edges to "⋮"
        #expect(size.width < 500 && size.height < 400)
    }

    @Test func valuesSitUnderNodesAndAreAvoided() {
        let sp = spec([2, 3, 2], bias: false, values: true)
        let size = NetworkGeometry.preferredSize(sp, measure: approximateMeasure)
        let rect = Box(x: 0, y: 0, width: size.width, height: size.height)
        let g = NetworkGeometry(sp, in: rect, measure: approximateMeasure)
        #expect(g.values.count == 7)
        #expect(g.unplaced == 0)
        checkNoOverlaps(g, in: rect)
        for v in g.values { #expect(rect.contains(v.box)) }
    }
}
