/// `nn network`: sizes, activations, bias mode, and explicit weights or an initializer.
public struct NetworkSpec {
    public enum Bias: String, CaseIterable, Sendable { case none, perNeuron = "per-neuron", shared }
    public enum Layout: String, CaseIterable, Sendable { case inOut = "in-out", outIn = "out-in" }
    public enum Initializer: String, CaseIterable, Sendable { case xavier, he, uniform, normal }
    public enum Show: String, CaseIterable, Sendable { case diagram, shapes, weights, none }

    public var layers: [Int]
    /// One activation name per layer after the input, each with its place in the file.
    public var activations: [Located<String>]
    public var bias: Bias
    public var updateBias: Bool
    /// Weights in the in-out layout (a row per input neuron), whatever layout the lesson used.
    public var weights: [[[Double]]]?
    /// Per-neuron: one row per layer; shared: one number per layer (repeated over the layer's neurons).
    public var biases: [[Double]]?
    public var initializer: Initializer?
    public var seed: UInt64
    public var show: Show
    public var batch: Int?
    public var layersLocation: SourceLocation

    init(_ f: CellFields) throws {
        guard let layers = try f.ints("layers") else { throw f.missing("layers", "the sizes, like [2, 3, 2]") }
        layersLocation = f.location(of: "layers")
        guard layers.count >= 2 else { throw f.error("'layers' needs at least an input and an output size, like [2, 1]", key: "layers") }
        if let problem = Limits.current.layersProblem(layers) { throw f.error(problem, key: "layers") }
        self.layers = layers
        let count = layers.count - 1

        let acts = try f.locatedStrings("activation") ?? [Located("sigmoid", at: f.location)]
        if acts.count == 1 {
            activations = Array(repeating: acts[0], count: count)
        } else if acts.count == count {
            activations = acts
        } else {
            throw f.error("'activation' needs one name, or one per layer after the input (\(count)), found \(acts.count)", key: "activation")
        }

        let layout = Layout(rawValue: try f.choice("weights-layout", Layout.allCases.map(\.rawValue)) ?? "in-out")!
        initializer = try f.choice("init", Initializer.allCases.map(\.rawValue)).flatMap(Initializer.init)
        seed = UInt64(try f.int("seed", in: 0...Int.max) ?? 0)
        updateBias = try f.bool("update-bias") ?? true
        show = Show(rawValue: try f.show(Show.allCases.map(\.rawValue), default: "diagram"))!
        batch = try f.int("batch", in: 1...100_000)

        if let node = f.node("weights") {
            guard initializer == nil else { throw f.error("give either 'weights' or 'init', not both", key: "init") }
            guard let seq = node.sequence else {
                throw f.error("'weights' must be a list with one matrix per layer, like - [[0.1, 0.3], [0.2, 0.4]]", node: node)
            }
            guard seq.count == count else {
                throw f.error("'weights' needs one matrix per layer after the input (\(count)), found \(seq.count)", node: node)
            }
            var ws: [[[Double]]] = []
            for (l, m) in seq.enumerated() {
                let rows = try CellFields.rowList(m, f, what: "the weights of layer \(l + 1)")
                let (din, dout) = (layers[l], layers[l + 1])
                let expected = layout == .inOut ? (din, dout) : (dout, din)
                let found = (rows.count, rows.first?.count ?? 0)
                guard found == expected else {
                    let meaning = layout == .inOut ? "a row per input neuron (\(din)), a column per neuron of the layer (\(dout))"
                                                   : "a row per neuron of the layer (\(dout)), a column per input (\(din))"
                    throw f.error("the weights of layer \(l + 1) must be \(expected.0)×\(expected.1) in the \(layout.rawValue) layout (\(meaning)), found \(found.0)×\(found.1)", node: m)
                }
                ws.append(layout == .inOut ? rows : Self.transpose(rows))
            }
            weights = ws
        } else if initializer == nil {
            throw f.missing("weights", "one matrix per layer, or 'init: xavier' with a 'seed'")
        }

        let biasWord = try f.choice("bias", Bias.allCases.map(\.rawValue))
        bias = Bias(rawValue: biasWord ?? (f.has("biases") || initializer != nil ? "per-neuron" : "none"))!
        if let node = f.node("biases") {
            guard let seq = node.sequence, seq.count == count else {
                throw f.error("'biases' needs one entry per layer after the input (\(count))", node: node)
            }
            var bs: [[Double]] = []
            for (l, b) in seq.enumerated() {
                switch bias {
                case .none:
                    throw f.error("'biases' given but 'bias: none'; use 'bias: per-neuron' or 'bias: shared'", key: "bias")
                case .shared:
                    guard b.scalar != nil else { throw f.error("with 'bias: shared' each layer's bias is one number", node: b) }
                    let v = try CellFields.doubleValue(b, f, what: "the bias of layer \(l + 1)")
                    bs.append(Array(repeating: v, count: layers[l + 1]))
                case .perNeuron:
                    let row = try CellFields.doubleList(b, f, what: "the biases of layer \(l + 1)")
                    guard row.count == layers[l + 1] else {
                        throw f.error("the biases of layer \(l + 1) must be 1×\(layers[l + 1]) (one per neuron), found 1×\(row.count)", node: b)
                    }
                    bs.append(row)
                }
            }
            biases = bs
        }
    }

    static func transpose(_ rows: [[Double]]) -> [[Double]] {
        guard let c = rows.first?.count else { return rows }
        return (0..<c).map { j in rows.map { $0[j] } }
    }
}
