/// Backprop's gradient against finite differences, parameter by parameter.
///
/// The numerical derivative is the five-point central difference
/// (−J(θ+2h) + 8J(θ+h) − 8J(θ−h) + J(θ−2h)) / 12h, whose error is O(h⁴); the relative error of
/// a parameter is |backprop − numeric| / max(|backprop|, |numeric|, `floor`). The floor (1e-5 by
/// default) compares gradients smaller than it absolutely: a gradient that is exactly zero (a dead
/// ReLU, the shared bias of a softmax layer) meets difference-quotient rounding noise of about
/// 1e-12 there, which is no error of backprop. `vectorRelativeError` is the usual whole-gradient
/// measure ‖b − n‖ / (‖b‖ + ‖n‖).
public struct GradientCheck: Sendable {
    public enum Parameter: Equatable, Sendable {
        /// W⁽ˡ⁾[i, j] (layer numbered from 1, row and column from 0).
        case weight(layer: Int, row: Int, column: Int)
        /// b⁽ˡ⁾[j], or the one shared bias of layer l (column nil).
        case bias(layer: Int, column: Int?)
    }

    public struct Entry: Sendable {
        public let parameter: Parameter
        public let backprop: Double
        public let numeric: Double
        public let relativeError: Double
    }

    public let entries: [Entry]
    public let epsilon: Double
    public var maxRelativeError: Double { entries.map(\.relativeError).max() ?? 0 }
    /// ‖backprop − numeric‖ / (‖backprop‖ + ‖numeric‖) over all parameters (0 when both are zero).
    public var vectorRelativeError: Double {
        var d = 0.0, b = 0.0, n = 0.0
        for e in entries {
            d += (e.backprop - e.numeric) * (e.backprop - e.numeric)
            b += e.backprop * e.backprop
            n += e.numeric * e.numeric
        }
        let denominator = b.squareRoot() + n.squareRoot()
        return denominator == 0 ? 0 : d.squareRoot() / denominator
    }

    /// Checks every weight and every trainable bias of `network` on (input, target).
    /// `simplify` is passed to `backward` (false checks the general ∂J/∂ŷ ⊙ f′ path).
    public init(network: Network, input: Matrix, target: Matrix, loss: Loss, epsilon: Double = 1e-3,
                floor: Double = 1e-5, simplify: Bool = true) throws {
        let bt = try network.backward(input: input, target: target, loss: loss, learningRate: 0, simplify: simplify)
        func J(_ n: Network) throws -> Double { try loss.value(predicted: n.predict(input), target: target) }
        func numeric(_ perturb: (inout Network, Double) -> Void) throws -> Double {
            var values: [Double] = []
            for k in [2.0, 1.0, -1.0, -2.0] {
                var n = network
                perturb(&n, k * epsilon)
                values.append(try J(n))
            }
            return (-values[0] + 8 * values[1] - 8 * values[2] + values[3]) / (12 * epsilon)
        }
        var entries: [Entry] = []
        func add(_ p: Parameter, _ b: Double, _ n: Double) {
            let rel = abs(b - n) / max(abs(b), abs(n), floor)
            entries.append(Entry(parameter: p, backprop: b, numeric: n, relativeError: rel))
        }
        for (l, layer) in network.layers.enumerated() {
            for i in 0..<layer.inputs {
                for j in 0..<layer.outputs {
                    let num = try numeric { n, h in n.layers[l].weights[i, j] += h }
                    add(.weight(layer: l + 1, row: i, column: j), bt.gradW[l][i, j], num)
                }
            }
            guard layer.biasTrainable else { continue }
            switch layer.biasMode {
            case .none: break
            case .perNeuron:
                for j in 0..<layer.outputs {
                    let num = try numeric { n, h in n.layers[l].bias[0, j] += h }
                    add(.bias(layer: l + 1, column: j), bt.gradB[l][0, j], num)
                }
            case .shared:
                let num = try numeric { n, h in
                    for j in 0..<layer.outputs { n.layers[l].bias[0, j] += h }
                }
                add(.bias(layer: l + 1, column: nil), bt.gradB[l][0, 0], num)
            }
        }
        self.entries = entries
        self.epsilon = epsilon
    }
}
