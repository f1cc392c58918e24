import Canvas
import Foundation
import Testing
@testable import Figures
import Neural

@Suite struct TrainingFiguresTests {
    @Test func lossAndAccuracyChartsFollowTheHistory() throws {
        // OR with a single sigmoid unit: 40 epochs, a quarter held out is too few samples, so
        // validate on the training set itself.
        let x = try Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), y = try Matrix([[0], [1], [1], [1]])
        var config = TrainingConfig(loss: .binaryCrossEntropy, optimizer: .sgd, learningRate: 0.5, epochs: 40, batch: .full, seed: 1)
        config.snapshotEpochs = [1, 10, 40]
        let net = try Network(sizes: [2, 1], activations: [.sigmoid], seed: 2)
        let r = try Trainer(config).train(net, x: x, y: y, validationX: x, validationY: y)
        let loss = LineChart.loss(r.history, train: "huấn luyện", validation: "kiểm định", xLabel: "epoch", yLabel: "loss")
        #expect(loss.series.count == 2)
        #expect(loss.series[0].y == r.history.loss && loss.series[0].x.count == r.history.records.count)
        #expect(loss.series[1].dash == [5, 3])
        let acc = LineChart.accuracy(r.history, train: "train", validation: "val", xLabel: "epoch", yLabel: "accuracy")
        #expect(acc.series.count == 2 && acc.yDomain == 0...1.02)
        let panel = SnapshotPanel(history: r.history, points: [], xRange: -0.5...1.5, yRange: -0.5...1.5) { "epoch \($0)" }
        #expect(panel.snapshots.map(\.title) == ["epoch 1", "epoch 10", "epoch 40"])
        // Vietnamese legend text survives into the PDF.
        let pdf = (outputFolder() as NSString).appendingPathComponent("loss-vi.pdf")
        try loss.render(to: pdf, format: .pdf)
        let text = try run("pdftotext", [pdf, "-"]).out
        #expect(text.contains("huấn luyện") && text.contains("kiểm định"))
        try panel.render(to: (outputFolder() as NSString).appendingPathComponent("panel.png"), format: .png)
    }

    @Test func activationChartHasTheDerivative() {
        let c = LineChart.activation(.sigmoid, over: -4...4)
        #expect(c.series.count == 2)
        // σ′(0) = σ(0)(1 − σ(0)) = 0.25 at the middle sample.
        let mid = c.series[1].y[c.series[1].y.count / 2]
        #expect(abs(mid - 0.25) < 1e-12)
        #expect(LineChart.activation(.step).series.count == 1)   // no derivative to draw
    }

    @Test func noTextBelowTheMinimum() {
        let t = Theme.standard
        for s in [t.titleSize, t.labelSize, t.tickSize, t.annotationSize] { #expect(s >= t.minimumTextSize) }
        #expect(t.minimumTextSize >= 7)
        #expect(t.style(5).size == 7)        // asking for less gives the minimum
    }
}

@Suite struct DigitsFiguresTests {
    /// The 8×8 digits of Lessons/data with a briefly trained [64,32,16,10] network: the confusion
    /// matrix's counts add up to the samples and its diagonal to the correct ones.
    @Test func digitsConfusionAndImages() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Lessons/data/digits.csv")
        let data = try Digits.parse(csv: String(contentsOf: url, encoding: .utf8), normalize: true)
        let config = TrainingConfig(loss: .categoricalCrossEntropy, optimizer: .adam, learningRate: 0.01, epochs: 4, batch: .mini(32), seed: 3)
        let net = try Network(sizes: [64, 32, 16, 10], activations: [.relu, .relu, .softmax], initializer: .he, seed: 1)
        let trained = try Trainer(config).train(net, on: data).network
        let predicted = predictedLabels(try trained.predict(data.x))
        let cm = try ConfusionMatrix(actual: data.labels, predicted: predicted, classNames: data.classNames)
        let h = Heatmap(confusion: cm, trueTitle: "true digit", predictedTitle: "predicted digit", title: "Digits after 4 epochs")
        #expect(h.values.flatMap { $0 }.reduce(0, +) == Double(data.x.rows))
        let correct = zip(data.labels, predicted).filter { $0 == $1 }.count
        #expect((0..<10).map { h.values[$0][$0] }.reduce(0, +) == Double(correct))
        try h.render(to: (outputFolder() as NSString).appendingPathComponent("digits-confusion.png"), format: .png)
        // The first wrong predictions and some right ones.
        let wrong = data.labels.indices.filter { data.labels[$0] != predicted[$0] }.prefix(6)
        let picks = Array(0..<14) + wrong
        var grid = ImageGrid(dataset: data, indices: picks, predicted: picks.map { predicted[$0] })
        grid.title = "Digits: true (y) and predicted (ŷ) labels"
        #expect(grid.images.count == 14 + wrong.count && grid.valueRange == 0...1)
        try grid.render(to: (outputFolder() as NSString).appendingPathComponent("digits-grid.png"), format: .png)
    }
}
