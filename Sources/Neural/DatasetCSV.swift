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
    /// - `target`: the column to predict (default: the last one). Every other column is a feature and
    ///   must hold numbers, except the columns listed in `oneHot`, which are categorical and become one
    ///   0/1 feature per category (named "colour=Xanh", categories in order of first appearance).
    /// - For classification the classes are the target's distinct values, sorted as numbers when
    ///   they all are numbers, otherwise by code point; `labels` index them.
    ///
    /// Errors name the line and column: "line 4, column 2: expected a number in column “km”, found “abc”".
    public static func parse(csv text: String, target: String? = nil, kind: TargetKind = .classification,
                             oneHot: [String] = [], name: String = "data") throws -> Dataset {
        let records = try CSV.parse(text)
        guard let header = records.first else { throw DataError("the CSV text is empty; expected a header row") }
        let rows = records.dropFirst().map { (place: Place.line($0.line), fields: $0.fields) }
        return try build(header: header.fields, headerPlace: .line(header.line), rows: rows, target: target,
                         kind: kind, oneHot: oneHot, name: name)
    }

    /// The same from a table given as rows of text (a lesson's inline `columns:` and `rows:`; numbers
    /// written as text). Errors name the row (1-based, not counting the header) and the column.
    public static func fromTable(columns: [String], rows: [[String]], target: String? = nil,
                                 kind: TargetKind = .classification, oneHot: [String] = [],
                                 name: String = "data") throws -> Dataset {
        try build(header: columns, headerPlace: .header, rows: rows.enumerated().map { (.row($0 + 1), $1) },
                  target: target, kind: kind, oneHot: oneHot, name: name)
    }

    /// Where a record came from, for error messages.
    enum Place {
        case line(Int), row(Int), header

        func error(_ message: String, column: Int? = nil) -> DataError {
            switch self {
            case .line(let l): return DataError(message, line: l, column: column)
            case .row(let r): return DataError(message, row: r, column: column)
            case .header: return DataError(column.map { "header, column \($0): \(message)" } ?? message)
            }
        }
    }

    static func build(header: [String], headerPlace: Place, rows: [(place: Place, fields: [String])],
                      target: String?, kind: TargetKind, oneHot: [String], name: String) throws -> Dataset {
        let names = header.map { String(Substring($0).trimmingSpaces) }
        var seen: [String: Int] = [:]
        for (j, n) in names.enumerated() {
            guard !n.isEmpty else { throw headerPlace.error("the header has an empty column name", column: j + 1) }
            if let k = seen[n] {
                throw headerPlace.error("column name “\(n)” is used twice (columns \(k + 1) and \(j + 1))", column: j + 1)
            }
            seen[n] = j
        }
        guard let targetName = target ?? names.last else { throw headerPlace.error("the header names no columns") }
        guard let t = seen[targetName] else {
            throw headerPlace.error("no column named “\(targetName)”; the columns are \(names.joined(separator: ", "))")
        }
        for c in oneHot where seen[c] == nil {
            throw headerPlace.error("no column named “\(c)” to one-hot encode; the columns are \(names.joined(separator: ", "))")
        }
        if oneHot.contains(targetName) {
            throw headerPlace.error("the target “\(targetName)” cannot also be a one-hot feature column")
        }
        guard !rows.isEmpty else { throw headerPlace.error("there is a header but no data rows") }
        for r in rows where r.fields.count != names.count {
            throw r.place.error("expected \(names.count) values (one per column of the header), found \(r.fields.count)")
        }

        // Features, column by column: numbers, or one-hot blocks.
        var columns: [[Double]] = []
        var featureNames: [String] = []
        for j in 0..<names.count where j != t {
            if oneHot.contains(names[j]) {
                var values: [String] = []
                for r in rows {
                    let v = String(Substring(r.fields[j]).trimmingSpaces)
                    guard !v.isEmpty else { throw r.place.error("missing value in column “\(names[j])”", column: j + 1) }
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
                for r in rows { col.append(try number(r.fields[j], r.place, column: j + 1, name: names[j])) }
                columns.append(col)
                featureNames.append(names[j])
            }
        }
        let m = rows.count, d = columns.count
        guard d > 0 else {
            throw headerPlace.error("there are no feature columns besides the target “\(targetName)”")
        }
        var storage = [Double](repeating: 0, count: m * d)
        for (j, col) in columns.enumerated() { for i in 0..<m { storage[i * d + j] = col[i] } }
        let x = Matrix(rows: m, cols: d, storage: storage)

        switch kind {
        case .regression:
            let y = try rows.map { try number($0.fields[t], $0.place, column: t + 1, name: names[t]) }
            return try Dataset(name: name, x: x, values: Matrix(column: y), featureNames: featureNames)
        case .classification:
            var values: [String] = []
            for r in rows {
                let v = String(Substring(r.fields[t]).trimmingSpaces)
                guard !v.isEmpty else { throw r.place.error("missing class in column “\(names[t])”", column: t + 1) }
                values.append(v)
            }
            let classes = sortedClasses(values)
            guard classes.count >= 2 else {
                throw DataError("the target column “\(names[t])” has only one class (“\(classes[0])”); a classifier needs at least two")
            }
            var index: [String: Int] = [:]
            for (k, c) in classes.enumerated() { index[c] = k }
            return try Dataset(name: name, x: x, labels: values.map { index[$0]! }, featureNames: featureNames,
                               classNames: classes)
        }
    }

    /// Distinct class names, as numbers when all are numbers (2 < 9 < 10), otherwise by code point.
    static func sortedClasses(_ values: [String]) -> [String] {
        var classes = Array(Set(values))
        let numbers = classes.map { Double($0) }
        if numbers.allSatisfy({ $0?.isFinite == true }) {
            var value: [String: Double] = [:]
            for (c, v) in zip(classes, numbers) { value[c] = v! }
            classes.sort { (value[$0]!, $0) < (value[$1]!, $1) }
        } else {
            classes.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        }
        return classes
    }

    private static func number(_ field: String, _ place: Place, column: Int, name: String) throws -> Double {
        let s = Substring(field).trimmingSpaces
        guard !s.isEmpty else { throw place.error("missing value in column “\(name)”", column: column) }
        guard let v = Double(s), v.isFinite else {
            throw place.error("expected a number in column “\(name)”, found “\(s)”", column: column)
        }
        return v
    }
}
