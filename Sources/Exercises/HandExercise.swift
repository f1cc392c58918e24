// The problem a student works by hand: a small network, one sample, one step of backprop.

/// How biases enter the network: none, one per neuron, or one number shared by a whole layer
/// (Matt Mazur's worked example uses shared biases).
public enum HandBias: String, Sendable, Equatable, CaseIterable {
    case none
    case perNeuron = "per-neuron"
    case shared
}

/// How a weight matrix is written in the file.
/// `inOut`: a row per neuron of the layer before (the slides: z = a·W + b, W ∈ ℝ^{d⁽ˡ⁻¹⁾×d⁽ˡ⁾}).
/// `outIn`: a row per neuron of the layer itself (Nielsen: z = W·a + b).
public enum WeightsLayout: String, Sendable, Equatable, CaseIterable {
    case inOut = "in-out"
    case outIn = "out-in"
}

/// A network with one sample and one gradient-descent step: what `nnbook verify` checks and what
/// `nnbook exercise` generates. Weights are held in the in-out layout whatever the file used.
public struct HandExercise: Sendable, Equatable {
    /// Neurons per layer, input first: [2, 3, 2].
    public var sizes: [Int]
    /// Activation names, one per layer after the input ("sigmoid", "tanh", …).
    public var activations: [String]
    public var bias: HandBias
    public var updateBias: Bool
    /// The layout the file uses (answers for grad-W and new-W are read and shown in it).
    public var layout: WeightsLayout
    /// weights[l] is layer l+1's matrix in the in-out layout: weights[l][i][j] joins neuron i of
    /// layer l to neuron j of layer l+1.
    public var weights: [[[Double]]]
    /// biases[l][j] for layer l+1; a shared bias repeats its one number; empty rows for `.none`.
    public var biases: [[Double]]
    public var input: [Double]
    public var target: [Double]
    /// "half-sse", "sse", "mse", "bce" or "cce".
    public var loss: String
    public var learningRate: Double
    /// Decimals the student kept at every step; nil for full precision.
    public var rounding: Int?
    /// An optional name of the variant (set by `nnbook exercise`).
    public var variant: String?

    public init(sizes: [Int], activations: [String], bias: HandBias, updateBias: Bool,
                layout: WeightsLayout = .inOut, weights: [[[Double]]], biases: [[Double]],
                input: [Double], target: [Double], loss: String, learningRate: Double,
                rounding: Int? = nil, variant: String? = nil) {
        self.sizes = sizes
        self.activations = activations
        self.bias = bias
        self.updateBias = updateBias
        self.layout = layout
        self.weights = weights
        self.biases = biases
        self.input = input
        self.target = target
        self.loss = loss
        self.learningRate = learningRate
        self.rounding = rounding
        self.variant = variant
    }

    /// Number of layers after the input.
    public var layerCount: Int { sizes.count - 1 }

    /// "2-3-2"
    public var shapeName: String { sizes.map(String.init).joined(separator: "-") }
}
