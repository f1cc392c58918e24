/// A fully connected feed-forward network in the slides' notation: row vectors,
/// z⁽ˡ⁾ = a⁽ˡ⁻¹⁾·W⁽ˡ⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾), with W⁽ˡ⁾ ∈ ℝ^{d⁽ˡ⁻¹⁾×d⁽ˡ⁾} (in-out layout).
public struct Network: Equatable, Sendable {
    /// d⁽⁰⁾, d⁽¹⁾, …, d⁽ᴸ⁾: the input size, then each layer's number of neurons.
    public let sizes: [Int]
    /// Layers 1…L (`layers[0]` is layer 1).
    public var layers: [Layer]

    /// A network from its layers; throws when consecutive layers do not fit.
    public init(layers: [Layer]) throws {
        guard let first = layers.first else { throw ShapeError("a network needs at least one layer") }
        for l in 1..<max(layers.count, 1) where layers[l].inputs != layers[l - 1].outputs {
            throw ShapeError("layer \(l + 1) takes \(layers[l].inputs) inputs but layer \(l) has \(layers[l - 1].outputs) neurons (W⁽\(l + 1)⁾ is \(layers[l].weights.shapeText))")
        }
        self.sizes = [first.inputs] + layers.map(\.outputs)
        self.layers = layers
    }

    /// A network with explicit weights (in-out layout, W⁽ˡ⁾ is d⁽ˡ⁻¹⁾×d⁽ˡ⁾) and biases
    /// (each 1×d⁽ˡ⁾; for `.shared` a 1×1 matrix is also accepted; nil means zeros).
    /// `activations` has one entry per layer, or a single entry used for every layer.
    public init(sizes: [Int], activations: [Activation], biasMode: BiasMode = .perNeuron,
                biasTrainable: Bool = true, weights: [Matrix], biases: [Matrix]? = nil) throws {
        let acts = try Network.expand(activations, sizes: sizes)
        guard weights.count == sizes.count - 1 else {
            throw ShapeError("sizes \(sizes) need \(sizes.count - 1) weight matrices, got \(weights.count)")
        }
        if let biases, biases.count != weights.count {
            throw ShapeError("sizes \(sizes) need \(weights.count) bias rows, got \(biases.count)")
        }
        var layers: [Layer] = []
        for l in 0..<weights.count {
            let w = weights[l]
            guard w.rows == sizes[l], w.cols == sizes[l + 1] else {
                throw ShapeError("W⁽\(l + 1)⁾ is \(w.shapeText), expected \(sizes[l])×\(sizes[l + 1]) (inputs × outputs)")
            }
            var b = biases?[l]
            if biasMode == .shared, let one = b, one.count == 1 {
                b = Matrix(rows: 1, cols: sizes[l + 1], repeating: one.storage[0])
            }
            if let bb = b, bb.rows * bb.cols == sizes[l + 1], bb.rows != 1 {
                b = Matrix(row: bb.storage)
            }
            do {
                layers.append(try Layer(weights: w, bias: b, activation: acts[l], biasMode: biasMode, biasTrainable: biasTrainable))
            } catch let e as ShapeError {
                throw ShapeError("layer \(l + 1): \(e.message)")
            }
        }
        try self.init(layers: layers)
    }

    /// A network whose weights are drawn from `seed` with `initializer`; biases start at 0.
    public init(sizes: [Int], activations: [Activation], biasMode: BiasMode = .perNeuron,
                biasTrainable: Bool = true, initializer: Initializer = .xavier, seed: UInt64) throws {
        let acts = try Network.expand(activations, sizes: sizes)
        var rng = SeededRandom(seed: seed)
        var weights: [Matrix] = []
        for l in 0..<(sizes.count - 1) {
            weights.append(initializer.weights(inputs: sizes[l], outputs: sizes[l + 1], rng: &rng))
        }
        try self.init(sizes: sizes, activations: acts, biasMode: biasMode, biasTrainable: biasTrainable, weights: weights)
    }

    /// Convenience: one activation for every layer.
    public init(sizes: [Int], activation: Activation, biasMode: BiasMode = .perNeuron,
                biasTrainable: Bool = true, initializer: Initializer = .xavier, seed: UInt64) throws {
        try self.init(sizes: sizes, activations: [activation], biasMode: biasMode, biasTrainable: biasTrainable,
                      initializer: initializer, seed: seed)
    }

    static func expand(_ activations: [Activation], sizes: [Int]) throws -> [Activation] {
        guard sizes.count >= 2 else { throw ShapeError("a network needs at least two sizes (input and output), got \(sizes)") }
        guard sizes.allSatisfy({ $0 > 0 }) else { throw ShapeError("layer sizes must be positive, got \(sizes)") }
        let n = sizes.count - 1
        if activations.count == 1 { return Array(repeating: activations[0], count: n) }
        guard activations.count == n else {
            throw ShapeError("sizes \(sizes) have \(n) layers but \(activations.count) activations were given")
        }
        return activations
    }

    public var inputSize: Int { sizes[0] }
    public var outputSize: Int { sizes[sizes.count - 1] }
    public var weights: [Matrix] { layers.map(\.weights) }
    public var biases: [Matrix] { layers.map(\.bias) }
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.trainableParameterCount } }

    // MARK: forward

    /// The forward pass of a batch x (m×d⁽⁰⁾), keeping z⁽ˡ⁾ and a⁽ˡ⁾ of every layer.
    public func forward(_ x: Matrix) throws -> ForwardTrace {
        guard x.cols == inputSize else {
            throw ShapeError("input is \(x.shapeText) but the network takes \(inputSize) values per sample (expected m×\(inputSize))")
        }
        var zs: [Matrix] = [], as_: [Matrix] = []
        var a = x
        for layer in layers {
            var z = try a.dot(layer.weights)
            if layer.biasMode != .none { z = try z.addingRow(layer.bias) }
            a = layer.activation.apply(z)
            zs.append(z)
            as_.append(a)
        }
        return ForwardTrace(input: x, z: zs, a: as_)
    }

    /// ŷ for a batch x (m×d⁽⁰⁾).
    public func predict(_ x: Matrix) throws -> Matrix { try forward(x).output }

    /// The network with the updated weights and biases of a backward pass.
    public func applying(_ bt: BackwardTrace) -> Network {
        var copy = self
        for l in 0..<layers.count {
            copy.layers[l].weights = bt.newW[l]
            copy.layers[l].bias = bt.newB[l]
        }
        return copy
    }
}
