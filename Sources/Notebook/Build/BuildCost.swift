/// A rough guess, before running it, of how long a lesson takes to build, so a build can start the
/// slowest lessons first (longest processing time first: the workers then finish together instead of
/// one of them running a long lesson alone at the end). Only the order of the guesses matters.
///
/// The guess: a fixed part for parsing, typesetting and drawing pages, plus the arithmetic of the
/// training runs (epochs × samples × weights) and of the decision boundaries (grid points × weights).
enum BuildCost {
    /// Seconds per weight, sample and epoch of training (forward and backward), and per weight and grid
    /// point of a boundary: of the order measured on this machine; only their ratio to `base` matters.
    static let perTrainingStep = 6e-9
    static let perBoundaryPoint = 2e-9
    static let base = 0.4
    static let perCell = 0.02

    static func estimate(_ lesson: Lesson) -> Double {
        var params: [String: Int] = [:]       // network name → weights
        var rows: [String: Int] = [:]         // data set name → samples
        var runs: [String: Int] = [:]         // training run name → weights of its network
        var seconds = base + perCell * Double(lesson.cells.count)
        for cell in lesson.cells {
            let name = cell.options.name?.value
            switch cell.spec {
            case .network(let n):
                if let name { params[name] = weights(n.layers) }
            case .dataset(let d):
                if let name { rows[name] = samples(d) }
            case .train(let t):
                let w = params[t.network.value] ?? 100
                if let name { runs[name] = w }
                let n = rows[t.data.value] ?? 100
                seconds += perTrainingStep * Double(t.epochs) * Double(n) * Double(w)
                let boundaries = t.plot.filter { $0 == "boundary" }.count + (t.plot.contains("snapshots") ? t.snapshots.count : 0)
                seconds += perBoundaryPoint * 40_000 * Double(boundaries * w)
            case .plot(let p) where p.kind.value == "boundary" || p.kind.value == "snapshots":
                let w = p.of.first.flatMap { runs[$0.value] } ?? p.network.flatMap { params[$0.value] } ?? 100
                seconds += perBoundaryPoint * 40_000 * Double(w) * (p.kind.value == "snapshots" ? 4 : 1)
            default:
                break
            }
        }
        return seconds
    }

    static func weights(_ layers: [Int]) -> Int {
        zip(layers, layers.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
    }

    static func samples(_ d: DatasetSpec) -> Int {
        switch d.source {
        case .builtin(let b): return b == "digits" ? 1797 : 4
        case .generate(_, let n, _, _, _): return n
        case .csv: return 1000
        case .inline(_, let r, _): return r.count
        }
    }
}
