import Canvas
import Foundation
import Testing
@testable import Figures
import Neural

/// Weight labels: exact values as the lesson gave them, rounded ones with all their decimals, and a
/// lesson's `digits` of 2 or fewer written exactly so.
@Suite struct WeightLabelTests {
    @Test func exactWeightsAreShortRoundedOnesKeepTheirDecimals() throws {
        let d = NetworkDiagram(sizes: [2, 1])
        #expect(d.weightLabel(0.5) == "0.5")
        #expect(d.weightLabel(1) == "1")
        #expect(d.weightLabel(-1.5) == "−1.5")
        #expect(d.weightLabel(0.25) == "0.25")
        // 0.4996 rounds to 0.50 and 0.998 to 1.00: shown so, not as an exact 0.5 or 1.
        #expect(d.weightLabel(0.4996) == "0.50")
        #expect(d.weightLabel(0.998) == "1.00")
        #expect(d.weightLabel(-0.1234) == "−0.12")
        // Too small for two decimals: never a false 0.
        #expect(d.weightLabel(0.0004) != "0.00" && d.weightLabel(0.0004) != "0")
        #expect(d.weightLabel(0) == "0")
    }

    @Test func fixedDecimalsFollowTheLesson() throws {
        var d = NetworkDiagram(sizes: [2, 1])
        d.weightDecimals = 2
        d.fixedWeightDecimals = true
        #expect(d.weightLabel(0.5) == "0.50" && d.weightLabel(1) == "1.00" && d.weightLabel(-0.125) == "−0.13")
        d.weightDecimals = 1
        #expect(d.weightLabel(0.5) == "0.5" && d.weightLabel(0.25) == "0.3" && d.weightLabel(-2) == "−2.0")
    }

    @Test func theLabelsOnTheDiagramAreThoseTexts() throws {
        let net = try Network(sizes: [2, 1], activations: [.sigmoid], weights: [Matrix([[0.5], [0.4996]])], biases: [Matrix(row: [0])])
        var d = NetworkDiagram(network: net, showWeights: true)
        d.fixedWeightDecimals = true
        let g = d.geometry(in: Rect(d.preferredSize), on: Canvas.measuring())
        // Two weights and the bias 0 (its node "1" is drawn since the network has biases).
        #expect(g.labels.map(\.text).sorted() == ["0.00", "0.50", "0.50"])
        d.fixedWeightDecimals = false
        let g2 = d.geometry(in: Rect(d.preferredSize), on: Canvas.measuring())
        #expect(g2.labels.map(\.text).sorted() == ["0", "0.5", "0.50"])
    }
}
