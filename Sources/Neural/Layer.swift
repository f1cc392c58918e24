/// How a layer adds its bias b to z = a·W + b.
public enum BiasMode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// No bias: z = a·W.
    case none
    /// One bias per neuron: b ∈ ℝ^{1×out}.
    case perNeuron = "per-neuron"
    /// One bias shared by every neuron of the layer (the classic 2-2-2 worked example);
    /// its gradient is the sum of the layer's δ over its neurons.
    case shared

    /// Parses "none", "per-neuron" (or "perNeuron", "neuron"), "shared".
    public static func named(_ s: String) -> BiasMode? {
        switch s.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "none", "no", "false": return BiasMode.none
        case "per-neuron", "perneuron", "neuron", "true": return .perNeuron
        case "shared", "per-layer": return .shared
        default: return nil
        }
    }
}

/// One layer l of a network: z⁽ˡ⁾ = a⁽ˡ⁻¹⁾·W⁽ˡ⁾ + b⁽ˡ⁾, a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾).
public struct Layer: Equatable, Sendable {
    /// W⁽ˡ⁾ ∈ ℝ^{in×out}: row i holds the weights leaving input neuron i (the slides' in-out layout).
    public var weights: Matrix
    /// b⁽ˡ⁾ as a 1×out row. With `.shared` every entry holds the same number; with `.none`, zeros.
    public var bias: Matrix
    public var activation: Activation
    public var biasMode: BiasMode
    /// False: the bias is used but never updated (as in the classic 2-2-2 example).
    public var biasTrainable: Bool

    public var inputs: Int { weights.rows }
    public var outputs: Int { weights.cols }

    public init(weights: Matrix, bias: Matrix? = nil, activation: Activation,
                biasMode: BiasMode = .perNeuron, biasTrainable: Bool = true) throws {
        let b = bias ?? Matrix(rows: 1, cols: weights.cols)
        guard b.rows == 1, b.cols == weights.cols else {
            throw ShapeError("bias \(b.shapeText) does not fit weights \(weights.shapeText): expected 1×\(weights.cols)")
        }
        if biasMode == .none, !b.storage.allSatisfy({ $0 == 0 }) {
            throw ShapeError("bias mode none takes no bias values, got \(b.shapeText) with non-zero entries")
        }
        if biasMode == .shared, let first = b.storage.first, !b.storage.allSatisfy({ $0 == first }) {
            throw ShapeError("a shared bias is one number per layer; got different values \(b.storage)")
        }
        self.weights = weights
        self.bias = b
        self.activation = activation
        self.biasMode = biasMode
        self.biasTrainable = biasTrainable
    }

    /// The single number of a shared bias (nil unless `biasMode == .shared`).
    public var sharedBias: Double? { biasMode == .shared ? bias.storage.first ?? 0 : nil }

    /// The number of parameters training may change.
    public var trainableParameterCount: Int {
        weights.count + (biasTrainable ? (biasMode == .perNeuron ? outputs : biasMode == .shared ? 1 : 0) : 0)
    }
}
