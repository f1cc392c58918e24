import XCTest
import Neural
@testable import Exercises

/// StepSolver works scalar by scalar, as a student does; Neural's Network works with matrices
/// (Nielsen's four equations). At full precision the two must agree on every value.
final class NeuralCrossCheckTests: XCTestCase {

    func testFullPrecisionAgreesWithNetworkBackward() throws {
        var rng = SplitMix(seed: 11)
        func unit() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        let cases: [(sizes: [Int], acts: [String], loss: String, bias: HandBias)] = [
            ([2, 3, 2], ["sigmoid", "sigmoid"], "half-sse", .none),
            ([2, 2, 2], ["sigmoid", "sigmoid"], "half-sse", .shared),
            ([2, 2, 1], ["tanh", "sigmoid"], "bce", .perNeuron),
            ([3, 4, 2], ["relu", "softmax"], "cce", .perNeuron),
            ([2, 3, 3, 2], ["sigmoid", "tanh", "identity"], "mse", .perNeuron),
            ([2, 3, 3, 2], ["softplus", "leaky-relu", "sigmoid"], "sse", .shared),
            ([3, 2, 3], ["elu", "softmax"], "half-sse", .perNeuron),   // softmax without cce: full Jacobian
            ([2, 4, 2], ["swish", "sigmoid"], "bce", .none),
            ([2, 2, 2], ["arctan", "identity"], "half-sse", .perNeuron),
        ]
        for c in cases {
            for _ in 0..<5 {
                let L = c.sizes.count - 1
                let W = (1...L).map { l in (0..<c.sizes[l - 1]).map { _ in (0..<c.sizes[l]).map { _ in unit() * 2 - 1 } } }
                let b: [[Double]] = (1...L).map { l in
                    switch c.bias {
                    case .none: return []
                    case .perNeuron: return (0..<c.sizes[l]).map { _ in unit() - 0.5 }
                    case .shared: return Array(repeating: unit() - 0.5, count: c.sizes[l])
                    }
                }
                let x = (0..<c.sizes[0]).map { _ in unit() * 2 - 1 }
                var t = (0..<c.sizes[L]).map { _ in unit() }
                if c.loss == "cce" { t = t.indices.map { $0 == 0 ? 1 : 0 } }
                let ex = HandExercise(sizes: c.sizes, activations: c.acts, bias: c.bias, updateBias: true,
                                      weights: W, biases: b, input: x, target: t, loss: c.loss, learningRate: 0.3)
                let chain = try StepSolver(ex).solve()

                let mode: BiasMode = c.bias == .none ? .none : (c.bias == .shared ? .shared : .perNeuron)
                let net = try Network(sizes: c.sizes, activations: c.acts.map { Activation.named($0)! }, biasMode: mode,
                                      weights: try W.map { try Matrix($0) },
                                      biases: c.bias == .none ? nil : b.map { Matrix(row: $0) })
                let fwd = try net.forward(Matrix(row: x))
                let bwd = try net.backward(fwd, target: Matrix(row: t), loss: Loss.named(c.loss)!, learningRate: 0.3)
                let tag = "\(c.sizes) \(c.acts) \(c.loss) \(c.bias)"
                XCTAssertEqual(chain[Quantity(.loss, layer: 0)], bwd.loss, accuracy: 1e-12, tag)
                for l in 1...L {
                    for j in 0..<c.sizes[l] {
                        XCTAssertEqual(chain[Quantity(.z, layer: l, j: j)], fwd.z[l - 1][0, j], accuracy: 1e-12, tag)
                        XCTAssertEqual(chain[Quantity(.a, layer: l, j: j)], fwd.a[l - 1][0, j], accuracy: 1e-12, tag)
                        XCTAssertEqual(chain[Quantity(.delta, layer: l, j: j)], bwd.delta[l - 1][0, j], accuracy: 1e-12, tag)
                        if c.bias == .perNeuron {
                            XCTAssertEqual(chain[Quantity(.gradB, layer: l, j: j)], bwd.gradB[l - 1][0, j], accuracy: 1e-12, tag)
                            XCTAssertEqual(chain[Quantity(.newB, layer: l, j: j)], bwd.newB[l - 1][0, j], accuracy: 1e-12, tag)
                        }
                        for i in 0..<c.sizes[l - 1] {
                            XCTAssertEqual(chain[Quantity(.gradW, layer: l, i: i, j: j)], bwd.gradW[l - 1][i, j], accuracy: 1e-12, tag)
                            XCTAssertEqual(chain[Quantity(.newW, layer: l, i: i, j: j)], bwd.newW[l - 1][i, j], accuracy: 1e-12, tag)
                        }
                    }
                    if c.bias == .shared {
                        XCTAssertEqual(chain[Quantity(.gradB, layer: l)], bwd.gradB[l - 1][0, 0], accuracy: 1e-12, tag)
                        XCTAssertEqual(chain[Quantity(.newB, layer: l)], bwd.newB[l - 1][0, 0], accuracy: 1e-12, tag)
                    }
                }
            }
        }
    }
}

extension NeuralCrossCheckTests {
    /// ∂E/∂w and ∂E/∂b against central finite differences of the solver's own loss:
    /// independent of how δ is formed (simplified, full softmax Jacobian, shared-bias sum).
    func testGradientsMatchFiniteDifferences() throws {
        let cases: [([Int], [String], String, HandBias)] = [
            ([2, 3, 2], ["sigmoid", "softmax"], "half-sse", .shared),
            ([2, 3, 3], ["tanh", "softmax"], "cce", .perNeuron),
            ([3, 2, 2], ["swish", "sigmoid"], "bce", .shared),
            ([2, 2, 2], ["elu", "identity"], "mse", .perNeuron),
        ]
        var rng = SplitMix(seed: 99)
        func unit() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        for (sizes, acts, loss, bias) in cases {
            let L = sizes.count - 1
            let W = (1...L).map { l in (0..<sizes[l - 1]).map { _ in (0..<sizes[l]).map { _ in unit() * 2 - 1 } } }
            let b: [[Double]] = (1...L).map { l in bias == .shared ? Array(repeating: unit() - 0.5, count: sizes[l]) : (0..<sizes[l]).map { _ in unit() - 0.5 } }
            let t: [Double] = (0..<sizes[L]).map { $0 == 1 ? 1 : 0 }
            let ex = HandExercise(sizes: sizes, activations: acts, bias: bias, updateBias: true, weights: W, biases: b,
                                  input: (0..<sizes[0]).map { _ in unit() }, target: t, loss: loss, learningRate: 0.1)
            let chain = try StepSolver(ex).solve()
            func E(_ e: HandExercise) throws -> Double { try StepSolver(e).solve(formulas: false)[Quantity(.loss, layer: 0)] }
            let h = 1e-6
            for l in 1...L {
                for i in 0..<sizes[l - 1] {
                    for j in 0..<sizes[l] {
                        var up = ex, down = ex
                        up.weights[l - 1][i][j] += h
                        down.weights[l - 1][i][j] -= h
                        let fd = (try E(up) - E(down)) / (2 * h)
                        XCTAssertEqual(chain[Quantity(.gradW, layer: l, i: i, j: j)], fd, accuracy: 1e-7, "\(sizes) \(acts) \(loss) w\(l)\(i)\(j)")
                    }
                }
                var up = ex, down = ex
                if bias == .shared {
                    up.biases[l - 1] = up.biases[l - 1].map { $0 + h }
                    down.biases[l - 1] = down.biases[l - 1].map { $0 - h }
                    XCTAssertEqual(chain[Quantity(.gradB, layer: l)], (try E(up) - E(down)) / (2 * h), accuracy: 1e-7, "\(sizes) shared b\(l)")
                } else {
                    up.biases[l - 1][0] += h
                    down.biases[l - 1][0] -= h
                    XCTAssertEqual(chain[Quantity(.gradB, layer: l, j: 0)], (try E(up) - E(down)) / (2 * h), accuracy: 1e-7, "\(sizes) b\(l)0")
                }
            }
        }
    }
}
