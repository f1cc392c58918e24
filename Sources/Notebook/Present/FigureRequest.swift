import Neural

/// A figure a cell asks for, described as data; `FigureMaker` turns it into a Figures value.
public enum FigureRequest {
    /// Neurons and edges, weights written on the edges when `weights` is true; `recurrent` adds a
    /// loop over each hidden neuron; `digits`: the cell's (2 or fewer: every weight label has exactly
    /// that many decimals, as the cell's text prints them).
    case networkDiagram(Network, weights: Bool, recurrent: Bool = false, digits: Int? = nil)
    /// The network's output over the plane of the first two features, with the data on top.
    case decisionBoundary(Network, Dataset, title: String?)
    /// Line charts: one or more series over epochs (loss, accuracy).
    case lines(series: [Series], xLabel: String, yLabel: String, logY: Bool)
    /// A dataset's first two features, coloured by class.
    case scatter(Dataset, xLabel: String?, yLabel: String?)
    /// One-input regression: the data points and each network's curve.
    case fit(points: [(x: Double, y: Double)], curves: [Series], xLabel: String, yLabel: String)
    /// Counts of true class (rows) against predicted class (columns).
    case confusion(counts: [[Int]], classNames: [String])
    /// Digit images (8×8 or 28×28) in a grid with their labels.
    case images(Dataset, count: Int, titles: [String]?)
    /// Decision boundaries at several epochs side by side.
    case snapshots([(epoch: Int, network: Network)], Dataset)
    /// A single neuron's line w·x + b = 0 with the points of a two-input dataset.
    case perceptronBoundary(weights: [Double], bias: Double, Dataset, title: String?)
    /// Several figures of one cell side by side, under one number and caption.
    indirect case row([FigureRequest])
    /// Figures stacked one above the other, under one number and caption.
    indirect case column([FigureRequest])
    /// The computational graph of ŷ = w·x + b, L = (ŷ − y)², forward values and backward gradients.
    case computationGraph(GraphValues)

    public struct Series {
        public var name: String
        public var points: [(x: Double, y: Double)]
        public var dashed: Bool
        /// A marker at every point (few points, such as errors per epoch).
        public var markers: Bool
        /// The series the figure is about (a sum beside its parts): dark and thicker.
        public var emphasized: Bool
        /// Counts (errors per epoch): the y axis starts at 0, with a line there, so "never reaches 0"
        /// can be seen.
        public var counts: Bool
        public init(name: String, points: [(x: Double, y: Double)], dashed: Bool = false, markers: Bool = false,
                    emphasized: Bool = false, counts: Bool = false) {
            self.name = name
            self.points = points
            self.dashed = dashed
            self.markers = markers
            self.emphasized = emphasized
            self.counts = counts
        }
    }
}

/// Values of the linear-regression computational graph, forward and backward.
public struct GraphValues: Sendable {
    public var x, w, b, y: Double
    /// ŷ = w·x + b, e = ŷ − y, L = e².
    public var yHat, e, loss: Double
    /// ∂L/∂e = 2e, ∂L/∂ŷ = ∂L/∂e, ∂L/∂w = ∂L/∂ŷ·x, ∂L/∂b = ∂L/∂ŷ.
    public var dLde, dLdyHat, dLdw, dLdb: Double
}

extension FigureRequest {
    /// The caption of a figure whose cell gives none, so that every figure is numbered (Hình 4.1).
    public func defaultCaption(_ words: Words) -> String {
        switch self {
        case .networkDiagram: return words.networkWord
        case .decisionBoundary(_, _, let title), .perceptronBoundary(_, _, _, let title):
            return title.map { "\(words.decisionBoundary): \($0)" } ?? words.decisionBoundary
        case .lines(let series, _, let yLabel, _):
            // One series: its name; a few: the y axis's title and their names ("Loss: training and
            // validation"); many: the title alone.
            let names = series.map(\.name).filter { !$0.isEmpty }
            if series.count == 1, let name = names.first { return name }
            return names.count == series.count && (2...4).contains(names.count) ? "\(yLabel): \(words.list(names))" : yLabel
        case .scatter: return words.dataWord
        case .fit: return words.fitWord
        case .confusion: return words.confusionWord
        case .images: return words.imagesWord
        case .snapshots: return words.snapshotsWord
        case .row(let items), .column(let items):
            let captions = items.map { $0.defaultCaption(words) }
            return captions.first.map { first in captions.allSatisfy { $0 == first } ? first : captions.joined(separator: "; ") } ?? ""
        case .computationGraph: return words.graphWord
        }
    }
}
