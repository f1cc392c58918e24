import Canvas
import Foundation
@testable import Figures
import Neural

/// Figures used by the render tests (and written out for looking at: see `Samples.write`).
enum Fixtures {
    /// The matplotlib peer's XOR network: h = σ(x·W1 + b1) (OR and NAND), ŷ = σ(h·W2 + b2) (AND).
    static func xorNetwork() throws -> Network {
        try Network(sizes: [2, 2, 1], activations: [.sigmoid],
                    weights: [Matrix([[6, -6], [6, -6]]), Matrix([[8], [8]])],
                    biases: [Matrix(row: [-3, 9]), Matrix(row: [-12])])
    }

    static let xorPoints = [LabeledPoint(0, 0, label: 0), LabeledPoint(0, 1, label: 1),
                            LabeledPoint(1, 0, label: 1), LabeledPoint(1, 1, label: 0)]

    static func xorBoundary() throws -> DecisionBoundary {
        var d = DecisionBoundary(network: try xorNetwork(), points: xorPoints, title: "2-2-1 sigmoid network on XOR")
        d.colorBarLabel = "network output ŷ"
        d.classNames = ["class 0", "class 1"]
        return d
    }

    /// A [2-3-2] network with weights of both signs and biases (seeded, so reproducible).
    static func network232() throws -> Network {
        try Network(sizes: [2, 3, 2], activations: [.sigmoid],
                    weights: [Matrix([[0.1, -0.2, 0.3], [0.45, 0.25, -0.6]]), Matrix([[0.7, -0.15], [-0.35, 0.55], [0.8, 0.05]])],
                    biases: [Matrix(row: [0.1, -0.1, 0.2]), Matrix(row: [-0.3, 0.4])])
    }

    static func diagram232() throws -> NetworkDiagram {
        var d = NetworkDiagram(network: try network232())
        d.layerCaptions = ["Input layer", "Hidden layer", "Output layer"]
        return d
    }

    static func lossCurves() -> LineChart {
        // Deterministic curves shaped like training: train falls below validation.
        let e = (1...200).map(Double.init)
        let train = e.map { 0.7 * exp(-$0 / 30) + 0.03 + 0.004 * sin($0 / 3) }
        let valid = e.map { 0.72 * exp(-$0 / 34) + 0.07 + 0.00012 * $0 }
        var c = LineChart([.init("train", x: e, y: train), .init("validation", x: e, y: valid, dash: [5, 3])],
                          title: "Loss per epoch", xLabel: "epoch", yLabel: "loss (MSE)")
        c.yScale = .log
        return c
    }

    static func activations() -> LineChart {
        var c = LineChart([
            .init("σ(z)", function: { Activation.sigmoid.value($0) }, over: -6...6),
            .init("σ′(z)", function: { Activation.sigmoid.derivative($0) }, over: -6...6, dash: [5, 3]),
            .init("tanh(z)", function: { Activation.tanh.value($0) }, over: -6...6),
            .init("ReLU(z)", function: { Activation.relu.value($0) }, over: -6...6),
        ], title: "Activation functions", xLabel: "z", yLabel: "f(z)")
        c.yDomain = -1.2...3
        c.horizontalLines = [0]
        c.verticalLines = [0]
        return c
    }

    /// The HUST slides' universal-approximation example: Z(x) = −n₁ − n₂ − n₃ + n₄ + n₅ + n₆ with
    /// n₁ = ReLU(−5x − 7.7), n₂ = ReLU(−1.2x − 1.3), n₃ = ReLU(1.2x + 1), n₄ = ReLU(1.2x − 0.2),
    /// n₅ = ReLU(2x − 1.1), n₆ = ReLU(5x − 5).
    static func sixReLUs() -> LineChart {
        let units: [(String, Double, Double, Double)] = [
            ("−n₁", -5, -7.7, -1), ("−n₂", -1.2, -1.3, -1), ("−n₃", 1.2, 1, -1),
            ("+n₄", 1.2, -0.2, 1), ("+n₅", 2, -1.1, 1), ("+n₆", 5, -5, 1)]
        func relu(_ z: Double) -> Double { max(0, z) }
        var series: [LineChart.Series] = units.enumerated().map { k, u in
            .init(u.0, function: { u.3 * relu(u.1 * $0 + u.2) }, over: -2...2, color: Color.gray(0.55), dash: [3, 2], width: 0.8)
        }
        series = series.map { var s = $0; s.name = ""; return s }
        series.append(.init("Z(x)", function: { x in units.reduce(0) { $0 + $1.3 * relu($1.1 * x + $1.2) } },
                            over: -2...2, color: Color(hex: "#0072B2"), width: 2.2))
        var c = LineChart(series, title: "Z(x) = −n₁ − n₂ − n₃ + n₄ + n₅ + n₆", xLabel: "x", yLabel: "value")
        c.horizontalLines = [0]
        return c
    }

    static func andScatter() -> Scatter {
        Scatter([LabeledPoint(0, 0, label: 0), LabeledPoint(0, 1, label: 0), LabeledPoint(1, 0, label: 0), LabeledPoint(1, 1, label: 1)],
                classNames: ["0", "1"], lines: [.init("x₁ + x₂ − 1.5 = 0", weights: [1, 1], bias: -1.5)], title: "AND")
    }

    static func confusion() -> Heatmap {
        let counts = [[33, 0, 1], [0, 28, 4], [2, 3, 29]]
        return .confusionMatrix(counts, classNames: ["setosa", "versicolor", "virginica"], trueTitle: "true class",
                                predictedTitle: "predicted class", title: "Confusion matrix")
    }

    static func digits() -> ImageGrid {
        // Synthetic 8×8 strokes: a "0" (ring), a "1" (bar) and a "7", on the digits' 0…16 scale.
        func img(_ f: (Int, Int) -> Bool) -> [Double] { (0..<64).map { f($0 % 8, $0 / 8) ? 16 : 0 } }
        let zero = img { x, y in (x == 2 || x == 5) && (1...6).contains(y) || (y == 1 || y == 6) && (2...5).contains(x) }
        let one = img { x, y in x == 4 && (1...6).contains(y) || (x == 3 && y == 2) }
        let seven = img { x, y in y == 1 && (2...5).contains(x) || (x == 7 - y + 0 && y >= 2 && y <= 6) }
        var g = ImageGrid(images: [zero, one, seven, seven, zero, one], trueLabels: ["0", "1", "7", "7", "0", "1"],
                          predictedLabels: ["0", "1", "7", "1", "0", "1"])
        g.columns = 6
        return g
    }

    static func graph() throws -> ComputationGraph {
        var g = try ComputationGraph.linearRegression(x: 1, w: 5, b: 1, y: 2)
        g.title = "Linear regression as a computational graph"
        g.valueCaption = "forward value"
        g.gradientCaption = "gradient ∂L/∂·"
        return g
    }

    static func snapshots() throws -> SnapshotPanel {
        let final = try xorNetwork()
        // Scaled-down versions stand for earlier epochs (the boundary sharpens as weights grow).
        func scaled(_ s: Double) throws -> Network {
            try Network(sizes: [2, 2, 1], activations: [.sigmoid],
                        weights: final.weights.map { $0.scaled(by: s) }, biases: final.biases.map { $0.scaled(by: s) })
        }
        return SnapshotPanel([.init("epoch 10", network: try scaled(0.1)), .init("epoch 100", network: try scaled(0.3)),
                              .init("epoch 1000", network: try scaled(0.6)), .init("epoch 5000", network: final)],
                             points: xorPoints, title: "XOR boundary during training")
    }

    /// Every figure kind with a file name.
    static func all() throws -> [(String, any Drawable)] {
        var big = NetworkDiagram(sizes: [64, 32, 16, 10])
        big.layerCaptions = ["Input", "Hidden 1", "Hidden 2", "Output"]
        var deep = NetworkDiagram(network: try Network(sizes: [4, 5, 5, 5, 5, 5, 5, 1], activation: .tanh, seed: 3))
        deep.showBiasNodes = false
        var deepWeights = deep
        deepWeights.showWeights = true
        var traced = NetworkDiagram(network: try network232())
        traced.showWeights = false
        traced = traced.with(trace: try network232().forward(Matrix(row: [0.5, 1.0])))
        return [
            ("network-2-3-2", try diagram232()),
            ("network-2-2-1", NetworkDiagram(network: try xorNetwork())),
            ("network-2-3-4-1", NetworkDiagram(network: try Network(sizes: [2, 3, 4, 1], activation: .sigmoid, seed: 11))),
            ("network-deep", deep),
            ("network-deep-weights", deepWeights),
            ("network-64-32-16-10", big),
            ("network-2-3-2-values", traced),
            ("boundary-xor", try xorBoundary()),
            ("boundary-perceptron", DecisionBoundary(perceptron: Perceptron(weights: [1, 1], bias: -1.5), points: [
                LabeledPoint(0, 0, label: 0), LabeledPoint(0, 1, label: 0), LabeledPoint(1, 0, label: 0), LabeledPoint(1, 1, label: 1)],
                title: "Perceptron for AND")),
            ("boundary-softmax", try softmaxBoundary()),
            ("loss-curves", lossCurves()),
            ("activations", activations()),
            ("six-relus", sixReLUs()),
            ("scatter-and", andScatter()),
            ("confusion", confusion()),
            ("digits", digits()),
            ("graph", try graph()),
            ("snapshots", try snapshots()),
        ]
    }

    static func softmaxBoundary() throws -> DecisionBoundary {
        // Three classes split by angle: z_k = x·w_k, w_k pointing at 90°, 210°, 330°.
        let w = try Matrix([[0, -4, 4], [4, -2.4, -2.4]])
        let net = try Network(sizes: [2, 3], activations: [.softmax], weights: [w], biases: [Matrix(row: [0, 0, 0])])
        let pts = [LabeledPoint(0, 1, label: 0), LabeledPoint(-0.9, -0.5, label: 1), LabeledPoint(0.9, -0.5, label: 2),
                   LabeledPoint(0.2, 0.8, label: 0), LabeledPoint(-0.6, -0.7, label: 1), LabeledPoint(0.7, -0.3, label: 2)]
        var d = DecisionBoundary(network: net, xRange: -1.5...1.5, yRange: -1.5...1.5, points: pts, title: "Softmax: regions by argmax")
        d.classNames = ["A", "B", "C"]
        return d
    }
}
