import Canvas
import Figures
import Neural

/// Turns a cell's figure request into a Figures value (a Canvas.Drawable); the words on axes and
/// legends follow the lesson's language.
struct FigureMaker {
    let words: Words

    func make(_ request: FigureRequest) throws -> any Drawable {
        switch request {
        case .row(let items):
            return FigureGrid(items: try items.map { try make($0, compact: true) })
        case .column(let items):
            return FigureGrid(items: try items.map { try make($0) }, columns: 1)
        default:
            return try make(request, compact: false)
        }
    }

    /// `compact`: sized to sit two to a row at print size (text stays at least 7 pt).
    func make(_ request: FigureRequest, compact: Bool) throws -> any Drawable {
        switch request {
        case .row(let items):
            return FigureGrid(items: try items.map { try make($0, compact: true) })
        case .column(let items):
            return FigureGrid(items: try items.map { try make($0, compact: compact) }, columns: 1)
        case let .networkDiagram(net, weights, recurrent, digits):
            var d = NetworkDiagram(network: net, showWeights: weights)
            // Labels have at most 2 decimals (more do not fit along the edges); a cell printing 2 or
            // fewer gets the same fixed decimals on its diagram, so figure and text agree (0.50 and 0.50).
            if let digits, digits <= 2 {
                d.weightDecimals = digits
                d.fixedWeightDecimals = true
            }
            d.showBiasNodes = net.layers.contains { $0.biasMode != .none } && weights
            if recurrent {
                // A structure diagram: every hidden layer feeds back into itself (a loop over each of
                // its neurons). The feed-forward weights alone would misstate a recurrent network's
                // parameters, so edges are plain (no weights, no colours) and there are no bias nodes.
                d.recurrentLayers = Set(1..<max(1, net.sizes.count - 1))
                d.showWeights = false
                d.showBiasNodes = false
                d.weights = nil
                d.biases = nil
                d.layerCaptions = net.sizes.indices.map { l in
                    l == 0 ? words.input : (l == net.sizes.count - 1 ? words.output : words.hiddenLayer)
                }
            }
            return d
        case let .decisionBoundary(net, data, title):
            let points = LabeledPoint.from(data)
            let r = DecisionBoundary.ranges(around: points)
            var d = DecisionBoundary(network: net, xRange: r.x, yRange: r.y, points: points, title: title)
            d.classNames = data.classNames.count <= 6 ? data.classNames : []
            d.xLabel = data.featureNames.first ?? "x₁"
            d.yLabel = data.featureNames.dropFirst().first ?? "x₂"
            d.resolution = (200, 200)
            d.size = compact ? Size(250, 215) : Size(330, 280)
            return d
        case let .lines(series, xLabel, yLabel, logY):
            var c = LineChart(series.map { s in
                LineChart.Series(s.name, x: s.points.map(\.x), y: s.points.map(\.y),
                                 color: s.emphasized ? Color(hex: "#1A1A1A") : nil, dash: s.dashed ? [5, 3] : [],
                                 width: s.emphasized ? 2.4 : nil, marker: s.markers ? .circle : nil)
            }, xLabel: xLabel, yLabel: yLabel)
            if logY { c.yScale = .log }
            if series.contains(where: \.counts) { c.horizontalLines = [0] }
            if series.count == 1 { c.legend = .none }
            c.size = compact ? Size(250, 215) : Size(380, 250)
            return c
        case let .scatter(data, xLabel, yLabel):
            var s = Scatter(LabeledPoint.from(data), classNames: data.classNames.count <= 6 ? data.classNames : [])
            s.xLabel = xLabel ?? data.featureNames.first ?? "x₁"
            s.yLabel = yLabel ?? data.featureNames.dropFirst().first ?? "x₂"
            s.size = Size(300, 250)
            return s
        case let .fit(points, curves, xLabel, yLabel):
            var series = [LineChart.Series(words.dataWord, x: points.map(\.x), y: points.map(\.y), width: 0, marker: .circle)]
            series += curves.map { LineChart.Series($0.name, x: $0.points.map(\.x), y: $0.points.map(\.y), dash: $0.dashed ? [5, 3] : []) }
            var c = LineChart(series, xLabel: xLabel, yLabel: yLabel)
            if curves.count <= 1 { c.legend = .none }
            c.size = Size.inches(5, 3.4)
            return c
        case let .confusion(counts, classNames):
            return Heatmap.confusionMatrix(counts, classNames: classNames, trueTitle: words.trueClass, predictedTitle: words.predictedClass)
        case let .images(data, count, titles):
            let n = min(count, data.count)
            var g = ImageGrid(images: (0..<n).map { data.x.row($0) })
            if let shape = data.imageShape { g.imageWidth = shape.width; g.imageHeight = shape.height }
            let maxValue = data.x.storage.max() ?? 1
            g.valueRange = 0...(maxValue <= 1 ? 1 : 16)
            if let titles { g.captions = Array(titles.prefix(n)) }
            else if data.isClassification { g.captions = (0..<n).map { data.classNames[data.labels[$0]] } }
            g.columns = min(10, max(n, 1))
            return g
        case let .snapshots(snaps, data):
            let points = LabeledPoint.from(data)
            let r = DecisionBoundary.ranges(around: points)
            var p = SnapshotPanel(snaps.map { SnapshotPanel.Snapshot("\(words.epoch) \($0.epoch)", network: $0.network) },
                                  points: points, xRange: r.x, yRange: r.y)
            p.columns = min(4, max(snaps.count, 1))
            if compact { p.columns = min(2, p.columns) }
            return p
        case let .perceptronBoundary(weights, bias, data, title):
            let points = LabeledPoint.from(data)
            let r = DecisionBoundary.ranges(around: points)
            var d = DecisionBoundary(.linear(weights: weights, bias: bias), xRange: r.x, yRange: r.y, points: points, title: title)
            d.size = Size(300, 250)
            d.showColorBar = false
            d.classNames = data.classNames
            return d
        case let .computationGraph(g):
            return try ComputationGraph.linearRegression(x: g.x, w: g.w, b: g.b, y: g.y)
        }
    }
}
