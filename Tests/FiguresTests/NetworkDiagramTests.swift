import Canvas
import Foundation
import Testing
@testable import Figures
import Neural

@Suite struct NetworkDiagramTests {
    /// With the real font (Pango's measurements, as drawn): every weight and bias label of these
    /// networks is placed, inside the figure, overlapping no other label and no node.
    @Test(arguments: [[2, 3, 2], [2, 2, 1], [2, 3, 4, 1], [4, 5, 5, 5, 5, 5, 5, 1]])
    func labelsOverlapNothingWithTheRealFont(sizes: [Int]) throws {
        for bias in [BiasMode.none, .perNeuron] {
            let net = try Network(sizes: sizes, activations: [.sigmoid], biasMode: bias, initializer: .normal, seed: 5)
            var d = NetworkDiagram(network: net, showWeights: true)
            if bias != .none {
                // Biases of varied sign and length (a fresh network's are all 0).
                for l in d.biases!.indices { d.biases![l] = (0..<d.biases![l].cols).map { Double($0) * 0.37 - 0.55 }.rowMatrix }
            }
            let size = d.preferredSize
            let rect = Rect(size)
            let g = d.geometry(in: rect, on: Canvas.measuring())
            let edges = zip(sizes, sizes.dropFirst()).map { $0 * $1 }.reduce(0, +) + (bias == .none ? 0 : sizes.dropFirst().reduce(0, +))
            #expect(g.unplaced == 0 && g.labels.count == edges, "\(sizes) \(bias): \(g.labels.count) of \(edges) labels placed at \(size)")
            checkNoOverlaps(g, in: Box(rect))
            // A label sits on its own edge: the edge's line passes through the label's box.
            for l in g.labels {
                #expect(g.edges.contains { $0.weight == l.weight && l.box.intersects(segmentFrom: $0.from, to: $0.to) })
            }
        }
    }

    @Test func smallNetworksFitATextWidthWithAllLabels() throws {
        // A4 with 2 cm margins leaves 453 pt: the course's small networks must fit with every label.
        for sizes in [[2, 3, 2], [2, 2, 1], [2, 3, 4, 1]] {
            let net = try Network(sizes: sizes, activations: [.sigmoid], initializer: .normal, seed: 9)
            let d = NetworkDiagram(network: net)
            #expect(d.preferredSize.width <= 453, "\(sizes) is \(d.preferredSize.width) pt wide")
            let g = d.geometry(in: Rect(d.preferredSize), on: Canvas.measuring())
            #expect(g.unplaced == 0)
        }
    }

    @Test func bigNetworkElidesAndHidesWeightsByDefault() throws {
        let net = try Network(sizes: [64, 32, 16, 10], activations: [.sigmoid], seed: 2)
        let d = NetworkDiagram(network: net)
        let g = d.geometry(in: Rect(d.preferredSize), on: Canvas.measuring())
        #expect(g.labels.isEmpty)                                // 2,720 weights are not written out
        #expect(g.ellipses.count == 4)
        #expect(g.nodes.contains { $0.text == "x₆₄" } && g.nodes.contains { $0.text == "ŷ₁₀" })
        #expect(g.nodes.contains { $0.text == "h₃₂⁽¹⁾" })
        #expect(d.preferredSize.width <= 453)
    }

    @Test func traceValuesAreWrittenUnderNodes() throws {
        // Input (0.5, 1) into the [2-3-2] fixture: z₁ = 0.5·0.1 + 1·0.45 + 0.1 = 0.6, a₁ = σ(0.6) = 0.6457.
        let net = try Fixtures.network232()
        let d = NetworkDiagram(network: net).with(trace: try net.forward(Matrix(row: [0.5, 1.0])))
        #expect(d.nodeValues?[0] == ["0.5", "1"])
        #expect(d.nodeValues?[1][0] == "z = 0.6\na = 0.646")
    }
}

extension Array where Element == Double {
    var rowMatrix: Matrix { Matrix(row: self) }
}
