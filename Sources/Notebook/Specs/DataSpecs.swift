/// `nn dataset`: a built-in set, a generated one, a CSV under Lessons/data, or inline rows.
public struct DatasetSpec {
    public enum Source {
        case builtin(String)
        case generate(String, n: Int, noise: Double, seed: UInt64, classes: Int)
        case csv(Located<String>, target: String?)
        case inline(columns: [String], rows: [[TableValue]], target: String?)
    }
    public enum Show: String, CaseIterable, Sendable { case table, scatter, images, none }
    public static let builtins = ["and", "or", "nand", "xor", "not", "digits"]
    public static let generators = ["circle", "xor", "gaussians", "spiral", "moons"]

    public var source: Source
    public var split: (test: Double, seed: UInt64)?
    public var show: Show
    /// Rows shown in a table or images shown (the data keeps them all).
    public var limit: Int?
    public var distance: [(Int, Int)]

    init(_ f: CellFields) throws {
        distance = try ScaleSpec.pairs(f)
        let given = ["builtin", "generate", "csv", "rows"].filter(f.has)
        guard given.count == 1 else {
            if given.isEmpty { throw f.missing("builtin", "one of 'builtin', 'generate', 'csv', or 'columns' with 'rows'") }
            throw f.error("give only one of \(given.map { "'\($0)'" }.joined(separator: ", "))", key: given[1])
        }
        if let b = try f.choice("builtin", Self.builtins) {
            source = .builtin(b)
        } else if let g = try f.choice("generate", Self.generators) {
            source = .generate(g, n: try f.int("n", in: 2...Limits.current.datasetRows) ?? 200, noise: try f.double("noise", in: 0...10) ?? 0.1,
                               seed: UInt64(try f.int("seed", in: 0...Int.max) ?? 0),
                               classes: try f.int("classes", in: 2...10) ?? 2)
        } else if let c = try f.locatedString("csv") {
            source = .csv(c, target: try f.string("target"))
        } else {
            guard let cols = try f.strings("columns") else { throw f.missing("columns", "the column names of 'rows'") }
            let rows = try TableValue.rows("rows", f) ?? []
            if let r = rows.first, r.count != cols.count {
                throw f.error("each row has \(r.count) entries but 'columns' names \(cols.count)", key: "rows")
            }
            let target = try f.string("target")
            if let t = target, !cols.contains(t) {
                throw f.error("'target' must be one of the columns" + Suggestion.hint(for: t, in: cols), key: "target")
            }
            source = .inline(columns: cols, rows: rows, target: target)
        }
        if let n = f.node("split") {
            guard let m = n.mapping else { throw f.error("'split' must be like {test: 0.25, seed: 42}", node: n) }
            var test = 0.25, seed: UInt64 = 0
            for (k, v) in m {
                switch k.scalar?.string {
                case "test":
                    test = try CellFields.doubleValue(v, f, what: "'test'")
                    guard test > 0, test < 1 else { throw f.error("'test' must be a fraction between 0 and 1", node: v) }
                case "seed": seed = UInt64(max(0, try CellFields.intValue(v, f, what: "'seed'")))
                default:
                    let word = k.scalar?.string ?? ""
                    throw f.error("unknown key '\(word)' in 'split'" + Suggestion.hint(for: word, in: ["test", "seed"]), node: k)
                }
            }
            split = (test, seed)
        }
        show = Show(rawValue: try f.show(Show.allCases.map(\.rawValue), default: "none"))!
        limit = try f.int("limit", in: 1...10_000)
    }
}

/// `nn scale`: min-max, z-score or one-hot worked on a table.
public struct ScaleSpec {
    public enum Method: String, CaseIterable, Sendable { case minMax = "min-max", zScore = "z-score", oneHot = "one-hot" }
    public var data: Located<String>?
    public var columns: [String]?
    public var rows: [[TableValue]]?
    public var method: Method
    /// Columns to scale (default: every numeric column; for one-hot, every text column).
    public var only: [Located<String>]?
    /// Pairs of rows (numbered from 1) whose Euclidean distance is worked out.
    public var distance: [(Int, Int)]

    init(_ f: CellFields) throws {
        distance = try Self.pairs(f)
        guard let m = try f.choice("method", Method.allCases.map(\.rawValue)) else {
            throw f.missing("method", "min-max, z-score or one-hot")
        }
        method = Method(rawValue: m)!
        data = try f.reference("data")
        columns = try f.strings("columns")
        rows = try TableValue.rows("rows", f)
        only = try f.locatedStrings("only")
        if data == nil {
            guard let c = columns, let r = rows else { throw f.missing("data", "a dataset's name, or 'columns' with 'rows'") }
            if let first = r.first, first.count != c.count {
                throw f.error("each row has \(first.count) entries but 'columns' names \(c.count)", key: "rows")
            }
        } else if rows != nil {
            throw f.error("give either 'data' or 'rows', not both", key: "rows")
        }
        if let only, let cols = columns {
            for o in only where !cols.contains(o.value) {
                throw f.error("no column '\(o.value)'" + Suggestion.hint(for: o.value, in: cols), at: o.location)
            }
        }
    }
}

extension ScaleSpec {
    /// `distance: [1, 2]` or `distance: [[1, 2], [1, 3]]`.
    static func pairs(_ f: CellFields) throws -> [(Int, Int)] {
        guard let n = f.node("distance") else { return [] }
        let bad = f.error("'distance' must be a pair of row numbers like [1, 2], or a list of pairs like [[1, 2], [1, 3]]", node: n)
        guard let seq = n.sequence else { throw bad }
        let items = seq.contains { $0.sequence != nil } ? Array(seq) : [n]
        return try items.map { item in
            guard let p = item.sequence, p.count == 2 else { throw bad }
            let a = try CellFields.intValue(p[0], f, what: "a row number"), b = try CellFields.intValue(p[1], f, what: "a row number")
            guard a >= 1, b >= 1 else { throw f.error("rows are numbered from 1", node: item) }
            return (a, b)
        }
    }
}

/// `nn table`: literal rows, or a named result shown as a table.
public struct TableSpec {
    public var columns: [String]?
    public var rows: [[TableValue]]?
    public var of: Located<String>?

    init(_ f: CellFields) throws {
        columns = try f.strings("columns")
        rows = try TableValue.rows("rows", f)
        of = try f.reference("of")
        if of == nil {
            guard let c = columns, let r = rows else { throw f.missing("rows", "'columns' and 'rows', or 'of:' a result") }
            if let first = r.first, first.count != c.count {
                throw f.error("each row has \(first.count) entries but 'columns' names \(c.count)", key: "rows")
            }
        }
    }
}

/// `nn metrics`: accuracy, confusion matrix, per-class report.
public struct MetricsSpec {
    public var network: Located<String>
    public var data: Located<String>
    public var split: String

    init(_ f: CellFields) throws {
        network = try f.requiredReference("network", "a network")
        data = try f.requiredReference("data", "a dataset")
        split = try f.choice("split", ["test", "train", "all"]) ?? "test"
    }
}
