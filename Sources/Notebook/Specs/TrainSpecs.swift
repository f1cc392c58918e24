/// `nn train`: gradient descent on a dataset.
public struct TrainSpec {
    public enum Batch: Equatable, Sendable { case full, size(Int) }
    public var network: Located<String>
    public var data: Located<String>
    public var loss: Located<String>?
    public var optimizer: String
    public var momentum: Double
    public var beta1: Double
    public var beta2: Double
    public var learningRate: Double
    public var epochs: Int
    public var batch: Batch
    public var seed: UInt64
    public var l1: Double
    public var l2: Double
    public var dropout: Double
    public var validation: Double?
    public var patience: Int?
    public var snapshots: [Int]
    public var logEvery: Int?
    public var plot: [String]
    public var apply: Bool

    init(_ f: CellFields) throws {
        network = try f.requiredReference("network", "a network")
        data = try f.requiredReference("data", "a dataset")
        if f.has("loss") { _ = try f.choice("loss", lossNames) }
        loss = try f.locatedString("loss")
        optimizer = try f.choice("optimizer", ["sgd", "momentum", "adam"]) ?? "sgd"
        momentum = try f.double("momentum", in: 0...0.9999) ?? 0.9
        beta1 = try f.double("beta1", in: 0...0.9999) ?? 0.9
        beta2 = try f.double("beta2", in: 0...0.999999) ?? 0.999
        learningRate = try f.positiveDouble("learning-rate") ?? 0.1
        guard let e = try f.int("epochs", in: 1...Limits.current.epochs) else { throw f.missing("epochs", "how many passes over the data") }
        epochs = e
        if let b = f.node("batch") {
            if b.scalar?.string == "full" { batch = .full } else {
                let n = try CellFields.intValue(b, f, what: "'batch' (1, a size, or full)")
                guard n >= 1 else { throw f.error("'batch' must be 1 or more, or full", node: b) }
                batch = .size(n)
            }
        } else {
            batch = .size(1)
        }
        seed = UInt64(try f.int("seed", in: 0...Int.max) ?? 0)
        l1 = try f.double("l1", in: 0...10) ?? 0
        l2 = try f.double("l2", in: 0...10) ?? 0
        dropout = try f.double("dropout", in: 0...0.95) ?? 0
        validation = try f.double("validation", in: 0.01...0.9)
        if let n = f.node("early-stopping") {
            guard let m = n.mapping, let p = m["patience"] else {
                throw f.error("'early-stopping' must be like {patience: 20}", node: n)
            }
            patience = try CellFields.intValue(p, f, what: "'patience'")
        }
        snapshots = try f.ints("snapshots") ?? []
        for s in snapshots where s < 0 || s > epochs {
            throw f.error("a snapshot epoch must be between 0 and 'epochs' (\(epochs)), found \(s)", key: "snapshots")
        }
        logEvery = try f.int("log-every", in: 1...1_000_000)
        plot = try f.choices("plot", ["loss", "accuracy", "boundary", "snapshots"]) ?? ["loss"]
        apply = try f.bool("apply") ?? true
    }
}

/// `nn perceptron`: the delta rule run on a small dataset, traced step by step.
public struct PerceptronSpec {
    public var data: Located<String>
    public var learningRate: Double
    public var epochs: Int
    public var weights: [Double]?
    public var bias: Double
    public var show: String
    public var plot: [String]

    init(_ f: CellFields) throws {
        data = try f.requiredReference("data", "a dataset (or and, or, nand, xor)")
        learningRate = try f.positiveDouble("learning-rate") ?? 0.1
        epochs = try f.int("epochs", in: 1...Limits.current.perceptronEpochs) ?? 10
        weights = try f.doubles("weights")
        bias = try f.double("bias") ?? 0
        show = try f.show(["trace", "summary"], default: "trace")
        plot = try f.choices("plot", ["errors", "boundary"]) ?? []
    }
}

/// `nn gates`: logic gates as perceptrons, XOR stacked.
public struct GatesSpec {
    public static let all = ["NOT", "AND", "OR", "NAND", "XOR"]
    public var gates: [String]
    public var show: String

    init(_ f: CellFields) throws {
        gates = try (f.locatedStrings("gates") ?? []).map { g in
            let up = g.value.uppercased()
            guard Self.all.contains(up) else {
                throw f.error("unknown gate '\(g.value)'" + Suggestion.hint(for: up, in: Self.all), at: g.location)
            }
            return up
        }
        if gates.isEmpty { gates = Self.all }
        show = try f.show(["table", "diagram", "boundary"], default: "table")
    }
}

/// `nn activation`: formulas, derivatives, value tables and plots.
public struct ActivationSpec {
    public var functions: [Located<String>]
    public var range: (Double, Double)
    public var show: String
    public var derivative: Bool
    public var at: [Double]

    init(_ f: CellFields) throws {
        guard let fs = try f.locatedStrings("functions") else { throw f.missing("functions", "like [sigmoid, tanh, relu]") }
        functions = fs
        let r = try f.doubles("range") ?? [-5, 5]
        guard r.count == 2, r[0] < r[1] else { throw f.error("'range' must be two numbers, low then high, like [-5, 5]", key: "range") }
        range = (r[0], r[1])
        show = try f.show(["table", "plot", "grid", "both"], default: "both")
        derivative = try f.bool("derivative") ?? true
        at = try f.doubles("at") ?? [-2, -1, 0, 1, 2]
    }
}

/// `nn plot`: one figure of a named result, or of functions.
public struct PlotSpec {
    public static let kinds = ["boundary", "loss", "function", "scatter", "network", "confusion", "images",
                               "graph", "snapshots", "relu-sum", "fit"]
    public var kind: Located<String>
    /// One result, or several (`of: [run1, run2]`) for loss curves and fits.
    public var of: [Located<String>]
    public var labels: [String]?
    public var data: Located<String>?
    public var network: Located<String>?
    public var functions: [Located<String>]
    public var range: (Double, Double)
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var resolution: Int
    public var weights: [Double]?
    public var biases: [Double]?
    public var terms: [Double]?
    public var points: [[Double]]?
    public var show: String?
    public var count: Int

    init(_ f: CellFields) throws {
        count = try f.int("count", in: 1...400) ?? 24
        guard try f.choice("kind", Self.kinds) != nil, let k = try f.locatedString("kind") else {
            throw f.missing("kind", Self.kinds.joined(separator: ", "))
        }
        kind = k
        of = try f.locatedStrings("of") ?? []
        labels = try f.strings("labels")
        data = try f.reference("data")
        network = try f.reference("network")
        functions = try f.locatedStrings("functions") ?? []
        let r = try f.doubles("range") ?? [-5, 5]
        guard r.count == 2, r[0] < r[1] else { throw f.error("'range' must be two numbers, low then high, like [-5, 5]", key: "range") }
        range = (r[0], r[1])
        title = try f.string("title")
        xLabel = try f.string("x-label")
        yLabel = try f.string("y-label")
        resolution = try f.int("resolution", in: 10...Limits.current.gridResolution) ?? 200
        weights = try f.doubles("weights")
        biases = try f.doubles("biases")
        terms = try f.doubles("terms")
        points = try f.rows("points")
        show = try f.string("show")
    }
}
