import Foundation
import Neural

extension Executor {
    func runPlot(_ cell: Cell, _ s: PlotSpec) throws -> (CellResult?, [Shown]) {
        let caption = cell.options.caption
        // A caption the engine writes when the cell gives none and the figure's kind has a better one
        // than FigureRequest.defaultCaption's.
        var fallback: String?
        func one() throws -> Located<String> {
            guard let o = s.of.first else { throw cell.error("plot kind '\(s.kind.value)' needs 'of:' a result defined above") }
            return o
        }
        func net() throws -> Network {
            if let n = s.network { return try network(n, in: cell) }
            return try network(try one(), in: cell)
        }
        func data() throws -> DatasetResult {
            guard let d = s.data else { throw cell.error("plot kind '\(s.kind.value)' needs 'data:' a dataset defined above") }
            return try dataset(d, in: cell)
        }
        let request: FigureRequest
        switch s.kind.value {
        case "boundary":
            let n: Network, d: Dataset
            if s.network == nil, let o = s.of.first, case .training(let t) = try lookup(o, in: cell) {
                n = t.network
                d = try s.data.map { try dataset($0, in: cell).all } ?? t.data.all
            } else {
                n = try net()
                d = try data().all
            }
            guard d.featureCount == 2, n.inputSize == 2 else {
                throw cell.error("a decision boundary needs two inputs; the network takes \(n.inputSize) and the data has \(d.featureCount)")
            }
            request = .decisionBoundary(n, d, title: s.title)
        case "loss":
            guard !s.of.isEmpty else { throw cell.error("plot kind 'loss' needs 'of:' one or more train results") }
            var series: [FigureRequest.Series] = []
            for (k, o) in s.of.enumerated() {
                guard case .training(let t) = try lookup(o, in: cell) else {
                    throw wrongKind(o, try lookup(o, in: cell), expected: "a train result", in: cell)
                }
                let label = s.labels.flatMap { k < $0.count ? $0[k] : nil }
                    ?? lesson.cells.first { $0.options.name?.value == o.value }?.options.caption ?? o.value
                series.append(.init(name: label, points: zip(t.history.epochs, t.history.loss).map { (x: Double($0), y: $1) }))
            }
            request = .lines(series: series, xLabel: s.xLabel ?? words.epoch, yLabel: s.yLabel ?? words.loss, logY: false)
        case "function":
            guard !s.functions.isEmpty else { throw cell.error("plot kind 'function' needs 'functions: [sigmoid, ...]'") }
            let fs = try s.functions.map { try resolveActivation($0, in: cell) }
            let xs = samples(s.range, s.resolution)
            let plotted = fs.filter { !$0.isVectorValued }
            fallback = words.activationPlotCaption(plotted.map { words.functionName($0.displayName) }, derivatives: false)
            request = .lines(series: plotted.map { f in
                .init(name: "\(TeXless.plainName(f))(z)", points: xs.map { (x: $0, y: f.value($0)) })
            }, xLabel: s.xLabel ?? "z", yLabel: s.yLabel ?? words.value, logY: false)
        case "scatter":
            var d = try data().all
            if s.show == "hidden" {
                let n = try net()
                let t = try n.forward(d.x)
                guard t.a[0].cols == 2 else { throw cell.error("'show: hidden' needs a hidden layer of 2 neurons; it has \(t.a[0].cols)") }
                d = try d.withFeatures(t.a[0])
                request = .scatter(d, xLabel: s.xLabel ?? "a⁽¹⁾₁", yLabel: s.yLabel ?? "a⁽¹⁾₂")
            } else {
                guard d.featureCount >= 2 else { throw cell.error("a scatter plot needs two features") }
                request = .scatter(d, xLabel: s.xLabel, yLabel: s.yLabel)
            }
        case "network":
            let n = try net()
            request = .networkDiagram(n, weights: s.show != "plain" && n.layers.allSatisfy { $0.weights.count <= 24 }, recurrent: s.show == "recurrent",
                                      digits: cell.options.digits)
        case "confusion":
            let o = try one()
            guard case .metrics(let m) = try lookup(o, in: cell) else { throw wrongKind(o, try lookup(o, in: cell), expected: "a metrics result", in: cell) }
            request = .confusion(counts: m.report.confusion.counts, classNames: m.report.confusion.classNames)
        case "images":
            if let o = s.of.first, case .metrics(let m) = try lookup(o, in: cell) {
                var idx = Array(0..<m.evaluated.count)
                if s.show == "mistakes" { idx = idx.filter { m.predicted[$0] != m.evaluated.labels[$0] } }
                idx = Array(idx.prefix(s.count))
                let names = m.evaluated.classNames
                let titles = idx.map { "\(names[m.evaluated.labels[$0]]) → \(names[m.predicted[$0]])" }
                request = .images(m.evaluated.subset(idx), count: idx.count, titles: titles)
            } else {
                let d = try s.of.first.map { try dataset($0, in: cell).all } ?? data().all
                guard d.imageShape != nil else { throw cell.error("plot kind 'images' needs image data (like builtin: digits)") }
                request = .images(d, count: s.count, titles: nil)
            }
        case "graph":
            let o = try one()
            guard case .graph(let g) = try lookup(o, in: cell) else { throw wrongKind(o, try lookup(o, in: cell), expected: "a graph result", in: cell) }
            request = .computationGraph(g)
        case "snapshots":
            let o = try one()
            guard case .training(let t) = try lookup(o, in: cell) else { throw wrongKind(o, try lookup(o, in: cell), expected: "a train result", in: cell) }
            let snaps = t.history.snapshots.keys.sorted().map { (epoch: $0, network: t.history.snapshots[$0]!) }
            guard !snaps.isEmpty else { throw cell.error("'\(o.value)' kept no snapshots; add 'snapshots: [0, 100, 1000]' to its train cell", at: o.location) }
            request = .snapshots(snaps, t.data.all)
        case "relu-sum":
            guard let w = s.weights, let b = s.biases, let c = s.terms, w.count == b.count, b.count == c.count, !w.isEmpty else {
                throw cell.error("plot kind 'relu-sum' needs 'weights', 'biases' and 'terms' of the same length")
            }
            // `labels:` names the terms (and, one more, the sum) in the legend.
            if let l = s.labels, l.count != w.count, l.count != w.count + 1 {
                throw cell.error("'labels' of a relu-sum names its \(w.count) terms, and optionally their sum: \(w.count) or \(w.count + 1) names, not \(l.count)")
            }
            let xs = samples(s.range, s.resolution)
            var series: [FigureRequest.Series] = []
            // Each term as the lesson writes it (−ReLU(−5x − 7.7), 2·ReLU(x − 1), ReLU(x)) unless
            // `labels:` names it; the sum, drawn dark and thick, is named by the last label or y-label.
            let fmt = NumberFormat(digits: 2)
            func coefficient(_ v: Double) -> String { v == 1 ? "" : v == -1 ? "−" : fmt.written(v) + "·" }
            func term(_ i: Int) -> String {
                let slope = w[i] == 1 ? "" : w[i] == -1 ? "−" : fmt.written(w[i])
                let shift = b[i] == 0 ? "" : " \(b[i] < 0 ? "−" : "+") \(fmt.written(abs(b[i])))"
                return "\(coefficient(c[i]))ReLU(\(slope)x\(shift))"
            }
            for i in w.indices {
                let name = s.labels?[i] ?? term(i)
                series.append(.init(name: name, points: xs.map { (x: $0, y: c[i] * max(0, w[i] * $0 + b[i])) }, dashed: true))
            }
            let sumName = s.labels.flatMap { $0.count == w.count + 1 ? $0[w.count] : nil } ?? s.yLabel ?? "Z(x)"
            series.append(.init(name: sumName, points: xs.map { x in (x: x, y: w.indices.reduce(0) { $0 + c[$1] * max(0, w[$1] * x + b[$1]) }) },
                                emphasized: true))
            request = .lines(series: series, xLabel: s.xLabel ?? "x", yLabel: s.yLabel ?? sumName, logY: false)
        case "fit":
            let d = try data().all
            guard d.featureCount == 1, d.y.cols == 1 else { throw cell.error("plot kind 'fit' needs a dataset with one input and one target column") }
            var nets: [(String, Network)] = []
            if let n = s.network { nets.append((n.value, try network(n, in: cell))) }
            for (k, o) in s.of.enumerated() {
                nets.append((s.labels.flatMap { k < $0.count ? $0[k] : nil } ?? o.value, try network(o, in: cell)))
            }
            guard !nets.isEmpty else { throw cell.error("plot kind 'fit' needs 'network:' or 'of:' trained networks") }
            let lo = d.x.storage.min() ?? 0, hi = d.x.storage.max() ?? 1
            let xs = samples((lo, hi), s.resolution)
            let curves = try nets.map { name, n -> FigureRequest.Series in
                guard n.inputSize == 1 else { throw cell.error("'\(name)' takes \(n.inputSize) inputs; a fit needs 1") }
                let y = try n.predict(Matrix(column: xs))
                return .init(name: name, points: zip(xs, y.storage).map { (x: $0, y: $1) })
            }
            request = .fit(points: zip(d.x.storage, d.y.storage).map { (x: $0, y: $1) }, curves: curves,
                           xLabel: s.xLabel ?? d.featureNames.first ?? "x", yLabel: s.yLabel ?? "y")
        default:
            throw cell.error("plot kind '\(s.kind.value)' is not known" + Suggestion.hint(for: s.kind.value, in: PlotSpec.kinds), at: s.kind.location)
        }
        return (.shown(kind: .plot), [.figure(request, caption: caption ?? fallback)])
    }

    func samples(_ range: (Double, Double), _ n: Int) -> [Double] {
        (0..<n).map { range.0 + (range.1 - range.0) * Double($0) / Double(max(n - 1, 1)) }
    }

    func moreFields(of result: CellResult, _ p: FieldPath) throws -> ReferenceValue {
        func single(_ v: Double?) throws -> ReferenceValue {
            try p.expectNoIndex()
            guard let v else { throw p.error("'\(p.field)' has no value for this run") }
            return .number(v)
        }
        func count(_ n: Int) throws -> ReferenceValue { try p.expectNoIndex(); return .integer(n) }
        switch result {
        case .training(let t):
            let h = t.history
            switch p.field {
            // Losses and accuracies describe the weights kept: with early stopping, the best epoch's.
            case "final-loss": return try single(h.keptRecord?.loss)
            case "accuracy": return try single(t.testAccuracy ?? t.trainAccuracy)
            case "train-accuracy": return try single(t.trainAccuracy)
            case "test-accuracy": return try single(t.testAccuracy)
            case "validation-loss": return try single(h.keptRecord?.validationLoss)
            case "validation-accuracy": return try single(h.keptRecord?.validationAccuracy)
            case "epochs-run": return try count(h.epochsRun)
            case "best-epoch":
                try p.expectNoIndex()
                return .integer(h.bestEpoch ?? h.epochsRun)
            case "loss":
                let ix = p.indices
                guard ix.count == 1 else { throw p.error("'loss' needs an epoch, like loss[100]; the final loss is final-loss") }
                guard let r = h.record(epoch: ix[0]) else {
                    throw p.error("epoch \(ix[0]) was not recorded (recorded: every \(max(1, (h.epochs.dropFirst().first ?? 2) - 1)) epochs, up to \(h.epochsRun))")
                }
                return .number(r.loss)
            default: throw p.unknownField(["final-loss", "accuracy", "test-accuracy", "train-accuracy", "validation-loss", "epochs-run", "best-epoch", "loss"])
            }
        case .dataset(let d):
            switch p.field {
            case "rows", "count", "n": return try count(d.all.count)
            case "features": return try count(d.all.featureCount)
            case "classes": return try count(d.all.classCount)
            case "train-rows": return try count(d.train.count)
            case "test-rows": return try count(d.test?.count ?? 0)
            case "distance":
                if p.indices.isEmpty, let v = d.distances.first { return .number(v) }
                return try p.entry(d.distances, "pair")
            default: throw p.unknownField(["rows", "features", "classes", "train-rows", "test-rows", "distance"])
            }
        case .metrics(let m):
            switch p.field {
            case "accuracy": return try single(m.report.accuracy)
            case "errors": return try count(m.report.confusion.total - m.report.confusion.correct)
            case "support": return try count(m.report.confusion.total)
            case "precision": return try p.entry(m.report.classes.map(\.precision), "class")
            case "recall": return try p.entry(m.report.classes.map(\.recall), "class")
            case "f1": return try p.entry(m.report.classes.map(\.f1), "class")
            default: throw p.unknownField(["accuracy", "errors", "support", "precision", "recall", "f1"])
            }
        default:
            throw p.error("a \(result.kindName) result has no fields to print")
        }
    }

    func tableOf(_ name: Located<String>, in cell: Cell, _ fmt: NumberFormat) throws -> ShownTable {
        switch try lookup(name, in: cell) {
        case .table(let t): return t
        case .perceptron(let t):
            return ShownTable(header: [words.epoch, words.sample, "net", "ŷ", "y", "ŷ − y"],
                              rows: t.steps.map { [String($0.epoch), String($0.sample + 1), fmt.plain($0.net), String($0.prediction), String($0.target), String($0.error).replacingOccurrences(of: "-", with: "−")] },
                              caption: cell.options.caption)
        case .scaled(let s):
            return ShownTable(header: s.columns, rows: s.scaled.map { $0.map(fmt.plain) }, caption: cell.options.caption)
        case .training(let t):
            var header = [words.epoch, words.loss]
            let h = t.history
            let hasAcc = !h.accuracy.isEmpty
            if hasAcc { header.append(words.accuracy) }
            let rows = h.records.map { r -> [String] in
                [String(r.epoch), fmt.plain(r.loss)] + (hasAcc ? [r.accuracy.map(fmt.plain) ?? ""] : [])
            }
            return ShownTable(header: header, rows: rows, caption: cell.options.caption)
        case .gradcheck(let g):
            return ShownTable(header: ["θ", words.backprop, words.numeric, words.relativeError],
                              rows: g.check.entries.map { ["\($0.parameter)", fmt.plain($0.backprop), fmt.plain($0.numeric), NumberFormat(digits: 2).plainSmall($0.relativeError)] },
                              caption: cell.options.caption)
        case .dataset(let d):
            let all = d.all
            return ShownTable(header: all.featureNames + (all.isClassification ? [words.target] : []),
                              rows: (0..<all.count).map { i in all.x.row(i).map(fmt.given) + (all.isClassification ? [all.classNames[all.labels[i]]] : []) },
                              caption: cell.options.caption)
        case let other:
            throw cell.error("a table of a \(other.kindName) result is not available", at: name.location)
        }
    }
}
