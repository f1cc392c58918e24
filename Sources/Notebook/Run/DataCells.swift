import Foundation
import Neural
import Typeset

extension Executor {
    /// A data table's columns: numbers on their decimal point, text (colours, class names) to the left.
    /// The first column is data like the others, not a row label.
    static func dataAlignments(_ rows: [[String]], _ columns: Int) -> [ShownTable.Alignment] {
        (0..<columns).map { j in
            rows.allSatisfy { j < $0.count && Table.isNumber($0[j]) } ? .decimal : .left
        }
    }

    func runDataset(_ cell: Cell, _ s: DatasetSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let name = cell.options.name?.value ?? "data"
        var result: DatasetResult
        switch s.source {
        case .builtin(let b):
            if b == "digits" {
                let text = try readData("digits.csv", at: cell.location, in: cell)
                let d = try Digits.parse(csv: text, normalize: true)
                result = DatasetResult(all: d, train: d, test: nil)
            } else {
                guard let d = Dataset.builtin(named: b) else { throw cell.error("unknown built-in dataset '\(b)'") }
                result = DatasetResult(all: d, train: d, test: nil)
            }
        case let .generate(g, n, noise, seed, classes):
            guard let gen = DataGenerator(rawValue: g) else { throw cell.error("unknown generator '\(g)'") }
            let d = try gen.generate(n: n, noise: noise, seed: seed, classes: classes)
            result = DatasetResult(all: d, train: d, test: nil)
        case let .csv(file, target):
            guard let target else { throw cell.error("missing key 'target' (the column to predict)", at: file.location) }
            let text = try readData(file.value, at: file.location, in: cell)
            let kind = Self.looksLikeRegression(csv: text, target: target) ? TargetKind.regression : .classification
            do {
                let d = try Dataset.parse(csv: text, target: target, kind: kind, name: name)
                result = DatasetResult(all: d, train: d, test: nil)
            } catch let e as DataError {
                throw cell.error("\(file.value)" + (e.line.map { ":\($0)" } ?? "") + (e.column.map { ":\($0)" } ?? "") + ": \(e.message)", at: file.location)
            }
        case let .inline(columns, rows, target):
            result = try inlineDataset(name: name, columns: columns, rows: rows, target: target, cell: cell)
        }
        if let problem = Limits.current.rowsProblem(result.all.count, what: "dataset") { throw cell.error(problem) }
        if let split = s.split {
            let (train, test) = try result.all.split(testFraction: split.test, seed: split.seed, stratified: result.all.isClassification)
            result.train = train
            result.test = test
        }
        var shown: [Shown] = []
        switch s.show {
        case .none: break
        case .table:
            let limit = s.limit ?? 20
            if let t = result.table {
                let rows = t.rows.prefix(limit).map { $0.map { v -> String in
                    switch v { case .number(let x): return fmt.given(x); case .text(let w): return w }
                } }
                shown.append(.table(ShownTable(header: t.columns, rows: Array(rows), alignments: Self.dataAlignments(Array(rows), t.columns.count),
                                               caption: cell.options.caption)))
            } else {
                let d = result.all
                let header = d.featureNames + (d.isClassification ? [words.target] : (0..<d.y.cols).map { "y\(d.y.cols > 1 ? subscriptDigits($0 + 1) : "")" })
                let rows = (0..<min(d.count, limit)).map { i -> [String] in
                    d.x.row(i).map(fmt.given) + (d.isClassification ? [d.classNames[d.labels[i]]] : d.y.row(i).map(fmt.given))
                }
                shown.append(.table(ShownTable(header: header, rows: rows, alignments: Self.dataAlignments(rows, header.count),
                                               caption: cell.options.caption)))
            }
            if result.all.count > limit { shown.append(.paragraph("(\(words.counted(result.all.count, words.sample)), \(limit) …)")) }
        case .scatter:
            let d = result.all
            if d.featureCount == 1, d.y.cols == 1 {
                // One input: the points (x, y), as a fit without curves.
                shown.append(.figure(.fit(points: zip(d.x.storage, d.y.storage).map { (x: $0, y: $1) }, curves: [],
                                          xLabel: d.featureNames[0], yLabel: "y"), caption: cell.options.caption))
            } else {
                guard d.featureCount >= 2 else { throw cell.error("a scatter plot needs two features; this dataset has \(d.featureCount)") }
                shown.append(.figure(.scatter(d, xLabel: nil, yLabel: nil), caption: cell.options.caption))
            }
        case .images:
            guard result.all.imageShape != nil else { throw cell.error("'show: images' needs image data (like builtin: digits)") }
            shown.append(.figure(.images(result.all, count: s.limit ?? 24, titles: nil), caption: cell.options.caption))
        }
        if !s.distance.isEmpty {
            let (lines, d) = try distanceLines(s.distance, result.all.x.rowArrays, fmt, cell: cell)
            shown.append(.math(TeX.aligned(lines)))
            result.distances = d
        }
        if let split = s.split, let test = result.test {
            shown.append(.paragraph("\(words.train.prefix(1).uppercased() + words.train.dropFirst()): \(result.train.count), \(words.test): \(test.count) (\(fmt.written(split.test * 100))%, seed \(split.seed))."))
        }
        return (.dataset(result), shown)
    }

    /// Reads a file of Lessons/data; a missing file names the key that asked for it.
    func readData(_ file: String, at location: SourceLocation, in cell: Cell) throws -> String {
        let path: String
        switch Limits.containedPath(file, in: dataDirectory) {
        case .success(let p): path = p
        case .failure(let refusal): throw cell.error(refusal.description, at: location)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Limits.current.dataFileBytes {
            throw cell.error("'\(file)' is \(size) bytes, which exceeds the limit of \(Limits.current.dataFileBytes) bytes for a data file", at: location)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw cell.error("cannot read '\(file)' in \(dataDirectory)", at: location)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw cell.error("'\(file)' is not UTF-8 text", at: location) }
        return text
    }

    /// A numeric target with fractions or many values is a regression target.
    static func looksLikeRegression(csv text: String, target: String) -> Bool {
        let lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first else { return false }
        let names = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let j = names.firstIndex(of: target) else { return false }
        var values: Set<String> = []
        for l in lines.dropFirst() {
            let f = l.split(separator: ",", omittingEmptySubsequences: false)
            guard j < f.count else { continue }
            let v = f[j].trimmingCharacters(in: .whitespaces)
            guard let x = Double(v) else { return false }
            if x != x.rounded() { return true }
            values.insert(v)
        }
        return values.count > 10
    }

    func inlineDataset(name: String, columns: [String], rows: [[TableValue]], target: String?, cell: Cell) throws -> DatasetResult {
        let numericColumns = columns.indices.filter { j in
            rows.allSatisfy { if case .number = $0[j] { return true } else { return false } }
        }
        let t = target.flatMap { columns.firstIndex(of: $0) }
        let features = numericColumns.filter { $0 != t }
        let x = try Matrix(rows.map { r in features.map { j -> Double in if case .number(let v) = r[j] { return v } else { return 0 } } })
        let d: Dataset
        if let t {
            let values = rows.map { r -> String in
                switch r[t] { case .number(let v): return DecimalText.asWritten(v); case .text(let w): return w }
            }
            let numbers = rows.compactMap { r -> Double? in if case .number(let v) = r[t] { return v } else { return nil } }
            let isRegression = numbers.count == rows.count && (numbers.contains { $0 != $0.rounded() } || Set(numbers).count > 10)
            if isRegression {
                d = try Dataset(name: name, x: x, values: Matrix(column: numbers), featureNames: features.map { columns[$0] })
            } else {
                let distinct = Array(Set(numbers)).sorted()
                let labels: [Int], names: [String]
                if numbers.count == rows.count, let top = distinct.last, distinct.allSatisfy({ $0 >= 0 && $0 == $0.rounded() }),
                   top <= Double(max(1, distinct.count)) {
                    // Class numbers as written (a 0/1 target, classes 0, 1, 2): a label keeps its value,
                    // even when only some of the classes occur (a target of 1s stays 1, not class 0).
                    labels = numbers.map { Int($0) }
                    names = (0...Int(top)).map(String.init)
                } else {
                    let classes = numbers.count == rows.count ? distinct.map { DecimalText.asWritten($0) } : Array(Set(values)).sorted()
                    labels = values.map { classes.firstIndex(of: $0)! }
                    names = numbers.count == rows.count ? distinct.map { DecimalText.asWritten($0) } : classes
                }
                d = try Dataset(name: name, x: x, labels: labels, featureNames: features.map { columns[$0] }, classNames: names)
            }
        } else {
            d = try Dataset(name: name, x: x, values: Matrix(rows: rows.count, cols: 0), featureNames: features.map { columns[$0] })
        }
        return DatasetResult(all: d, train: d, test: nil, table: (columns, rows))
    }
}
