/// The kinds of executable cell (the word after `nn` in the fence's info string) and the keys each accepts.
public enum CellKind: String, CaseIterable, Sendable {
    case network, dataset, forward, backward, train, perceptron, gates, scale, activation, loss, plot
    case table, metrics, gradcheck, graph

    /// Keys every cell accepts.
    public static let commonKeys = ["name", "echo", "caption", "hidden", "digits"]

    /// Keys of this kind besides the common ones.
    public var ownKeys: [String] {
        switch self {
        case .network:
            return ["layers", "activation", "bias", "update-bias", "weights-layout", "weights", "biases",
                    "init", "seed", "show", "batch"]
        case .dataset:
            return ["builtin", "generate", "n", "noise", "seed", "classes", "csv", "target", "columns", "rows",
                    "split", "show", "limit", "distance"]
        case .forward:
            return ["network", "input", "show", "round-each-step"]
        case .backward:
            return ["network", "input", "target", "loss", "learning-rate", "show", "apply", "round-each-step"]
        case .train:
            return ["network", "data", "loss", "optimizer", "momentum", "beta1", "beta2", "learning-rate",
                    "epochs", "batch", "seed", "l1", "l2", "dropout", "validation", "early-stopping",
                    "snapshots", "log-every", "plot", "apply"]
        case .perceptron:
            return ["data", "learning-rate", "epochs", "weights", "bias", "show", "plot"]
        case .gates:
            return ["gates", "show"]
        case .scale:
            return ["data", "method", "columns", "rows", "only", "distance"]
        case .activation:
            return ["functions", "range", "show", "derivative", "at"]
        case .loss:
            return ["loss", "predicted", "target"]
        case .plot:
            return ["kind", "of", "data", "network", "functions", "range", "title", "x-label", "y-label",
                    "resolution", "weights", "biases", "terms", "points", "show", "labels", "count"]
        case .table:
            return ["columns", "rows", "of"]
        case .metrics:
            return ["network", "data", "split"]
        case .gradcheck:
            return ["network", "input", "target", "loss", "epsilon"]
        case .graph:
            return ["x", "w", "b", "y", "learning-rate"]
        }
    }

    public var allowedKeys: [String] { Self.commonKeys + ownKeys }
}
