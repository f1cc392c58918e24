import Canvas
import Neural

extension LineChart {
    /// Loss per epoch from a training history: the training loss and, when the history has one,
    /// the validation loss (dashed). Texts come from the lesson.
    public static func loss(_ history: TrainingHistory, train: String, validation: String, title: String? = nil,
                            xLabel: String?, yLabel: String?, logScale: Bool = false) -> LineChart {
        let epochs = history.records.map { Double($0.epoch) }
        var series = [Series(train, x: epochs, y: history.records.map(\.loss))]
        let val = history.records.compactMap { r in r.validationLoss.map { (Double(r.epoch), $0) } }
        if !val.isEmpty { series.append(Series(validation, x: val.map(\.0), y: val.map(\.1), dash: [5, 3])) }
        var c = LineChart(series, title: title, xLabel: xLabel, yLabel: yLabel)
        c.yScale = logScale ? .log : .linear
        return c
    }

    /// Accuracy per epoch (training and validation when recorded), on a 0…1 axis.
    public static func accuracy(_ history: TrainingHistory, train: String, validation: String, title: String? = nil,
                                xLabel: String?, yLabel: String?) -> LineChart {
        let tr = history.records.compactMap { r in r.accuracy.map { (Double(r.epoch), $0) } }
        let va = history.records.compactMap { r in r.validationAccuracy.map { (Double(r.epoch), $0) } }
        var series: [Series] = []
        if !tr.isEmpty { series.append(Series(train, x: tr.map(\.0), y: tr.map(\.1))) }
        if !va.isEmpty { series.append(Series(validation, x: va.map(\.0), y: va.map(\.1), dash: [5, 3])) }
        var c = LineChart(series, title: title, xLabel: xLabel, yLabel: yLabel)
        c.yDomain = 0...1.02
        return c
    }

    /// An activation function and its derivative over `domain` (the derivative dashed).
    public static func activation(_ f: Activation, over domain: ClosedRange<Double> = -5...5, title: String? = nil,
                                  derivativeName: String? = nil, xLabel: String? = "z") -> LineChart {
        var series = [Series(f.displayName, function: { f.value($0) }, over: domain)]
        if f.hasDerivative && !f.isVectorValued {
            series.append(Series(derivativeName ?? f.displayName + "′", function: { f.derivative($0) }, over: domain, dash: [5, 3]))
        }
        var c = LineChart(series, title: title, xLabel: xLabel, yLabel: nil)
        c.horizontalLines = [0]
        c.verticalLines = domain.contains(0) ? [0] : []
        return c
    }
}

extension SnapshotPanel {
    /// The snapshots a training run kept, in epoch order, each titled by `title(epoch)`.
    public init(history: TrainingHistory, points: [LabeledPoint], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                title: String? = nil, panelTitle: (Int) -> String) {
        let snaps = history.snapshots.keys.sorted().map { Snapshot(panelTitle($0), network: history.snapshots[$0]!) }
        self.init(snaps, points: points, xRange: xRange, yRange: yRange, title: title)
    }
}

extension Heatmap {
    /// A confusion matrix from Neural's counts (rows: true class, columns: predicted).
    public init(confusion m: ConfusionMatrix, trueTitle: String?, predictedTitle: String?, title: String? = nil) {
        self = .confusionMatrix(m.counts, classNames: m.classNames, trueTitle: trueTitle, predictedTitle: predictedTitle, title: title)
    }
}

extension ImageGrid {
    /// Samples `indices` of an image data set (its `imageShape`, 8×8 digits by default), with their
    /// true class names and, when given, the predicted class of each.
    public init(dataset: Dataset, indices: [Int], predicted: [Int]? = nil) {
        let shape = dataset.imageShape ?? ImageShape(width: 8, height: 8)
        let names = dataset.classNames
        func name(_ k: Int) -> String { k >= 0 && k < names.count ? names[k] : String(k) }
        let valid = indices.filter { $0 >= 0 && $0 < dataset.x.rows }
        self.init(images: valid.map { dataset.x.row($0) },
                  trueLabels: valid.map { name(dataset.labels[$0]) },
                  predictedLabels: predicted.map { p in valid.indices.map { $0 < p.count ? name(p[$0]) : "?" } })
        imageWidth = shape.width
        imageHeight = shape.height
        let top = dataset.x.storage.max() ?? 1
        valueRange = 0...(top > 1 ? top : 1)
    }
}
