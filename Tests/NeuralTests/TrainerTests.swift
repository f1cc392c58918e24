import Foundation
import Testing
@testable import Neural

/// The 1797 digits of Lessons/data/digits.csv, pixels scaled to [0, 1], split 75/25 with seed 42.
enum DigitsFixture {
    static let split: (train: Dataset, test: Dataset) = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Lessons/data/digits.csv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        return try! Digits.parse(csv: text, normalize: true).split(testFraction: 0.25, seed: 42)
    }()
}

@Suite struct TrainerTests {
    static let xorX = try! Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
    static let xorY = try! Matrix([[0], [1], [1], [0]])

    /// Reference: plain per-sample SGD written with Network.backward/applying (the presenter path).
    static func referenceSGD(_ net: Network, x: Matrix, y: Matrix, loss: Loss, eta: Double, epochs: Int) throws -> Network {
        var n = net
        for _ in 0..<epochs {
            for i in 0..<x.rows {
                let bt = try n.backward(input: Matrix(row: x.row(i)), target: Matrix(row: y.row(i)), loss: loss, learningRate: eta)
                n = n.applying(bt)
            }
        }
        return n
    }

    static func maxDifference(_ a: Network, _ b: Network) -> Double {
        var d = 0.0
        for l in 0..<a.layers.count {
            for (u, v) in zip(a.layers[l].weights.storage + a.layers[l].bias.storage,
                              b.layers[l].weights.storage + b.layers[l].bias.storage) { d = max(d, abs(u - v)) }
        }
        return d
    }

    @Test(arguments: [BiasMode.none, .perNeuron, .shared])
    func fusedPerSampleSGDMatchesBackwardTrace(mode: BiasMode) throws {
        let net = try Network(sizes: [2, 3, 2], activations: [.tanh, .sigmoid], biasMode: mode, initializer: .xavier, seed: 3)
        let y = try Matrix([[0, 1], [1, 0], [1, 0], [0, 1]])
        let c = TrainingConfig(loss: .halfSSE, learningRate: 0.3, epochs: 20, shuffle: false)
        let fast = try Trainer(c).train(net, x: Self.xorX, y: y).network
        let slow = try Self.referenceSGD(net, x: Self.xorX, y: y, loss: .halfSSE, eta: 0.3, epochs: 20)
        #expect(Self.maxDifference(fast, slow) < 1e-12)
        #expect(fast != net)
        // The general (batched) path with batch size 1 must agree too: L2 = 0 but forced off the fused path by momentum β = 0.
        var c2 = c
        c2.optimizer = .momentum(beta: 0)
        let general = try Trainer(c2).train(net, x: Self.xorX, y: y).network
        #expect(Self.maxDifference(general, slow) < 1e-12)
    }

    @Test func fullBatchAndMiniBatchMatchBatchBackward() throws {
        let net = try Network(sizes: [2, 4, 3], activations: [.relu, .softmax], initializer: .he, seed: 8)
        let y = try Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]])
        // Full batch: one step per epoch on the mean CCE of all four samples.
        let c = TrainingConfig(loss: .categoricalCrossEntropy, learningRate: 0.2, epochs: 5, batch: .full, shuffle: false)
        let fast = try Trainer(c).train(net, x: Self.xorX, y: y)
        var slow = net
        for _ in 0..<5 { slow = slow.applying(try slow.backward(input: Self.xorX, target: y, loss: .categoricalCrossEntropy, learningRate: 0.2)) }
        #expect(Self.maxDifference(fast.network, slow) < 1e-12)
        #expect(fast.history.steps == 5)
        // Mini-batches of 3: rows 0–2 then row 3 (no shuffling), two steps per epoch.
        var c3 = c
        c3.batch = .mini(3)
        let mini = try Trainer(c3).train(net, x: Self.xorX, y: y)
        var ref = net
        for _ in 0..<5 {
            ref = ref.applying(try ref.backward(input: Self.xorX.rows([0, 1, 2]), target: y.rows([0, 1, 2]), loss: .categoricalCrossEntropy, learningRate: 0.2))
            ref = ref.applying(try ref.backward(input: Self.xorX.rows([3]), target: y.rows([3]), loss: .categoricalCrossEntropy, learningRate: 0.2))
        }
        #expect(Self.maxDifference(mini.network, ref) < 1e-12)
        #expect(mini.history.steps == 10)
    }

    /// Momentum, Adam and the L2/L1 penalties against the update rules written out by hand on the
    /// gradients of Network.backward (full batch, so the order of samples does not matter).
    @Test func optimizersAndPenaltiesMatchTheirRules() throws {
        let net = try Network(sizes: [2, 3, 1], activations: [.tanh, .sigmoid], initializer: .xavier, seed: 11)
        let eta = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8, l1 = 0.01, l2 = 0.1
        for opt in [Optimizer.momentum(beta: 0.8), .adam(beta1: b1, beta2: b2, epsilon: eps)] {
            var c = TrainingConfig(loss: .binaryCrossEntropy, optimizer: opt, learningRate: eta, epochs: 4, batch: .full, shuffle: false)
            c.l1 = l1
            c.l2 = l2
            let fast = try Trainer(c).train(net, x: Self.xorX, y: Self.xorY).network
            var n = net
            var v = n.layers.map { [Double](repeating: 0, count: $0.weights.count + $0.bias.count) }
            var s = v
            for t in 1...4 {
                let bt = try n.backward(input: Self.xorX, target: Self.xorY, loss: .binaryCrossEntropy, learningRate: 0)
                for l in 0..<n.layers.count {
                    let w = n.layers[l].weights.storage
                    // g = ∂J/∂θ + λ₂w + λ₁ sign(w) on the weights; biases carry no penalty
                    let gw = zip(bt.gradW[l].storage, w).map { $0 + l2 * $1 + l1 * ($1 > 0 ? 1 : $1 < 0 ? -1 : 0) }
                    let g = gw + bt.gradB[l].storage
                    var theta = w + n.layers[l].bias.storage
                    for i in 0..<theta.count {
                        switch opt {
                        case .momentum(let beta):
                            v[l][i] = beta * v[l][i] - eta * g[i]
                            theta[i] += v[l][i]
                        default:
                            v[l][i] = b1 * v[l][i] + (1 - b1) * g[i]
                            s[l][i] = b2 * s[l][i] + (1 - b2) * g[i] * g[i]
                            let mHat = v[l][i] / (1 - pow(b1, Double(t))), vHat = s[l][i] / (1 - pow(b2, Double(t)))
                            theta[i] -= eta * mHat / (vHat.squareRoot() + eps)
                        }
                    }
                    n.layers[l].weights.storage = Array(theta[..<w.count])
                    n.layers[l].bias.storage = Array(theta[w.count...])
                }
            }
            #expect(Self.maxDifference(fast, n) < 1e-12, "\(opt)")
        }
    }

    /// XOR with [2,2,1], sigmoid everywhere, ½SSE, per-sample SGD, η = 0.5, 5000 epochs,
    /// Xavier weights from seed 1 (documented in the lessons): all four cases right.
    @Test func xorReachesFourOfFour() throws {
        let net = try Network(sizes: [2, 2, 1], activation: .sigmoid, initializer: .xavier, seed: 1)
        var c = TrainingConfig(loss: .halfSSE, learningRate: 0.5, epochs: 5000, seed: 1)
        c.logEvery = 500
        let r = try Trainer(c).train(net, x: Self.xorX, y: Self.xorY)
        let out = try r.network.predict(Self.xorX)
        #expect(out[0, 0] < 0.5 && out[1, 0] > 0.5 && out[2, 0] > 0.5 && out[3, 0] < 0.5, "\(out)")
        #expect(r.history.finalAccuracy == 1)
        #expect(r.history.epochs == [1] + Array(stride(from: 500, through: 5000, by: 500)))
        #expect(r.history.loss.last! < r.history.loss.first!)
        // The recorded loss is the ½SSE of the returned network over the four samples.
        #expect(abs(r.history.finalLoss! - (try Loss.halfSSE.value(predicted: out, target: Self.xorY))) < 1e-12)
    }

    /// Digits [64,32,16,10]: tanh hidden layers, softmax + cross-entropy, Adam (η = 0.01), batches
    /// of 32, 8 epochs, seed 2, on the seeded 75/25 split: at least 95 % of the test set right
    /// (96.2 % when written; about 5 s in a debug build on a busy machine, milliseconds in release).
    @Test func digitsReach95PercentTestAccuracy() throws {
        let (train, test) = DigitsFixture.split
        #expect(train.count == 1347 && test.count == 450)
        let net = try Network(sizes: [64, 32, 16, 10], activations: [.tanh, .tanh, .softmax], initializer: .xavier, seed: 2)
        var c = TrainingConfig(loss: .categoricalCrossEntropy, optimizer: .adam, learningRate: 0.01, epochs: 8,
                               batch: .mini(32), seed: 2)
        c.logEvery = 8
        c.trainingMetrics = .duringEpoch
        let r = try Trainer(c).train(net, on: train, validation: test)
        let predicted = try r.network.predict(test.x).argmaxPerRow
        let correct = zip(predicted, test.labels).filter { $0 == $1 }.count
        let accuracy = Double(correct) / Double(test.count)
        #expect(accuracy >= 0.95, "test accuracy \(accuracy)")
        #expect(r.history.validationAccuracy.last == accuracy)
    }
}
