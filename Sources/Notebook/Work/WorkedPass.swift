import Neural

/// The numbers of a forward pass as the handout shows and carries them: Neural's full-precision trace,
/// or (`round-each-step: true`) the same arithmetic with every intermediate rounded as a student
/// working by hand would.
struct WorkedForward {
    let network: Network
    let input: Matrix
    /// z[l-1] and a[l-1] belong to layer l.
    let z: [Matrix]
    let a: [Matrix]
    let roundEachStep: Bool
    let format: NumberFormat

    init(network: Network, input: Matrix, format: NumberFormat, roundEachStep: Bool) throws {
        self.network = network
        self.input = input
        self.format = format
        self.roundEachStep = roundEachStep
        guard roundEachStep else {
            let t = try network.forward(input)
            z = t.z
            a = t.a
            try Self.check(z: z, a: a)
            return
        }
        var zs: [Matrix] = [], as_: [Matrix] = []
        var prev = input
        for layer in network.layers {
            var zl = try prev.dot(layer.weights)
            if layer.biasMode != .none { zl = try zl.addingRow(layer.bias) }
            zl = zl.map(format.rounded)
            let al = layer.activation.apply(zl).map(format.rounded)
            zs.append(zl)
            as_.append(al)
            prev = al
        }
        z = zs
        a = as_
        try Self.check(z: z, a: a)
    }

    /// a^{(l)} with the input as layer 0.
    func activation(_ l: Int) -> Matrix { l == 0 ? input : a[l - 1] }
    var output: Matrix { a.last ?? input }

    static func check(z: [Matrix], a: [Matrix]) throws {
        for l in z.indices {
            for (k, v) in z[l].storage.enumerated() where !v.isFinite {
                throw NonFiniteValue(step: "z(\(l + 1)) of neuron \(k % z[l].cols + 1) (sample \(k / z[l].cols + 1))", value: v)
            }
            for (k, v) in a[l].storage.enumerated() where !v.isFinite {
                throw NonFiniteValue(step: "a(\(l + 1)) of neuron \(k % a[l].cols + 1) (sample \(k / a[l].cols + 1))", value: v)
            }
        }
    }
}

/// The numbers of one backpropagation step, full precision (Neural's BackwardTrace) or rounded at
/// every step with Neural's own primitives (loss gradient, activation derivative, products).
struct WorkedBackward {
    let forward: WorkedForward
    let target: Matrix
    let loss: Loss
    let learningRate: Double
    let lossValue: Double
    let dLoss_dOutput: Matrix
    /// δ^{(l)} for l = 1…L (index l-1).
    let delta: [Matrix]
    /// δ^{(l+1)}·W^{(l+1)ᵀ} for hidden layers (index l-1; the output layer's entry is ∂J/∂ŷ).
    let upstream: [Matrix]
    /// f'(z^{(l)}) element-wise (index l-1).
    let derivative: [Matrix]
    let gradW: [Matrix]
    let gradB: [Matrix]
    let newW: [Matrix]
    let newB: [Matrix]
    let simplifiedOutputDelta: Bool

    init(forward fw: WorkedForward, target: Matrix, loss: Loss, learningRate: Double) throws {
        forward = fw
        self.target = target
        self.loss = loss
        self.learningRate = learningRate
        let net = fw.network
        let L = net.layers.count
        let format = fw.format, rounding = fw.roundEachStep
        let r: (Double) -> Double = { rounding ? format.rounded($0) : $0 }
        let yHat = fw.output
        guard target.rows == yHat.rows, target.cols == yHat.cols else {
            throw ShapeError("the target is \(target.shapeText) but the network's output ŷ is \(yHat.shapeText)")
        }
        lossValue = r(try loss.value(predicted: yHat, target: target))
        dLoss_dOutput = try loss.gradient(predicted: yHat, target: target).map(r)
        let fL = net.layers[L - 1].activation
        simplifiedOutputDelta = loss.simplifiesDelta(after: fL)

        var delta = [Matrix](repeating: Matrix(rows: 0, cols: 0), count: L)
        var upstream = delta, derivative = delta
        upstream[L - 1] = dLoss_dOutput
        derivative[L - 1] = fL.derivative(fw.z[L - 1], a: yHat).map(r)
        if simplifiedOutputDelta {
            delta[L - 1] = try yHat.subtracting(target).scaled(by: loss.batchScale(yHat.rows)).map(r)
        } else if fL.isVectorValued {
            delta[L - 1] = fL.delta(upstream: dLoss_dOutput, z: fw.z[L - 1], a: yHat).map(r)
        } else {
            delta[L - 1] = try dLoss_dOutput.hadamard(derivative[L - 1]).map(r)
        }
        for l in stride(from: L - 2, through: 0, by: -1) {
            let f = net.layers[l].activation
            upstream[l] = try delta[l + 1].dot(net.layers[l + 1].weights.transposed).map(r)
            derivative[l] = f.derivative(fw.z[l], a: fw.a[l]).map(r)
            delta[l] = f.isVectorValued ? f.delta(upstream: upstream[l], z: fw.z[l], a: fw.a[l]).map(r)
                                        : try upstream[l].hadamard(derivative[l]).map(r)
        }
        var gradW: [Matrix] = [], gradB: [Matrix] = [], newW: [Matrix] = [], newB: [Matrix] = []
        for l in 0..<L {
            let layer = net.layers[l]
            var gb = delta[l].columnSums
            switch layer.biasMode {
            case .none: gb = Matrix(rows: 1, cols: layer.outputs)
            case .shared: gb = Matrix(rows: 1, cols: layer.outputs, repeating: gb.sum)
            case .perNeuron: break
            }
            gb = gb.map(r)
            let gw = try fw.activation(l).transposed.dot(delta[l]).map(r)
            gradW.append(gw)
            gradB.append(gb)
            newW.append(try layer.weights.subtracting(gw.scaled(by: learningRate)).map(r))
            newB.append(layer.biasTrainable && layer.biasMode != .none
                        ? try layer.bias.subtracting(gb.scaled(by: learningRate)).map(r) : layer.bias)
        }
        self.delta = delta
        self.upstream = upstream
        self.derivative = derivative
        self.gradW = gradW
        self.gradB = gradB
        self.newW = newW
        self.newB = newB
        try checkFinite([lossValue], "the loss J")
        for l in 0..<L {
            try checkFinite(delta[l].storage, "δ(\(l + 1))")
            try checkFinite(gradW[l].storage, "∂J/∂W(\(l + 1))")
            try checkFinite(newW[l].storage, "the updated W(\(l + 1))")
            try checkFinite(newB[l].storage, "the updated b(\(l + 1))")
        }
    }

    /// The network with the updated weights and biases.
    var updatedNetwork: Network {
        var n = forward.network
        for l in 0..<n.layers.count {
            n.layers[l].weights = newW[l]
            n.layers[l].bias = newB[l]
        }
        return n
    }
}
