import Foundation
import Neural

/// A finished training run.
struct TrainingOutcome {
    var network: Network
    var history: TrainingHistory
    var data: DatasetResult
    /// On the rows the network was trained on (without a held-out validation split).
    var trainAccuracy: Double?
    var testAccuracy: Double?
}

/// Accuracy and the per-class report of a network on a dataset.
struct MetricsOutcome {
    var report: ClassificationReport
    var evaluated: Dataset
    var predicted: [Int]
}

extension Executor {
    func runTrain(_ cell: Cell, _ s: TrainSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let net = try network(s.network, in: cell)
        let data = try dataset(s.data, in: cell)
        let train = data.train
        guard train.featureCount == net.inputSize else {
            throw cell.error("the data has \(train.featureCount) features per sample but the network takes \(net.inputSize) (x is \(train.x.shapeText))", at: s.data.location)
        }
        guard train.y.cols == net.outputSize else {
            throw cell.error("the data's targets are \(train.y.shapeText) but the network gives \(net.outputSize) outputs per sample", at: s.data.location)
        }
        if let problem = Limits.current.trainingProblem(epochs: s.epochs, samples: train.count, parameters: net.parameterCount,
                                                        before: trainingWork) {
            throw cell.error(problem, at: cell.fields.location(of: "epochs"))
        }
        trainingWork += Double(s.epochs) * Double(train.count) * Double(max(net.parameterCount, 1))
        let loss: Loss
        if let l = s.loss { loss = try resolveLoss(l, in: cell) }
        else { loss = net.layers.last?.activation.kind == .softmax ? .categoricalCrossEntropy : .halfSSE }
        var config = TrainingConfig(loss: loss, learningRate: s.learningRate, epochs: s.epochs, seed: s.seed)
        switch s.optimizer {
        case "momentum": config.optimizer = .momentum(beta: s.momentum)
        case "adam": config.optimizer = .adam(beta1: s.beta1, beta2: s.beta2, epsilon: 1e-8)
        default: config.optimizer = .sgd
        }
        switch s.batch {
        case .full: config.batch = .full
        case .size(let n): config.batch = n == 1 ? .stochastic : .mini(n)
        }
        config.l1 = s.l1
        config.l2 = s.l2
        config.dropout = s.dropout
        config.validationFraction = s.validation ?? 0
        config.earlyStoppingPatience = s.patience
        config.snapshotEpochs = s.snapshots
        config.logEvery = s.logEvery ?? max(1, s.epochs / 500)
        let epochs = Double(max(s.epochs, 1))
        let report = progress
        let result: Trainer.Result
        do {
            result = try Trainer(config).train(net, on: train, progress: report.map { r in { rec in r(cell, Double(rec.epoch) / epochs) } })
        } catch let e as TrainingError {
            if case .diverged(let epoch, let value) = e {
                throw cell.error("training diverged at epoch \(epoch): the loss became \(value.isNaN ? "NaN" : "∞"); try a smaller 'learning-rate' (now \(fmt.written(s.learningRate)))",
                                 at: cell.fields.location(of: "learning-rate"))
            }
            throw cell.error(e.description)
        }
        let h = result.history
        func acc(_ d: Dataset) throws -> Double? {
            guard d.isClassification else { return nil }
            return try accuracy(output: result.network.predict(d.x), target: d.y)
        }
        // The training accuracy counts only the rows trained on, not those held out for validation.
        let held = Set(result.heldOut)
        let trainedOn = held.isEmpty ? train : train.subset((0..<train.count).filter { !held.contains($0) })
        let outcome = TrainingOutcome(network: result.network, history: h, data: data,
                                      trainAccuracy: try acc(trainedOn), testAccuracy: try data.test.map(acc) ?? nil)
        if let last = h.finalLoss { try checkFinite([last], "the final loss") }

        var shown: [Shown] = []
        var summary = "\(words.epochsRun): \(h.epochsRun)"
        if let l = h.keptRecord?.loss { summary += "; \(words.finalLoss.lowercased()): $\(fmt.tex(l))$" }
        if let a = outcome.trainAccuracy { summary += "; \(words.accuracy.lowercased()) (\(words.train)): \(NumberFormat(digits: 2).plain(a * 100))%" }
        if let a = outcome.testAccuracy { summary += "; \(words.accuracy.lowercased()) (\(words.test)): \(NumberFormat(digits: 2).plain(a * 100))%" }
        if h.restoredBestWeights, let b = h.bestEpoch { summary += "; \(words.keptWeights(b))" }
        else if h.stoppedEarly, let b = h.bestEpoch { summary += "; \(words.earlyStopping(b))" }
        shown.append(.paragraph(summary + "."))
        var figures: [FigureRequest] = []
        for p in s.plot {
            switch p {
            case "loss":
                var series = [FigureRequest.Series(name: words.train, points: zip(h.epochs, h.loss).map { (x: Double($0), y: $1) })]
                if !h.validationLoss.isEmpty {
                    let ve = h.records.filter { $0.validationLoss != nil }
                    series.append(.init(name: words.validation, points: ve.map { (x: Double($0.epoch), y: $0.validationLoss!) }, dashed: true))
                }
                figures.append(.lines(series: series, xLabel: words.epoch, yLabel: words.loss, logY: false))
            case "accuracy" where !h.accuracy.isEmpty:
                let rec = h.records.filter { $0.accuracy != nil }
                var series = [FigureRequest.Series(name: words.train, points: rec.map { (x: Double($0.epoch), y: $0.accuracy!) })]
                let ve = h.records.filter { $0.validationAccuracy != nil }
                if !ve.isEmpty { series.append(.init(name: words.validation, points: ve.map { (x: Double($0.epoch), y: $0.validationAccuracy!) }, dashed: true)) }
                figures.append(.lines(series: series, xLabel: words.epoch, yLabel: words.accuracy, logY: false))
            case "boundary" where train.featureCount == 2:
                figures.append(.decisionBoundary(result.network, data.all, title: nil))
            case "snapshots" where train.featureCount == 2 && !h.snapshots.isEmpty:
                let snaps = h.snapshots.keys.sorted().map { (epoch: $0, network: h.snapshots[$0]!) }
                figures.append(.snapshots(snaps, data.all))
            default: break
            }
        }
        // Snapshots take a row of their own; the other plots share one figure (one number, one caption).
        let snapshots = figures.filter { if case .snapshots = $0 { return true } else { return false } }
        let others = figures.filter { if case .snapshots = $0 { return false } else { return true } }
        var parts: [FigureRequest] = []
        if others.count == 1 { parts.append(others[0]) } else if others.count > 1 { parts.append(.row(others)) }
        parts += snapshots
        if parts.count == 1 { shown.append(.figure(parts[0], caption: cell.options.caption)) }
        else if parts.count > 1 { shown.append(.figure(.column(parts), caption: cell.options.caption)) }
        if s.apply { state[s.network.value] = .network(result.network) }
        return (.training(outcome), shown)
    }

    func runMetrics(_ cell: Cell, _ s: MetricsSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let net = try network(s.network, in: cell)
        let data = try dataset(s.data, in: cell)
        let d: Dataset
        switch s.split {
        case "train": d = data.train
        case "all": d = data.all
        default: d = data.test ?? data.all
        }
        guard d.isClassification else { throw cell.error("metrics need a classification dataset; '\(s.data.value)' has no classes", at: s.data.location) }
        guard d.featureCount == net.inputSize else {
            throw cell.error("the data has \(d.featureCount) features per sample but the network takes \(net.inputSize)", at: s.data.location)
        }
        let predicted = predictedLabels(try net.predict(d.x))
        let report = try ClassificationReport(actual: d.labels, predicted: predicted, classNames: d.classNames)
        let pct = NumberFormat(digits: 2)
        var shown: [Shown] = [.paragraph("\(words.accuracy): \(report.confusion.correct)/\(report.confusion.total) = \(pct.plain(report.accuracy * 100))%.")]
        shown.append(.paragraph("*\(words.confusionNote)*"))
        let header = [""] + d.classNames
        let rows = report.confusion.counts.enumerated().map { i, r in [d.classNames[i]] + r.map(String.init) }
        shown.append(.table(ShownTable(header: header, rows: rows, alignments: [.left] + d.classNames.map { _ in .right })))
        let f = NumberFormat(digits: min(fmt.digits, 3))
        var classRows = report.classes.map { [$0.name, f.plain($0.precision), f.plain($0.recall), f.plain($0.f1), String($0.support)] }
        let m = report.macroAverage
        classRows.append([words.macroAverage, f.plain(m.precision), f.plain(m.recall), f.plain(m.f1), String(m.support)])
        shown.append(.table(ShownTable(header: [words.classWord, words.precision, words.recall, words.f1, words.support],
                                       rows: classRows, alignments: [.left, .decimal, .decimal, .decimal, .right], caption: cell.options.caption)))
        return (.metrics(MetricsOutcome(report: report, evaluated: d, predicted: predicted)), shown)
    }
}

