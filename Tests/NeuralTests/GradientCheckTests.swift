import Foundation
import Testing
@testable import Neural

@Suite struct GradientCheckTests {
    static let x = try! Matrix([[0.3, -0.7, 1.1], [0.9, 0.2, -0.4], [-1.3, 0.5, 0.8]])
    static let soft = try! Matrix([[0.2, 0.7], [0.9, 0.3], [0.4, 0.5]])   // targets in (0, 1)
    static let oneHot = try! Matrix([[1, 0], [0, 1], [1, 0]])

    /// Output activation and target that suit each loss.
    static func setups(hidden: Activation) -> [(Activation, Loss, Matrix)] {
        [(hidden, .halfSSE, soft), (hidden, .sse, soft), (hidden, .mse, soft),
         (.sigmoid, .binaryCrossEntropy, soft), (.softmax, .categoricalCrossEntropy, oneHot),
         (.sigmoid, .halfSSE.reduced(by: .mean), oneHot), (.softmax, .binaryCrossEntropy, oneHot)]
    }

    static func network(_ hidden: Activation, _ output: Activation, _ mode: BiasMode, seed: UInt64) throws -> Network {
        var net = try Network(sizes: [3, 4, 2], activations: [hidden, output], biasMode: mode,
                              initializer: .normal(sd: 0.8), seed: seed)
        if mode != .none {
            var rng = SeededRandom(seed: seed * 31)
            for l in 0..<2 {
                let v = (0..<net.layers[l].outputs).map { _ in rng.uniform(-0.5, 0.5) }
                net.layers[l].bias = Matrix(row: mode == .shared ? Array(repeating: v[0], count: v.count) : v)
            }
        }
        return net
    }

    static func nearKink(_ net: Network) throws -> Bool {
        let kinked: Set<Activation.Kind> = [.relu, .leakyReLU, .prelu, .elu]
        let fwd = try net.forward(x)
        return net.layers.indices.contains { l in
            kinked.contains(net.layers[l].activation.kind) && fwd.z[l].storage.contains { abs($0) < 0.02 }
        }
    }

    @Test(arguments: Activation.all.filter(\.hasDerivative))
    func everyActivationLossAndBiasMode(hidden: Activation) throws {
        var seed: UInt64 = 1
        for (output, loss, target) in Self.setups(hidden: hidden) {
            for mode in BiasMode.allCases {
                for simplify in [true, false] {
                    // Finite differences are meaningless across a kink (ReLU family at 0, ELU's f″ at 0):
                    // draw again while a pre-activation of a kinked layer lies within 0.02 of 0.
                    var net: Network
                    repeat {
                        seed += 1
                        net = try Self.network(hidden, output, mode, seed: seed)
                    } while try Self.nearKink(net)
                    let check = try GradientCheck(network: net, input: Self.x, target: target, loss: loss, simplify: simplify)
                    #expect(check.entries.count == 3 * 4 + 4 * 2 + (mode == .perNeuron ? 6 : mode == .shared ? 2 : 0))
                    let what = "\(hidden.name)→\(output.name), \(loss), bias \(mode), simplify \(simplify)"
                    #expect(check.maxRelativeError < 1e-6, "\(what): \(check.maxRelativeError)")
                    #expect(check.vectorRelativeError < 1e-8, "\(what): \(check.vectorRelativeError)")
                    #expect(check.entries.contains { abs($0.backprop) > 1e-3 }, "\(what): gradient all but zero")
                }
            }
        }
    }

    @Test func deeperNetworkAndFrozenBiasSkipped() throws {
        let net = try Network(sizes: [3, 5, 4, 2], activations: [.elu(alpha: 0.7), .swish, .softmax],
                              biasMode: .perNeuron, biasTrainable: false, initializer: .he, seed: 5)
        let check = try GradientCheck(network: net, input: Self.x, target: Self.oneHot, loss: .categoricalCrossEntropy)
        #expect(check.entries.count == 15 + 20 + 8)
        #expect(check.maxRelativeError < 1e-6)
    }

    @Test func detectsAWrongGradient() throws {
        // A check that cannot fail proves nothing: feed backprop a loss that differs from the one
        // the finite differences see, and the check must notice.
        let net = try Network(sizes: [3, 2], activation: .sigmoid, seed: 4)
        let good = try GradientCheck(network: net, input: Self.x, target: Self.soft, loss: .sse)
        let bt = try net.backward(input: Self.x, target: Self.soft, loss: .halfSSE, learningRate: 0)
        for e in good.entries {
            if case .weight(_, let r, let c) = e.parameter {
                #expect(abs(bt.gradW[0][r, c] * 2 - e.numeric) < 1e-9)     // ½SSE gradient is half of SSE's
                #expect(abs(bt.gradW[0][r, c] - e.numeric) > 1e-6 * abs(e.numeric))
            }
        }
    }
}
