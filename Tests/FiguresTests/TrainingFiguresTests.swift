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
