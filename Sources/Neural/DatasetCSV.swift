/// What the target column of a CSV file holds.
public enum TargetKind: String, Sendable {
    /// Class names (words or integers): labels, and y as a 0/1 column or one-hot rows.
    case classification
    /// Numbers to predict: y is that column, no labels.
    case regression
}

extension Dataset {
    /// Reads a user's CSV data: a header row naming the columns, then one sample per line.
    ///
    /// - `target`: the column to predict. Every other column is a feature and must hold numbers,
    ///   except the columns listed in `oneHot`, which are categorical and become one 0/1 feature per
    ///   category (named "colour=Xanh", categories in order of first appearance).
    /// - For classification the classes are the target's distinct values, sorted as numbers when
    ///   they all are numbers, otherwise by code point; `labels` index them.
    ///
    /// Errors name the line and column: "line 4, column 2 (km): expected a number, found “abc”".
    public static func parse(csv text: String, target: String, kind: TargetKind = .classification,
                             oneHot: [String] = [], name: String = "data") throws -> Dataset {
        let records = try CSV.parse(text)
        guard let header = records.first else { throw DataError("the CSV text is empty; expected a header row") }
        let names = header.fields.map { String(Substring($0).trimmingSpaces) }
        var seen: [String: Int] = [:]
        for (j, n) in names.enumerated() {
            guard !n.isEmpty else { throw DataError("the header has an empty column name", line: header.line, column: j + 1) }
            if let k = seen[n] {
                throw DataError("column name “\(n)” is used twice (columns \(k + 1) and \(j + 1))", line: header.line, column: j + 1)
            }
            seen[n] = j
        }
        guard let t = seen[target] else {
            throw DataError("no column named “\(target)”; the columns are \(names.joined(separator: ", "))", line: header.line)
        }
        for c in oneHot where seen[c] == nil {
            throw DataError("no column named “\(c)” to one-hot encode; the columns are \(names.joined(separator: ", "))", line: header.line)
        }
        if oneHot.contains(target) { throw DataError("the target “\(target)” cannot also be a one-hot feature column") }
        let rows = records.dropFirst()
        guard !rows.isEmpty else { throw DataError("the CSV text has a header but no data rows", line: header.line) }
        for r in rows where r.fields.count != names.count {
            throw DataError("expected \(names.count) values (one per column of the header), found \(r.fields.count)", line: r.line)
        }

        // Features, column by column: numbers, or one-hot blocks.
        var columns: [[Double]] = []
        var featureNames: [String] = []
        for j in 0..<names.count where j != t {
            if oneHot.contains(names[j]) {
                var values: [String] = []
                for r in rows {
                    let v = String(Substring(r.fields[j]).trimmingSpaces)
                    guard !v.isEmpty else { throw DataError("missing value", line: r.line, column: j + 1) }
                    values.append(v)
                }
                let encoder = try OneHotEncoder(fitting: values)
                let block = try encoder.transform(values)
                for k in 0..<encoder.count {
                    columns.append(block.column(k))
                    featureNames.append("\(names[j])=\(encoder.categories[k])")
                }
            } else {
                var col: [Double] = []
                col.reserveCapacity(rows.count)
                for r in rows { col.append(try number(r.fields[j], line: r.line, column: j + 1, name: names[j])) }
                columns.append(col)
                featureNames.append(names[j])
            }
        }
        let m = rows.count, d = columns.count
        guard d > 0 else {
            throw DataError("there are no feature columns besides the target “\(target)”", line: header.line)
        }
        var storage = [Double](repeating: 0, count: m * d)
        for (j, col) in columns.enumerated() { for i in 0..<m { storage[i * d + j] = col[i] } }
        let x = Matrix(rows: m, cols: d, storage: storage)

        switch kind {
        case .regression:
            let y = try rows.map { try number($0.fields[t], line: $0.line, column: t + 1, name: names[t]) }
            return try Dataset(name: name, x: x, values: Matrix(column: y), featureNames: featureNames)
        case .classification:
            var values: [String] = []
            for r in rows {
                let v = String(Substring(r.fields[t]).trimmingSpaces)
                guard !v.isEmpty else { throw DataError("missing class in column “\(names[t])”", line: r.line, column: t + 1) }
                values.append(v)
            }
            var classes = Array(Set(values))
            let numeric = classes.compactMap { Double($0) }
            if numeric.count == classes.count, numeric.allSatisfy(\.isFinite) {
                classes.sort { Double($0)! < Double($1)! || (Double($0)! == Double($1)! && $0 < $1) }
            } else {
                classes.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            }
            var index: [String: Int] = [:]
            for (k, c) in classes.enumerated() { index[c] = k }
            guard classes.count >= 2 else {
                throw DataError("the target column “\(names[t])” has only one class (“\(classes[0])”); a classifier needs at least two")
            }
            return try Dataset(name: name, x: x, labels: values.map { index[$0]! }, featureNames: featureNames,
                               classNames: classes)
        }
    }

    private static func number(_ field: String, line: Int, column: Int, name: String) throws -> Double {
        let s = Substring(field).trimmingSpaces
        guard !s.isEmpty else { throw DataError("missing value in column “\(name)”", line: line, column: column) }
        guard let v = Double(s), v.isFinite else {
            throw DataError("expected a number in column “\(name)”, found “\(s)”", line: line, column: column)
        }
        return v
    }
}
