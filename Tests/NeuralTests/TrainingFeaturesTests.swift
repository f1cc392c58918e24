import Foundation
import Testing
@testable import Neural

@Suite struct TrainingFeaturesTests {
    static let x = TrainerTests.xorX, y = TrainerTests.xorY

    @Test func divergenceNamesTheEpoch() throws {
        // A linear network with η = 10 on ½SSE: every step overshoots more, the loss reaches ∞/NaN.
        let net = try Network(sizes: [2, 4, 1], activation: .identity, initializer: .normal(sd: 1), seed: 1)
        let c = TrainingConfig(loss: .halfSSE, learningRate: 10, epochs: 1000, seed: 1)
        do {
            _ = try Trainer(c).train(net, x: Self.x, y: Self.y)
            Issue.record("expected divergence")
        } catch let TrainingError.diverged(epoch, loss) {
            #expect(epoch >= 1 && epoch < 1000)
            #expect(!loss.isFinite)
            #expect(TrainingError.diverged(epoch: epoch, loss: loss).description.contains("epoch \(epoch)"))
        }
        // Also with sparse logging: the weights are checked every epoch.
        var sparse = c
        sparse.logEvery = 500
        #expect(throws: TrainingError.self) { try Trainer(sparse).train(net, x: Self.x, y: Self.y) }
    }

    @Test func snapshotsHistoryAndProgress() throws {
        let net = try Network(sizes: [2, 4, 1], activation: .sigmoid, seed: 5)
        var c = TrainingConfig(loss: .halfSSE, learningRate: 0.5, epochs: 300, seed: 5)
        c.snapshotEpochs = [0, 10, 300]
        c.logEvery = 100
        var seen: [Int] = []
        let r = try Trainer(c).train(net, x: Self.x, y: Self.y) { seen.append($0.epoch) }
        #expect(seen == [1, 100, 200, 300] && r.history.epochs == seen)
        #expect(r.history.snapshots[0] == net)
        #expect(r.history.snapshots[300] == r.network)
        #expect(r.history.snapshots[10] != nil && r.history.snapshots[10] != net)
        #expect(r.history.epochsRun == 300 && r.history.steps == 1200)
        #expect(r.history.accuracy.count == 4 && r.history.validationLoss.isEmpty)
    }

    @Test func sameSeedSameResultDifferentSeedDifferent() throws {
        let net = try Network(sizes: [2, 8, 1], activation: .tanh, seed: 1)
        var c = TrainingConfig(loss: .mse, optimizer: .momentum, learningRate: 0.05, epochs: 50, batch: .mini(2), seed: 9)
        c.dropout = 0.25
        let a = try Trainer(c).train(net, x: Self.x, y: Self.y)
        let b = try Trainer(c).train(net, x: Self.x, y: Self.y)
        #expect(a.network == b.network && a.history == b.history)
        c.seed = 10
        let d = try Trainer(c).train(net, x: Self.x, y: Self.y)
        #expect(d.network != a.network)
    }

    @Test func dropoutChangesTrainingButNotPrediction() throws {
        let net = try Network(sizes: [2, 16, 1], activations: [.relu, .sigmoid], initializer: .he, seed: 4)
        var c = TrainingConfig(loss: .binaryCrossEntropy, optimizer: .adam, learningRate: 0.05, epochs: 300, batch: .full, seed: 4)
        let plain = try Trainer(c).train(net, x: Self.x, y: Self.y)
        c.dropout = 0.3
        let dropped = try Trainer(c).train(net, x: Self.x, y: Self.y)
        #expect(plain.network != dropped.network)
        // The recorded loss uses no dropout: it equals the returned network's loss.
        let p = try dropped.network.predict(Self.x)
        #expect(abs(try Loss.binaryCrossEntropy.value(predicted: p, target: Self.y) - dropped.history.finalLoss!) < 1e-12)
        #expect(dropped.history.finalAccuracy == 1)
    }

    @Test func l2ShrinksWeights() throws {
        let net = try Network(sizes: [2, 8, 1], activation: .sigmoid, seed: 2)
        var c = TrainingConfig(loss: .halfSSE, learningRate: 0.5, epochs: 500, seed: 2)
        let free = try Trainer(c).train(net, x: Self.x, y: Self.y).network
        c.l2 = 0.01
        let l2 = try Trainer(c).train(net, x: Self.x, y: Self.y).network
        c.l2 = 0
        c.l1 = 0.01
        let l1 = try Trainer(c).train(net, x: Self.x, y: Self.y).network
        func norm(_ n: Network) -> Double { n.weights.reduce(0) { $0 + $1.storage.reduce(0) { $0 + $1 * $1 } } }
        func l1norm(_ n: Network) -> Double { n.weights.reduce(0) { $0 + $1.storage.reduce(0) { $0 + abs($1) } } }
        #expect(norm(l2) < 0.8 * norm(free))
        #expect(l1norm(l1) < 0.8 * l1norm(free))
    }

    @Test func earlyStoppingOnAValidationSplit() throws {
        let (train, _) = DigitsFixture.split
        let small = train.subset(Array(0..<300))
        let net = try Network(sizes: [64, 32, 10], activations: [.relu, .softmax], initializer: .he, seed: 3)
        var c = TrainingConfig(loss: .categoricalCrossEntropy, optimizer: .adam, learningRate: 0.02, epochs: 200, batch: .mini(32), seed: 3)
        c.validationFraction = 0.2
        c.earlyStoppingPatience = 5
        let r = try Trainer(c).train(net, on: small)
        let h = r.history
        #expect(h.stoppedEarly && h.epochsRun < 200)
        let best = try #require(h.bestEpoch)
        #expect(h.epochsRun == best + 5)
        let vl = h.validationLoss
        #expect(vl.count == h.epochsRun && vl[best - 1] == vl.min())
        // 300 samples, 20 % held out: 240 train → 8 steps of 32 per epoch.
        #expect(h.steps == 8 * h.epochsRun)
        #expect(h.validationAccuracy.allSatisfy { $0 >= 0 && $0 <= 1 })
        // The weights handed back are the best epoch's, and the kept record describes them: its
        // validation loss is what the returned network scores on the held-out rows, recomputed here.
        #expect(h.restoredBestWeights)
        let kept = try #require(h.keptRecord)
        #expect(kept.epoch == best && kept.epoch != h.records.last?.epoch)
        let held = small.subset(r.heldOut)
        let scored = try Loss.categoricalCrossEntropy.value(predicted: r.network.predict(held.x), target: held.y)
        #expect(abs(scored - kept.validationLoss!) <= 1e-12 * max(1, scored))
        #expect(abs(scored - h.records.last!.validationLoss!) > 1e-9)     // the last epoch's is another number
    }

    @Test func runningMetricsDuringTheEpoch() throws {
        // Per-sample SGD without shuffling: the running ½SSE is the sum of each sample's loss just
        // before its own update, computed here step by step with Network.backward.
        let net = try Network(sizes: [2, 3, 1], activation: .sigmoid, initializer: .xavier, seed: 12)
        var c = TrainingConfig(loss: .halfSSE, learningRate: 0.7, epochs: 3, shuffle: false)
        c.trainingMetrics = .duringEpoch
        let r = try Trainer(c).train(net, x: Self.x, y: Self.y)
        var n = net
        var expected: [Double] = [], correct: [Double] = []
        for _ in 0..<3 {
            var total = 0.0, right = 0
            for i in 0..<4 {
                let xi = Matrix(row: Self.x.row(i)), yi = Matrix(row: Self.y.row(i))
                let bt = try n.backward(input: xi, target: yi, loss: .halfSSE, learningRate: 0.7)
                total += bt.loss
                if (try n.predict(xi)[0, 0] >= 0.5) == (yi[0, 0] == 1) { right += 1 }
                n = n.applying(bt)
            }
            expected.append(total)
            correct.append(Double(right) / 4)
        }
        for (a, b) in zip(r.history.loss, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(r.history.accuracy == correct)
        // The mini-batch path: BCE averaged over the epoch's batches is finite, positive and falls.
        var m = TrainingConfig(loss: .binaryCrossEntropy, optimizer: .adam, learningRate: 0.05, epochs: 50, batch: .mini(2), seed: 1)
        m.trainingMetrics = .duringEpoch
        let h = try Trainer(m).train(net, x: Self.x, y: Self.y).history
        #expect(h.loss.allSatisfy { $0.isFinite && $0 > 0 } && h.loss.last! < h.loss.first!)
    }

    @Test func badConfigurationsAreRejected() throws {
        let net = try Network(sizes: [2, 1], activation: .sigmoid, seed: 1)
        func fails(_ edit: (inout TrainingConfig) -> Void) -> Bool {
            var c = TrainingConfig()
            edit(&c)
            do { _ = try Trainer(c).train(net, x: Self.x, y: Self.y); return false } catch { return "\(error)".count > 10 }
        }
        #expect(fails { $0.learningRate = 0 })
        #expect(fails { $0.learningRate = .nan })
        #expect(fails { $0.dropout = 1 })
        #expect(fails { $0.earlyStoppingPatience = 3 })           // no validation data
        #expect(fails { $0.snapshotEpochs = [101] })
        #expect(fails { $0.batch = .mini(0) })
        #expect(fails { $0.optimizer = .adam(beta1: 1, beta2: 0.999, epsilon: 1e-8) })
        #expect(throws: ShapeError.self) { try Trainer(TrainingConfig()).train(net, x: Self.x, y: Matrix(rows: 4, cols: 2)) }
        #expect(throws: TrainingError.self) {
            try Trainer(TrainingConfig()).train(net, x: Matrix(rows: 1, cols: 2, repeating: .nan), y: Matrix(rows: 1, cols: 1))
        }
        #expect(Optimizer.named("adam") == .adam && TrainingConfig.Batch.named("32") == .mini(32))
        #expect(TrainingConfig.Batch.named("full") == .full && TrainingConfig.Batch.named("0") == nil)
    }
}

@Suite struct EarlyStoppingRestoreTests {
    @Test func returnsTheBestEpochsWeights() throws {
        let (train, test) = DigitsFixture.split
        let net = try Network(sizes: [64, 32, 10], activations: [.relu, .softmax], initializer: .he, seed: 6)
        var c = TrainingConfig(loss: .categoricalCrossEntropy, optimizer: .adam, learningRate: 0.05, epochs: 100, batch: .mini(16), seed: 6)
        c.earlyStoppingPatience = 3
        let validation = test.subset(Array(0..<100))
        let r = try Trainer(c).train(net, on: train.subset(Array(0..<200)), validation: validation)
        let best = try #require(r.history.bestEpoch)
        #expect(r.history.stoppedEarly)
        let lossOfReturned = try Loss.categoricalCrossEntropy.value(predicted: r.network.predict(validation.x), target: validation.y)
        #expect(abs(lossOfReturned - r.history.validationLoss[best - 1]) < 1e-12)
        #expect(lossOfReturned < r.history.validationLoss.last!)
    }
}
