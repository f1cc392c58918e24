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
