/// Every intermediate value of one backpropagation step, for a presenter to print.
///
/// `delta[0]`, `gradW[0]`, … belong to layer 1, as in `ForwardTrace`.
public struct BackwardTrace: Equatable, Sendable {
    /// J(ŷ, y) before the update.
    public let loss: Double
    /// ∂J/∂ŷ (m×d⁽ᴸ⁾), including the 1/m of a mean loss.
    public let dLoss_dOutput: Matrix
    /// δ⁽ˡ⁾ = ∂J/∂z⁽ˡ⁾ (m×d⁽ˡ⁾).
    public let delta: [Matrix]
    /// ∂J/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ·δ⁽ˡ⁾ (d⁽ˡ⁻¹⁾×d⁽ˡ⁾).
    public let gradW: [Matrix]
    /// ∂J/∂b⁽ˡ⁾ (1×d⁽ˡ⁾): column sums of δ⁽ˡ⁾; with a shared bias every entry holds the sum over
    /// the samples and the neurons (the derivative with respect to the one shared number);
    /// zeros when the layer has no bias.
    public let gradB: [Matrix]
    /// W⁽ˡ⁾ − η·∂J/∂W⁽ˡ⁾.
    public let newW: [Matrix]
    /// b⁽ˡ⁾ − η·∂J/∂b⁽ˡ⁾ when the bias is trainable, else b⁽ˡ⁾ unchanged.
    public let newB: [Matrix]
    public let learningRate: Double
    /// True when δ⁽ᴸ⁾ was taken as (ŷ − y) (softmax + CCE or sigmoid + BCE) rather than ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾).
    public let simplifiedOutputDelta: Bool
}

extension Network {
    /// One step of backpropagation — Nielsen's four equations in the row-vector layout:
    ///
    ///     (BP1) δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾)              (softmax+CCE, sigmoid+BCE: ŷ − y)
    ///     (BP2) δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾·W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾)
    ///     (BP3) ∂J/∂b⁽ˡ⁾ = Σ over samples of δ⁽ˡ⁾
    ///     (BP4) ∂J/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ·δ⁽ˡ⁾
    ///
    /// `simplify: false` forces the general BP1 even where it simplifies (to show or check it).
    public func backward(_ trace: ForwardTrace, target: Matrix, loss: Loss, learningRate: Double,
                         simplify: Bool = true) throws -> BackwardTrace {
        let L = layers.count
        guard trace.a.count == L, trace.input.cols == inputSize else {
            throw ShapeError("the forward trace has \(trace.a.count) layers of input width \(trace.input.cols); the network has \(L) layers and takes \(inputSize)")
        }
        let yHat = trace.output, m = yHat.rows
        let J = try loss.value(predicted: yHat, target: target)
        let dJdy = try loss.gradient(predicted: yHat, target: target)
        let fL = layers[L - 1].activation
        let simplified = simplify && loss.simplifiesDelta(after: fL)
        var delta = [Matrix](repeating: Matrix(rows: 0, cols: 0), count: L)
        // BP1
        delta[L - 1] = simplified ? try yHat.subtracting(target).scaled(by: loss.batchScale(m))
                                  : fL.delta(upstream: dJdy, z: trace.z[L - 1], a: yHat)
        // BP2
        for l in stride(from: L - 2, through: 0, by: -1) {
            delta[l] = layers[l].activation.delta(upstream: try delta[l + 1].dot(layers[l + 1].weights.transposed),
                                                  z: trace.z[l], a: trace.a[l])
        }
        var gradW: [Matrix] = [], gradB: [Matrix] = [], newW: [Matrix] = [], newB: [Matrix] = []
        for l in 0..<L {
            let layer = layers[l]
            // BP3
            var gb = delta[l].columnSums
            switch layer.biasMode {
            case .none: gb = Matrix(rows: 1, cols: layer.outputs)
            case .shared: gb = Matrix(rows: 1, cols: layer.outputs, repeating: gb.sum)
            case .perNeuron: break
            }
            // BP4
            let gw = try trace.activation(l).transposed.dot(delta[l])
            gradW.append(gw)
            gradB.append(gb)
            newW.append(try layer.weights.subtracting(gw.scaled(by: learningRate)))
            newB.append(layer.biasTrainable && layer.biasMode != .none
                        ? try layer.bias.subtracting(gb.scaled(by: learningRate)) : layer.bias)
        }
        return BackwardTrace(loss: J, dLoss_dOutput: dJdy, delta: delta, gradW: gradW, gradB: gradB,
                             newW: newW, newB: newB, learningRate: learningRate, simplifiedOutputDelta: simplified)
    }

    /// Forward then backward for a batch: the usual one-call step.
    public func backward(input x: Matrix, target: Matrix, loss: Loss, learningRate: Double,
                         simplify: Bool = true) throws -> BackwardTrace {
        try backward(try forward(x), target: target, loss: loss, learningRate: learningRate, simplify: simplify)
    }
}
