import Canvas
import Foundation
import Testing
@testable import Figures
import Neural

/// The README's three figures, made from a real training run. They are written to docs/figures
/// when NNBOOK_WRITE_SHOWCASE names the repository folder; otherwise to a temporary folder.
@Suite struct ShowcaseTests {
    static func folder() -> String {
        if let repo = ProcessInfo.processInfo.environment["NNBOOK_WRITE_SHOWCASE"] {
            return (repo as NSString).appendingPathComponent("docs/figures")
        }
        return outputFolder()
    }

    @Test func showcaseFigures() throws {
        let dir = ShowcaseTests.folder()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)

        // 1. The [2-3-2] network of the fixtures, with its weights and biases.
        try Fixtures.diagram232().render(to: (dir as NSString).appendingPathComponent("network-2-3-2.png"), format: .png, dpi: 150)

        // 2 and 3. XOR quadrants (TensorFlow Playground's, seeded), a [2,8,1] tanh/sigmoid network,
        // Adam with mini-batches and a quarter of the data held out for validation.
        let data = try DataGenerator.xor.generate(n: 240, noise: 0.05, seed: 4)
        var config = TrainingConfig(loss: .binaryCrossEntropy, optimizer: .adam, learningRate: 0.02, epochs: 300,
                                    batch: .mini(16), seed: 7)
        config.validationFraction = 0.25
        let net = try Network(sizes: [2, 8, 1], activations: [.tanh, .sigmoid], initializer: .xavier, seed: 3)
        let result = try Trainer(config).train(net, on: data)
        let acc = result.history.records.last?.validationAccuracy ?? 0
        #expect(acc >= 0.9, "validation accuracy \(acc): the showcase should show a solved problem")

        var boundary = DecisionBoundary(network: result.network, xRange: -6...6, yRange: -6...6,
                                        points: LabeledPoint.from(data), title: "XOR quadrants: [2, 8, 1] network after 300 epochs")
        boundary.colorBarLabel = "network output ŷ"
        boundary.classNames = ["class 0", "class 1"]
        try boundary.render(to: (dir as NSString).appendingPathComponent("xor-boundary.png"), format: .png, dpi: 150)

        var loss = LineChart.loss(result.history, train: "training", validation: "validation",
                                  title: "Binary cross-entropy per epoch", xLabel: "epoch", yLabel: "loss", logScale: true)
        loss.size = .inches(6, 3.6)
        try loss.render(to: (dir as NSString).appendingPathComponent("loss-curves.png"), format: .png, dpi: 150)
    }
}
