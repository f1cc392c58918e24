import Foundation
import Testing
@testable import Notebook

/// What a train cell's fields and summary describe: the training accuracy counts only the rows the
/// network trained on (a validation split is held out), and with early stopping every number is
/// that of the weights kept, the best epoch's.
@Suite struct TrainingFieldsTests {
    /// A network that says "class 1" for every input (sigmoid(5) ≈ 0.993) and, with a learning
    /// rate of 1e-9 for one epoch, keeps saying it: its accuracy on any rows is their share of 1s.
    let always1 = ["```nn network", "name: n", "layers: [1, 1]", "activation: sigmoid", "bias: per-neuron",
                   "weights:", "  - [[0]]", "biases:", "  - [5]", "show: none", "```"]

    @Test func trainingAccuracyLeavesOutTheValidationRows() throws {
        // Ten rows, three of class 1. With 20 % held out, the network trains on 8 rows and is checked
        // on 2: the accuracies are k/8 and j/2 with k + j = 3 ones in all. Counting the held-out rows
        // as training rows would give 3/10 = 0.3, which no k/8 equals.
        let data = ["```nn dataset", "name: d", "columns: [x, y]",
                    "rows: [[0, 1], [1, 0], [2, 0], [3, 1], [4, 0], [5, 0], [6, 1], [7, 0], [8, 0], [9, 0]]",
                    "target: y", "show: none", "```"]
        let train = ["```nn train", "name: t", "network: n", "data: d", "loss: bce", "learning-rate: 0.000000001",
                     "epochs: 1", "batch: full", "validation: 0.2", "seed: 3", "```",
                     "TRAIN {{t.train-accuracy:6}} VAL {{t.validation-accuracy:6}} END"]
        let (_, text) = try run(always1 + data + train, lang: "en")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("TRAIN") })
        let parts = line.split(separator: " ")
        let trainAcc = try #require(Double(parts[1])), valAcc = try #require(Double(parts[3]))
        let k = trainAcc * 8, j = valAcc * 2
        #expect(abs(k - k.rounded()) < 1e-5 && abs(j - j.rounded()) < 1e-5)
        #expect(Int(k.rounded()) + Int(j.rounded()) == 3)
        #expect(abs(trainAcc - 0.3) > 0.01)
    }

    @Test func earlyStoppingNumbersAreThoseOfTheKeptEpoch() throws {
        let net = ["```nn network", "name: big", "layers: [2, 16, 16, 1]", "activation: [tanh, tanh, sigmoid]",
                   "init: xavier", "seed: 1", "show: none", "```"]
        let data = ["```nn dataset", "name: d", "generate: moons", "n: 80", "noise: 0.35", "seed: 5", "show: none", "```"]
        let train = ["```nn train", "name: t", "network: big", "data: d", "loss: bce", "optimizer: adam",
                     "learning-rate: 0.02", "epochs: 400", "batch: full", "validation: 0.3",
                     "early-stopping: {patience: 10}", "seed: 1", "```",
                     "FIELDS {{t.final-loss:8}} {{t.validation-loss:8}} {{t.best-epoch}} {{t.epochs-run}} END"]
        let (out, text) = try run(net + data + train, lang: "en")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("FIELDS") })
        let f = line.split(separator: " ")
        let finalLoss = try #require(Double(f[1])), validationLoss = try #require(Double(f[2]))
        let best = try #require(Int(f[3])), run = try #require(Int(f[4]))
        #expect(best < run)   // it did stop early, so the kept epoch is not the last one

        // The history the run recorded, epoch by epoch.
        var outcome: TrainingOutcome?
        let ex = Executor(lesson: out.lesson, dataDirectory: "/nonexistent")
        _ = try ex.run()
        if case .training(let t)? = ex.state["t"] { outcome = t }
        let h = try #require(outcome).history
        let kept = try #require(h.records.first { $0.epoch == best })
        let last = try #require(h.records.last)
        #expect(abs(finalLoss - kept.loss) < 1e-8)
        #expect(abs(validationLoss - kept.validationLoss!) < 1e-8)
        #expect(abs(finalLoss - last.loss) > 1e-6)     // the last epoch's loss is a different number
        // The best epoch has the lowest validation loss of the run.
        #expect(kept.validationLoss! <= h.validationLoss.min()! + 1e-15)
        // The summary says whose numbers it gives.
        #expect(text.contains("early stopping kept the weights of epoch \(best)"))
    }
}
