import Yams

/// The typed keys of each cell kind, decoded before anything runs, so a typo anywhere in a lesson is
/// reported at once with its line and column.
public enum CellSpec {
    case network(NetworkSpec)
    case dataset(DatasetSpec)
    case forward(ForwardSpec)
    case backward(BackwardSpec)
    case train(TrainSpec)
    case perceptron(PerceptronSpec)
    case gates(GatesSpec)
    case scale(ScaleSpec)
    case activation(ActivationSpec)
    case loss(LossSpec)
    case plot(PlotSpec)
    case table(TableSpec)
    case metrics(MetricsSpec)
    case gradcheck(GradCheckSpec)
    case graph(GraphSpec)

    static func decode(kind: CellKind, fields f: CellFields) throws -> CellSpec {
        switch kind {
        case .network: return .network(try NetworkSpec(f))
        case .dataset: return .dataset(try DatasetSpec(f))
        case .forward: return .forward(try ForwardSpec(f))
        case .backward: return .backward(try BackwardSpec(f))
        case .train: return .train(try TrainSpec(f))
        case .perceptron: return .perceptron(try PerceptronSpec(f))
        case .gates: return .gates(try GatesSpec(f))
        case .scale: return .scale(try ScaleSpec(f))
        case .activation: return .activation(try ActivationSpec(f))
        case .loss: return .loss(try LossSpec(f))
        case .plot: return .plot(try PlotSpec(f))
        case .table: return .table(try TableSpec(f))
        case .metrics: return .metrics(try MetricsSpec(f))
        case .gradcheck: return .gradcheck(try GradCheckSpec(f))
        case .graph: return .graph(try GraphSpec(f))
        }
    }
}

/// Numbers given in the cell (one vector or a batch of rows), or the name of an earlier result.
public enum InputSpec {
    case rows([[Double]], SourceLocation)
    case named(Located<String>)

    public var location: SourceLocation {
        switch self {
        case .rows(_, let l): return l
        case .named(let n): return n.location
        }
    }

    /// `input: [0.5, 1.0]`, `input: [[0, 0], [0, 1]]` or `input: xor`.
    static func decode(_ key: String, _ f: CellFields) throws -> InputSpec? {
        guard let n = f.node(key) else { return nil }
        let loc = f.location(of: n)
        if let s = n.scalar?.string, CellFields.parseNumber(s) == nil {
            return .named(Located(s, at: loc))
        }
        if let seq = n.sequence, seq.contains(where: { $0.sequence != nil }) {
            return .rows(try CellFields.rowList(n, f, what: "'\(key)'"), loc)
        }
        return .rows([try CellFields.doubleList(n, f, what: "'\(key)'")], loc)
    }
}

/// A cell of a literal table: a number or a word ("red").
public enum TableValue: Equatable, Sendable {
    case number(Double)
    case text(String)

    /// Rows of mixed values: [[6, 80000, red], [3, 20000, blue]].
    static func rows(_ key: String, _ f: CellFields) throws -> [[TableValue]]? {
        guard let n = f.node(key) else { return nil }
        guard let seq = n.sequence else { throw f.error("'\(key)' must be a list of rows, like [[6, red], [3, blue]]", node: n) }
        var out: [[TableValue]] = []
        for r in seq {
            guard let cells = r.sequence else { throw f.error("every row of '\(key)' must be a list, like [6, red]", node: r) }
            let row = try cells.map { c -> TableValue in
                guard let s = c.scalar?.string else { throw f.error("a table entry must be a number or a word", node: c) }
                if let v = CellFields.parseNumber(s), v.isFinite { return .number(v) }
                return .text(s)
            }
            if let first = out.first, first.count != row.count {
                throw f.error("this row has \(row.count) entries, the first row has \(first.count)", node: r)
            }
            out.append(row)
        }
        return out
    }
}

extension CellFields {
    /// The name of an earlier result (`network: ex232`).
    func reference(_ key: String) throws -> Located<String>? { try locatedString(key) }

    func requiredReference(_ key: String, _ what: String) throws -> Located<String> {
        guard let r = try reference(key) else { throw missing(key, "the name of \(what) defined above") }
        return r
    }

    /// `show:` with a default.
    func show(_ options: [String], default d: String) throws -> String {
        try choice("show", options) ?? d
    }

    /// A word or a list of words, each from a fixed set (`plot: [loss, boundary]`).
    func choices(_ key: String, _ options: [String]) throws -> [String]? {
        guard let items = try locatedStrings(key) else { return nil }
        for i in items where !options.contains(i.value) {
            throw error("'\(key)' cannot include '\(i.value)'" + Suggestion.hint(for: i.value, in: options), at: i.location)
        }
        return items.map(\.value)
    }
}
