/// Loss names of the lesson format.
public let lossNames = ["half-sse", "sse", "mse", "bce", "cce"]

/// `nn forward`: one forward pass worked out.
public struct ForwardSpec {
    public enum Show: String, CaseIterable, Sendable { case perNeuron = "per-neuron", matrix, both }
    public var network: Located<String>
    public var input: InputSpec
    public var show: Show
    public var roundEachStep: Bool

    init(_ f: CellFields) throws {
        network = try f.requiredReference("network", "a network")
        guard let i = try InputSpec.decode("input", f) else { throw f.missing("input", "a vector like [0.5, 1.0], a batch of rows, or a dataset's name") }
        input = i
        show = Show(rawValue: try f.show(Show.allCases.map(\.rawValue), default: "per-neuron"))!
        roundEachStep = try f.bool("round-each-step") ?? false
    }
}

/// `nn backward`: one backpropagation step worked out (forward pass, loss, δ, gradients, updates).
public struct BackwardSpec {
    public enum Show: String, CaseIterable, Sendable { case perWeight = "per-weight", matrix, both }
    public var network: Located<String>
    public var input: InputSpec
    public var target: InputSpec
    public var loss: Located<String>
    public var learningRate: Double
    public var show: Show
    public var apply: Bool
    public var roundEachStep: Bool

    init(_ f: CellFields) throws {
        network = try f.requiredReference("network", "a network")
        guard let i = try InputSpec.decode("input", f) else { throw f.missing("input", "a vector like [0.5, 1.0] or a batch") }
        guard let t = try InputSpec.decode("target", f) else { throw f.missing("target", "the wanted output, like [1, 0]") }
        input = i
        target = t
        _ = try f.choice("loss", lossNames)
        loss = Located(try f.string("loss") ?? "half-sse", at: f.location(of: "loss"))
        guard let lr = try f.positiveDouble("learning-rate") else { throw f.missing("learning-rate", "η, like 0.5") }
        learningRate = lr
        show = Show(rawValue: try f.show(Show.allCases.map(\.rawValue), default: "per-weight"))!
        apply = try f.bool("apply") ?? false
        roundEachStep = try f.bool("round-each-step") ?? false
    }
}

/// `nn gradcheck`: backprop against finite differences.
public struct GradCheckSpec {
    public var network: Located<String>
    public var input: InputSpec
    public var target: InputSpec
    public var loss: Located<String>
    public var epsilon: Double

    init(_ f: CellFields) throws {
        network = try f.requiredReference("network", "a network")
        guard let i = try InputSpec.decode("input", f) else { throw f.missing("input", "a vector or a batch") }
        guard let t = try InputSpec.decode("target", f) else { throw f.missing("target", "the wanted output") }
        input = i
        target = t
        _ = try f.choice("loss", lossNames)
        loss = Located(try f.string("loss") ?? "half-sse", at: f.location(of: "loss"))
        epsilon = try f.double("epsilon", in: 1e-12...1e-1) ?? 1e-3
    }
}

/// `nn loss`: a loss worked term by term, and its gradient.
public struct LossSpec {
    public var loss: String
    public var predicted: [[Double]]
    public var target: [[Double]]

    init(_ f: CellFields) throws {
        loss = try f.choice("loss", lossNames) ?? "half-sse"
        guard let p = try InputSpec.decode("predicted", f), case .rows(let pr, _) = p else {
            throw f.missing("predicted", "the network's output ŷ, like [0.8, 0.3]")
        }
        guard let t = try InputSpec.decode("target", f), case .rows(let tr, _) = t else {
            throw f.missing("target", "the wanted output y, like [1, 0]")
        }
        guard pr.count == tr.count, pr.first?.count == tr.first?.count else {
            throw f.error("'predicted' is \(pr.count)×\(pr.first?.count ?? 0) but 'target' is \(tr.count)×\(tr.first?.count ?? 0); they must match", key: "target")
        }
        predicted = pr
        target = tr
    }
}

/// `nn graph`: the computational graph of linear regression ŷ = w·x + b, L = (ŷ − y)².
public struct GraphSpec {
    public var x: Double, w: Double, b: Double, y: Double
    public var learningRate: Double?

    init(_ f: CellFields) throws {
        func req(_ k: String, _ what: String) throws -> Double {
            guard let v = try f.double(k) else { throw f.missing(k, what) }
            return v
        }
        x = try req("x", "the input, a number")
        w = try req("w", "the weight, a number")
        b = try req("b", "the bias, a number")
        y = try req("y", "the target, a number")
        learningRate = try f.positiveDouble("learning-rate")
    }
}
