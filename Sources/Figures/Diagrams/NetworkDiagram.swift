import Canvas
import Foundation
import Neural

/// A layered network drawn the way the slides draw it: nodes by layer (x₁…, h₁…, ŷ₁…), optional
/// bias nodes "1", edges coloured by the weight's sign (blue +, vermillion −) and as wide as its
/// magnitude, weight labels that overlap neither each other nor a node (placed along their edge,
/// near the source, on a white halo), optional z and a from a forward pass beside the nodes,
/// captions with the layer sizes, "⋮" for the middle of big layers, and loops over the neurons of
/// recurrent layers.
public struct NetworkDiagram: Drawable, Sendable {
    public var sizes: [Int]
    /// W⁽ˡ⁾ for l = 1…L in the course's in-out layout (a row per input neuron).
    public var weights: [Matrix]?
    /// b⁽ˡ⁾ as 1×out rows.
    public var biases: [Matrix]?
    /// Weight labels on the edges; nil: shown when there are at most 40 edges (a bigger diagram
    /// with every weight written on it does not read, whatever the placement).
    public var showWeights: Bool?
    public var showBiasNodes = false
    /// Node texts per layer (all neurons of the layer); nil: x₁…, h₁… (h₁⁽ˡ⁾… for several hidden layers), ŷ₁….
    public var nodeLabels: [[String]]?
    /// Text under each column, from the lesson ("Input layer", "Lớp ẩn" …); sizes are appended.
    public var layerCaptions: [String] = []
    public var showSizes = true
    /// Text beside each neuron (z and a of a forward pass, see `with(trace:)`).
    public var nodeValues: [[String]]?
    /// The most decimals a weight label has.
    public var weightDecimals = 2
    /// true: every weight label has exactly `weightDecimals` decimals (a lesson with `digits: 2`
    /// prints 0.50, and so does its diagram). false: a weight that is exact with fewer decimals is
    /// written short, as the lesson gave it (0.5, 1, −1.5), and a rounded one keeps all its decimals
    /// (0.4996 → 0.50, 0.998 → 1.00), so that no rounded number passes for an exact one.
    public var fixedWeightDecimals = false
    /// Layers (0 = input) whose neurons feed their output back into themselves, as in a recurrent
    /// network: each shown neuron of such a layer gets a loop with an arrowhead over its circle.
    public var recurrentLayers: Set<Int> = []
    /// The loops' colour: Okabe–Ito's bluish green, apart from the weights' blue and vermillion.
    public var loopColor = Color(hex: "#009E73")
    /// Layers with more neurons show their first and last ones around "⋮".
    public var maxNodesShown = 7
    /// nil: the size at which every weight label finds a place.
    public var size: Size?
    public var theme = Theme.standard
    public var nodeRadius = 13.0

    public init(sizes: [Int], weights: [Matrix]? = nil, biases: [Matrix]? = nil) {
        self.sizes = sizes
        self.weights = weights
        self.biases = biases
    }

    /// A network's diagram with its weights (and bias nodes when it has biases).
    public init(network: Network, showWeights: Bool? = nil) {
        self.init(sizes: network.sizes, weights: network.weights, biases: network.biases)
        self.showWeights = showWeights
        self.showBiasNodes = network.layers.contains { $0.biasMode != .none }
    }

    /// The same diagram with sample `sample` of a forward pass written under the nodes:
    /// the input value under xᵢ, z and a under every other neuron.
    public func with(trace: ForwardTrace, sample: Int = 0) -> NetworkDiagram {
        var d = self
        let f = theme.numbers
        var values: [[String]] = []
        let inRow = sample < trace.input.rows ? trace.input.row(sample) : []
        values.append(inRow.map { f.compact($0, maxDecimals: 3) })
        for l in 0..<trace.a.count {
            let z = sample < trace.z[l].rows ? trace.z[l].row(sample) : []
            let a = sample < trace.a[l].rows ? trace.a[l].row(sample) : []
            values.append(zip(z, a).map { "z = \(f.compact($0, maxDecimals: 3))\na = \(f.compact($1, maxDecimals: 3))" })
        }
        d.nodeValues = values
        return d
    }

    static func defaultLabels(_ sizes: [Int]) -> [[String]] {
        let n = sizes.count
        return sizes.enumerated().map { l, size in
            (0..<size).map { i in
                let sub = NumberFormat.subscript(i + 1)
                if l == 0 { return "x" + sub }
                if l == n - 1 { return size == 1 ? "ŷ" : "ŷ" + sub }
                return n > 3 ? "h" + sub + "⁽" + NumberFormat.superscript(l).replacingOccurrences(of: "⁻", with: "") + "⁾" : "h" + sub
            }
        }
    }

    var edgeCount: Int {
        zip(sizes, sizes.dropFirst()).map { $0 * $1 }.reduce(0, +) + (showBiasNodes ? sizes.dropFirst().reduce(0, +) : 0)
    }

    func spec() -> NetworkGeometry.Spec {
        let showWeights = self.showWeights ?? (edgeCount <= 40)
        let w = weights?.map { m in (0..<m.rows).map { m.row($0) } }
        let b = biases?.map { $0.row(0) }
        let captions = sizes.indices.map { l -> String in
            let c = l < layerCaptions.count ? layerCaptions[l] : ""
            guard showSizes else { return c }
            return c.isEmpty ? "(\(sizes[l]))" : "\(c) (\(sizes[l]))"
        }
        return NetworkGeometry.Spec(
            sizes: sizes, weights: w,
            weightTexts: showWeights ? w?.map { $0.map { $0.map(weightLabel) } } : nil,
            biases: b, biasTexts: showWeights && showBiasNodes ? b?.map { $0.map(weightLabel) } : nil,
            showBiasNodes: showBiasNodes,
            nodeLabels: nodeLabels ?? NetworkDiagram.defaultLabels(sizes),
            captions: captions, valueTexts: nodeValues, maxShown: maxNodesShown, radius: nodeRadius,
            nodeFont: theme.labelSize, weightFont: theme.annotationSize,
            captionFont: theme.tickSize, valueFont: max(theme.minimumTextSize, theme.annotationSize - 0.5),
            recurrent: sizes.indices.map { recurrentLayers.contains($0) })
    }

    /// A weight or bias as its edge label says it (see `fixedWeightDecimals`).
    public func weightLabel(_ w: Double) -> String {
        let f = theme.numbers
        let d = max(0, min(weightDecimals, 6))
        guard w.isFinite else { return f.compact(w) }
        let scaled = w * pow(10, Double(d))
        // A weight too small to show at these decimals is written in scientific form, never as a false 0.
        if w != 0 && scaled.rounded() == 0 { return f.compact(w, maxDecimals: d) }
        if fixedWeightDecimals { return f.fixed(w, decimals: d) }
        let exact = abs(scaled.rounded() - scaled) <= 1e-9 * max(1, abs(scaled))
        return exact ? f.compact(w, maxDecimals: d) : f.fixed(w, decimals: d)
    }

    func measurer(_ canvas: Canvas) -> NetworkGeometry.Measure {
        let base = theme.style(theme.labelSize)
        return { text, size, wrap in
            var style = base.with(size: size)
            if let w = wrap { style = style.with(width: max(10, w)).with(alignment: .center) }
            let s = (try? canvas.measure(text, style: style)) ?? Size(Double(text.count) * size * 0.65, size * 1.2)
            return (s.width, s.height)
        }
    }

    public var preferredSize: Size {
        if let size { return size }
        let s = NetworkGeometry.preferredSize(spec(), measure: measurer(Canvas.measuring()))
        return Size(s.width, s.height)
    }

    /// The positioned boxes the diagram would draw in `rect` (for tests and for callers that
    /// annotate the diagram).
    func geometry(in rect: Rect, on canvas: Canvas) -> NetworkGeometry {
        NetworkGeometry(spec(), in: Box(rect), measure: measurer(canvas))
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else {
            throw FigureError.invalid("a network diagram needs at least one layer and every layer at least one neuron, not \(sizes)")
        }
        let g = geometry(in: rect, on: canvas)
        let r = g.layout.radius
        let maxAbs = max(1e-12, g.edges.compactMap { $0.weight.map(abs) }.max() ?? 1)

        // Edges, from circle to circle; thin ones first so thick ones stay on top.
        for e in g.edges.sorted(by: { abs($0.weight ?? 0) < abs($1.weight ?? 0) }) {
            let d = e.to - e.from
            let len = d.length
            guard len > 2 * r else { continue }
            let u = d * (1 / len)
            canvas.newPath()
            canvas.line(from: (e.from + u * r).point, to: (e.to - u * r).point)
            if let w = e.weight {
                let c = w >= 0 ? theme.positive : theme.negative
                canvas.stroke(c.withAlpha(0.85), width: 0.5 + 2.3 * abs(w) / maxAbs, dash: e.isBias ? [3, 2] : [])
            } else {
                canvas.stroke(theme.axis.withAlpha(0.55), width: 0.7, dash: e.isBias ? [3, 2] : [])
            }
        }
        // Feedback loops: drawn before the nodes so that each one ends on its circle's outline.
        // A white casing under each loop lets it cross the edges that come in from above cleanly.
        for loop in g.loops {
            for (color, width) in [(Color.white, 3.4), (loopColor, 1.2)] {
                canvas.newPath()
                canvas.move(to: loop.start.point)
                canvas.curve(to: loop.end.point, control1: loop.control1.point, control2: loop.control2.point)
                canvas.stroke(color, width: width)
                canvas.newPath()
                canvas.polyline(loop.arrow.map(\.point), closed: true)
                if color == .white { canvas.stroke(color, width: 2) } else { canvas.fill(color) }
            }
        }
        for p in g.ellipses {
            try canvas.drawText("⋮", at: p.point, style: theme.style(theme.titleSize + 4, bold: true), anchor: .center)
        }
        for n in g.nodes {
            canvas.newPath()
            canvas.circle(center: n.center.point, radius: r)
            canvas.fillPreserve(n.isBias ? theme.biasFill : theme.nodeFill)
            canvas.stroke(theme.nodeStroke, width: 1, dash: n.isBias ? [2.5, 1.5] : [])
            // Shrink a long label to fit its circle, never below the minimum size.
            var style = theme.style(theme.labelSize)
            if let w = try? canvas.measure(n.text, style: style).width, w > 2 * r - 3 {
                style = style.with(size: max(theme.minimumTextSize, theme.labelSize * (2 * r - 3) / w))
            }
            try canvas.drawText(n.text, at: n.center.point, style: style, anchor: .center)
        }
        let valueStyle = theme.style(max(theme.minimumTextSize, theme.annotationSize - 0.5)).with(alignment: .center)
        for v in g.values {
            halo(v.box.rect.insetBy(-1), on: canvas)
            let l = try canvas.layout(v.text, style: valueStyle)
            canvas.draw(l, at: Point(v.box.minX, v.box.minY))
        }
        for l in g.labels {
            halo(l.box.rect.insetBy(dx: -0.6, dy: -0.4), on: canvas)
            let style = theme.style(theme.annotationSize, color: l.weight < 0 ? theme.negativeText : theme.positiveText)
            try canvas.drawText(l.text, at: l.box.center.point, style: style, anchor: .center)
        }
        let capStyle = theme.style(theme.tickSize).with(alignment: .center)
        for c in g.captions {
            let l = try canvas.layout(c.text, style: capStyle.with(width: max(10, c.box.width + 0.5)))
            canvas.draw(l, at: Point(c.box.minX, c.box.minY))
        }
        try canvas.check("drawing a network diagram")
    }

    private func halo(_ r: Rect, on canvas: Canvas) {
        canvas.newPath()
        canvas.roundedRect(r, radius: 2)
        canvas.fill(Color.white.withAlpha(0.94))
    }
}
