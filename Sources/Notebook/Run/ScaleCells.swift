import Foundation
import Neural

/// The statistics a `scale` cell learned and the scaled values.
struct ScaleOutcome {
    var method: ScaleSpec.Method
    /// The scaled (or one-hot) column names, in order.
    var columns: [String]
    var min: [Double], max: [Double], mean: [Double], std: [Double]
    /// Scaled values, a row per sample, a column per scaled column.
    var scaled: [[Double]]
    var distances: [Double]
}

extension Executor {
    func runScale(_ cell: Cell, _ s: ScaleSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        // The table: inline, or a dataset's features.
        var columns: [String], rows: [[TableValue]]
        if let d = s.data {
            let result = try dataset(d, in: cell)
            if let t = result.table {
                (columns, rows) = (t.columns, t.rows)
            } else {
                columns = result.all.featureNames
                rows = result.all.x.rowArrays.map { $0.map(TableValue.number) }
            }
        } else {
            columns = s.columns ?? []
            rows = s.rows ?? []
        }
        guard !rows.isEmpty else { throw cell.error("the table has no rows to scale") }
        let selected: [Int]
        if let only = s.only {
            selected = try only.map { o in
                guard let i = columns.firstIndex(of: o.value) else {
                    throw cell.error("no column '\(o.value)'" + Suggestion.hint(for: o.value, in: columns), at: o.location)
                }
                return i
            }
        } else {
            selected = columns.indices.filter { j in
                let numeric = rows.allSatisfy { if case .number = $0[j] { return true } else { return false } }
                return s.method == .oneHot ? !numeric : numeric
            }
        }
        guard !selected.isEmpty else {
            throw cell.error(s.method == .oneHot ? "no column of words to one-hot encode; name it with 'only: [colour]'"
                                                 : "no numeric column to scale")
        }
        var shown: [Shown] = []
        var outcome = ScaleOutcome(method: s.method, columns: [], min: [], max: [], mean: [], std: [], scaled: [], distances: [])
        let cellText: (TableValue) -> String = { v in
            switch v { case .number(let x): return fmt.given(x); case .text(let t): return t }
        }
        if s.method == .oneHot {
            var encoded: [[Double]] = Array(repeating: [], count: rows.count)
            for j in selected {
                let values = rows.map { cellText($0[j]) }
                let enc = try OneHotEncoder(fitting: values)
                let m = try enc.transform(values)
                outcome.columns += enc.categories.map { "\(columns[j])=\($0)" }
                for i in rows.indices { encoded[i] += m.row(i) }
                var codes: [String] = []
                for (k, c) in enc.categories.enumerated() {
                    let bits: [String] = (0..<enc.count).map { $0 == k ? "1" : "0" }
                    codes.append("\(c) → (" + bits.joined(separator: ", ") + ")")
                }
                shown.append(.paragraph("**\(columns[j])**: " + codes.joined(separator: "; ")))
            }
            outcome.scaled = encoded
            let keep = columns.indices.filter { !selected.contains($0) }
            let header = keep.map { columns[$0] } + outcome.columns
            let table = rows.indices.map { i in keep.map { cellText(rows[i][$0]) } + encoded[i].map { String(Int($0)) } }
            shown.append(.table(ShownTable(header: header, rows: table, alignments: header.indices.map { _ in .center },
                                           caption: cell.options.caption)))
            let (lines, d) = try distanceLines(s.distance, encoded, fmt, cell: cell)
            if !lines.isEmpty { shown.append(.math(TeX.aligned(lines))) }
            outcome.distances = d
            return (.scaled(outcome), shown)
        }

        let x = try Matrix(rows.map { r in selected.map { j -> Double in if case .number(let v) = r[j] { return v } else { return .nan } } })
        if let bad = x.storage.firstIndex(where: { $0.isNaN }) {
            throw cell.error("column '\(columns[selected[bad % selected.count]])' has a word in row \(bad / selected.count + 1); only numbers can be scaled")
        }
        let scaled: Matrix
        outcome.columns = selected.map { columns[$0] }
        var statRows: [[String]] = []
        if s.method == .minMax {
            let sc = try MinMaxScaler(fitting: x)
            scaled = try sc.transform(x)
            outcome.min = sc.min
            outcome.max = sc.max
            shown.append(.math("x' = \\frac{x - \\min}{\\max - \\min}"))
            for (k, name) in outcome.columns.enumerated() {
                statRows.append([name, fmt.given(sc.min[k]), fmt.given(sc.max[k])])
            }
            shown.append(.table(ShownTable(header: [words.column, words.minimum, words.maximum], rows: statRows)))
            for (k, name) in outcome.columns.enumerated() {
                let lines = (0..<min(x.rows, 8)).map { i in
                    "\\text{\(name)}_{\(i + 1)}' &= \\frac{\(fmt.texGiven(x[i, k])) - \(fmt.texGivenFactor(sc.min[k]))}{\(fmt.texGiven(sc.max[k])) - \(fmt.texGivenFactor(sc.min[k]))} = \(fmt.tex(scaled[i, k]))"
                }
                shown.append(.math(TeX.aligned(lines)))
            }
        } else {
            let sc = try ZScoreScaler(fitting: x)
            scaled = try sc.transform(x)
            outcome.mean = sc.mean
            outcome.std = sc.standardDeviation
            // m data points, as the course writes them (n counts the features).
            shown.append(.math("x' = \\frac{x - \\mu}{\\sigma}, \\quad \\mu = \\frac{1}{m}\\sum_{j=1}^{m} x^{(j)}, \\quad \\sigma = \\sqrt{\\frac{1}{m}\\sum_{j=1}^{m} \\left(x^{(j)} - \\mu\\right)^2}"))
            for (k, name) in outcome.columns.enumerated() {
                statRows.append([name, fmt.plain(sc.mean[k]), fmt.plain(sc.standardDeviation[k])])
            }
            shown.append(.table(ShownTable(header: [words.column, "μ (\(words.mean))", "σ (\(words.standardDeviation))"], rows: statRows)))
            for (k, name) in outcome.columns.enumerated() {
                let lines = (0..<min(x.rows, 8)).map { i in
                    "\\text{\(name)}_{\(i + 1)}' &= \\frac{\(fmt.texGiven(x[i, k])) - \(fmt.texFactor(sc.mean[k]))}{\(fmt.tex(sc.standardDeviation[k]))} = \(fmt.tex(scaled[i, k]))"
                }
                shown.append(.math(TeX.aligned(lines)))
            }
        }
        try checkFinite(scaled.storage, "a scaled value (a column whose values are all equal cannot be scaled)")
        outcome.scaled = scaled.rowArrays
        let header = columns.indices.map { j in selected.contains(j) ? "\(columns[j])′" : columns[j] }
        let table = rows.indices.map { i in
            columns.indices.map { j -> String in
                if let k = selected.firstIndex(of: j) { return fmt.plain(scaled[i, k]) }
                return cellText(rows[i][j])
            }
        }
        shown.append(.table(ShownTable(header: header, rows: table, alignments: header.indices.map { _ in .decimal },
                                       caption: cell.options.caption)))
        let (lines, d) = try distanceLines(s.distance, scaled.rowArrays, fmt, cell: cell)
        if !lines.isEmpty { shown.append(.math(TeX.aligned(lines))) }
        outcome.distances = d
        return (.scaled(outcome), shown)
    }

    /// d(p, q) = √(Σ (p_k − q_k)²) worked with the numbers put in.
    func distanceLines(_ pairs: [(Int, Int)], _ rows: [[Double]], _ fmt: NumberFormat, cell: Cell) throws -> ([String], [Double]) {
        var lines: [String] = [], values: [Double] = []
        for (p, q) in pairs {
            guard p <= rows.count, q <= rows.count else {
                throw cell.error("'distance' names row \(max(p, q)) but the table has \(rows.count) rows", at: cell.fields.location(of: "distance"))
            }
            let a = rows[p - 1], b = rows[q - 1]
            let d = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            // Raw data of whole numbers (ages, km) as given; scaled values with every decimal.
            let whole = rows.allSatisfy { $0.allSatisfy(NumberFormat.isWhole) }
            let terms = zip(a, b).map { whole ? "(\(fmt.texGiven($0)) - \(fmt.texGivenFactor($1)))^{2}" : "(\(fmt.tex($0)) - \(fmt.texFactor($1)))^{2}" }
                .joined(separator: " + ")
            lines.append("d(\(p), \(q)) &= \\sqrt{\(terms)} = \(fmt.tex(d))")
            values.append(d)
        }
        return (lines, values)
    }
}
