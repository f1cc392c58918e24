import Neural

/// What a cell leaves in the notebook's state under its name.
enum CellResult {
    case network(Network)
    case dataset(DatasetResult)
    case forward(WorkedForward)
    case backward(WorkedBackward)
    case training(TrainingOutcome)
    case perceptron(DeltaRuleTrace)
    case scaled(ScaleOutcome)
    case loss(LossOutcome)
    case metrics(MetricsOutcome)
    case gradcheck(GradCheckOutcome)
    case graph(GraphValues)
    case table(ShownTable)
    /// Cells that only show something (gates, activation, plot).
    case shown(kind: CellKind)

    var kindName: String {
        switch self {
        case .network: return "network"
        case .dataset: return "dataset"
        case .forward: return "forward"
        case .backward: return "backward"
        case .training: return "train"
        case .perceptron: return "perceptron"
        case .scaled: return "scale"
        case .loss: return "loss"
        case .metrics: return "metrics"
        case .gradcheck: return "gradcheck"
        case .graph: return "graph"
        case .table: return "table"
        case .shown(let k): return k.rawValue
        }
    }
}

/// A dataset with its train/test split (when the cell asked for one), and the literal table it
/// came from when it was written inline (words included, for one-hot encoding).
struct DatasetResult {
    var all: Dataset
    var train: Dataset
    var test: Dataset?
    var table: (columns: [String], rows: [[TableValue]])? = nil
    var distances: [Double] = []
}
