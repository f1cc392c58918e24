import Foundation

/// Everything a network diagram draws, as positioned boxes: computed without drawing so that
/// tests can check that no weight label overlaps another label or a node.
struct NetworkGeometry: Sendable {
    /// What to lay out (the diagram's data with its texts already formatted).
    struct Spec: Sendable {
        var sizes: [Int]
        /// weightTexts[l][i][j]: label of the edge from neuron i of layer l to neuron j of layer l+1.
        var weights: [[[Double]]]?
        var weightTexts: [[[String]]]?
        /// biasTexts[l][j]: label of the edge from the bias node into neuron j of layer l+1.
        var biases: [[Double]]?
        var biasTexts: [[String]]?
        var showBiasNodes: Bool
        var nodeLabels: [[String]]
        var captions: [String]
        /// valueTexts[l][i]: text beside neuron i of layer l (one or more lines), or nil.
        var valueTexts: [[String]]?
        var maxShown: Int
        var radius: Double
        var nodeFont: Double
        var weightFont: Double
        var captionFont: Double
        var valueFont: Double
        /// recurrent[l]: layer l feeds its output back into itself (a loop over each of its neurons).
        var recurrent: [Bool] = []

        var hasLoops: Bool { recurrent.contains(true) }
    }

    struct Edge: Sendable {
        var from: XY
        var to: XY
        var weight: Double?
        var isBias: Bool
    }

    struct Label: Sendable {
        var text: String
        var box: Box
        var weight: Double
    }

    struct Node: Sendable {
        var center: XY
        var text: String
        var isBias: Bool
    }

    struct TextBox: Sendable {
        var text: String
        var box: Box
    }

    /// A recurrent neuron's output fed back into it: a cubic curve that leaves the top of the circle
    /// on the right (the output side) and comes back in on the left (the input side), ending in an
    /// arrowhead on the circle.
    struct Loop: Sendable {
        var node: XY
        var start, control1, control2, end: XY
        /// The arrowhead's three corners, the tip first (on the circle).
        var arrow: [XY]
        /// Everything the loop draws, its stroke included.
        var box: Box

        /// How far a loop rises above its node's circle, in radii (the layout keeps this free).
        static let rise = 0.95

        init(around c: XY, radius r: Double) {
            node = c
            // Leave and return 36° either side of the top; the control points make a loop about
            // 1.3 r wide that peaks 0.88 r above the circle.
            let s = sin(36 * Double.pi / 180), k = cos(36 * Double.pi / 180)
            start = XY(c.x + s * r, c.y - k * r)
            end = XY(c.x - s * r, c.y - k * r)
            control1 = XY(c.x + 1.45 * r, c.y - 2.25 * r)
            control2 = XY(c.x - 1.45 * r, c.y - 2.25 * r)
            // The arrowhead points along the curve's last tangent (control2 → end).
            let d = end - control2
            let u = d * (1 / max(1e-9, d.length))
            let len = min(6, 0.5 * r), half = 0.42 * len
            let base = end - u * len
            arrow = [end, XY(base.x - u.y * half, base.y + u.x * half), XY(base.x + u.y * half, base.y - u.x * half)]
            var b = Box(minX: start.x, minY: start.y, maxX: start.x, maxY: start.y)
            let (p0, p1, p2, p3) = (start, control1, control2, end)
            for p in (0...32).map({ Loop.bezier(p0, p1, p2, p3, Double($0) / 32) }) + arrow {
                b = Box(minX: min(b.minX, p.x), minY: min(b.minY, p.y), maxX: max(b.maxX, p.x), maxY: max(b.maxY, p.y))
            }
            box = b.insetBy(-0.8, -0.8)
        }

        func point(at t: Double) -> XY { Loop.bezier(start, control1, control2, end, t) }

        static func bezier(_ p0: XY, _ p1: XY, _ p2: XY, _ p3: XY, _ t: Double) -> XY {
            let u = 1 - t
            return p0 * (u * u * u) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t * t * t)
        }
    }

    var layout: NetworkLayout
    var nodes: [Node]
    var ellipses: [XY]
    var edges: [Edge]
    var labels: [Label]
    /// Labels that found no free place in this rectangle (drawn nowhere rather than over something).
    var unplaced: Int
    var values: [TextBox]
    var captions: [TextBox]
    /// One loop per shown neuron of each recurrent layer.
    var loops: [Loop]

    typealias Measure = (_ text: String, _ size: Double, _ wrapWidth: Double?) -> (width: Double, height: Double)

    init(_ spec: Spec, in rect: Box, measure: Measure) {
        let n = spec.sizes.count
        // Captions under the columns: their height is reserved at the foot of the rectangle.
        let gapGuess = n > 1 ? (rect.width - 2 * spec.radius) / Double(n - 1) : rect.width
        let captionWrap = max(40, min(gapGuess * 0.92, 150))
        let captionSizes = spec.captions.map { $0.isEmpty ? (width: 0.0, height: 0.0) : measure($0, spec.captionFont, captionWrap) }
        let captionH = captionSizes.map(\.height).max() ?? 0
        // Values sit under their node; the lowest node needs room for them.
        let valueSizes = (spec.valueTexts ?? []).map { $0.map { measure($0, spec.valueFont, nil) } }
        let valueH = valueSizes.flatMap { $0 }.map(\.height).max() ?? 0
        // The first and last columns' captions and values must not stick out of the rectangle.
        func halfWidest(_ l: Int) -> Double {
            guard l >= 0 else { return 0 }
            let c = l < captionSizes.count ? captionSizes[l].width : 0
            let v = l < valueSizes.count ? (valueSizes[l].map(\.width).max() ?? 0) : 0
            return max(c, v) / 2
        }
        let leftInset = max(2, halfWidest(0) - spec.radius + 2)
        let rightInset = max(2, halfWidest(n - 1) - spec.radius + 2)
        // Loops rise above the top nodes: their height is reserved at the head of the rectangle.
        let loopRoom = spec.hasLoops ? Loop.rise * spec.radius + 1.5 : 0
        let nodeBox = Box(minX: rect.minX + leftInset, minY: rect.minY + 2 + loopRoom,
                          maxX: rect.maxX - rightInset,
                          maxY: rect.maxY - 2 - (captionH > 0 ? captionH + 6 : 0) - (valueH > 0 ? valueH + 2 : 0))
        let biasInto = (0..<n).map { l in l >= 1 && spec.showBiasNodes }
        let layout = NetworkLayout(sizes: spec.sizes, biasInto: biasInto, maxShown: spec.maxShown,
                                   in: nodeBox, radius: spec.radius, roomAbove: spec.hasLoops ? Loop.rise + 0.15 : 0)
        self.layout = layout
        let r = layout.radius

        var nodes: [Node] = [], ellipses: [XY] = []
        for c in layout.columns {
            for (slot, p) in zip(c.slots, c.centers) {
                switch slot {
                case .node(let i):
                    let labels = c.layer < spec.nodeLabels.count ? spec.nodeLabels[c.layer] : []
                    nodes.append(Node(center: p, text: i < labels.count ? labels[i] : "", isBias: false))
                case .bias: nodes.append(Node(center: p, text: "1", isBias: true))
                case .ellipsis: ellipses.append(p)
                }
            }
        }
        self.nodes = nodes
        self.ellipses = ellipses
        var loops: [Loop] = []
        for l in 0..<min(n, spec.recurrent.count) where spec.recurrent[l] {
            for i in layout.shownNeurons(l) {
                if let p = layout.center(layer: l, index: i) { loops.append(Loop(around: p, radius: r)) }
            }
        }
        self.loops = loops

        // Values under nodes.
        var values: [TextBox] = []
        if let vt = spec.valueTexts {
            for l in 0..<min(n, vt.count) {
                for i in layout.shownNeurons(l) where i < vt[l].count && !vt[l][i].isEmpty {
                    guard let p = layout.center(layer: l, index: i) else { continue }
                    let m = measure(vt[l][i], spec.valueFont, nil)
                    values.append(TextBox(text: vt[l][i],
                                          box: Box(x: p.x - m.width / 2, y: p.y + r + 1.5, width: m.width, height: m.height)))
                }
            }
        }
        self.values = values

        // Edges, and the label requests for those that carry a number.
        var edges: [Edge] = []
        var requests: [LabelPlacer.Request] = []
        var requestTexts: [(String, Double)] = []
        for l in 1..<max(1, n) {
            let targets = layout.shownNeurons(l)
            for i in layout.shownNeurons(l - 1) {
                guard let a = layout.center(layer: l - 1, index: i) else { continue }
                for j in targets {
                    guard let b = layout.center(layer: l, index: j) else { continue }
                    let w = spec.weights.flatMap { l - 1 < $0.count && i < $0[l - 1].count && j < $0[l - 1][i].count ? $0[l - 1][i][j] : nil }
                    edges.append(Edge(from: a, to: b, weight: w, isBias: false))
                    if let wt = spec.weightTexts, l - 1 < wt.count, i < wt[l - 1].count, j < wt[l - 1][i].count {
                        let m = measure(wt[l - 1][i][j], spec.weightFont, nil)
                        requests.append(.init(from: a, to: b, width: m.width + 2, height: m.height))
                        requestTexts.append((wt[l - 1][i][j], w ?? 0))
                    }
                }
            }
            if let a = layout.biasCenter(into: l) {
                for j in targets {
                    guard let b = layout.center(layer: l, index: j) else { continue }
                    let w = spec.biases.flatMap { l - 1 < $0.count && j < $0[l - 1].count ? $0[l - 1][j] : nil }
                    edges.append(Edge(from: a, to: b, weight: w, isBias: true))
                    if let bt = spec.biasTexts, l - 1 < bt.count, j < bt[l - 1].count {
                        let m = measure(bt[l - 1][j], spec.weightFont, nil)
                        requests.append(.init(from: a, to: b, width: m.width + 2, height: m.height))
                        requestTexts.append((bt[l - 1][j], w ?? 0))
                    }
                }
            }
        }
        self.edges = edges

        // Captions under each column.
        var captions: [TextBox] = []
        for (l, c) in layout.columns.enumerated() where l < spec.captions.count && !spec.captions[l].isEmpty {
            let m = captionSizes[l]
            captions.append(TextBox(text: spec.captions[l],
                                    box: Box(x: c.x - m.width / 2, y: rect.maxY - 2 - captionH, width: m.width, height: m.height)))
        }
        self.captions = captions

        var placer = LabelPlacer()
        placer.obstacles = layout.nodeDiscs.map { .init(center: $0.center, radius: $0.radius + 1) }
        placer.blocked = values.map(\.box) + ellipses.map { Box(center: $0, width: 8, height: 2 * r) } + loops.map(\.box)
        placer.bounds = rect
        let boxes = placer.place(requests)
        var labels: [Label] = []
        var unplaced = 0
        for (k, b) in boxes.enumerated() {
            if let b { labels.append(Label(text: requestTexts[k].0, box: b, weight: requestTexts[k].1)) } else { unplaced += 1 }
        }
        self.labels = labels
        self.unplaced = unplaced
    }

    /// The smallest comfortable size at which every weight label finds a place: start from a
    /// compact diagram and widen the gaps between layers (and the spacing of nodes) until none is
    /// left out.
    static func preferredSize(_ spec: Spec, measure: Measure) -> (width: Double, height: Double) {
        let n = spec.sizes.count
        let tallest = spec.sizes.enumerated().map { l, s in
            NetworkLayout.visibleSlots(size: s, maxShown: spec.maxShown).count + (spec.showBiasNodes && l < n - 1 ? 1 : 0)
        }.max() ?? 1
        let hasLabels = spec.weightTexts != nil || spec.biasTexts != nil
        let valueH = spec.valueTexts == nil ? 0 :
            (spec.valueTexts!.flatMap { $0 }.map { measure($0, spec.valueFont, nil).height }.max() ?? 0)
        var gap = hasLabels ? 118.0 : 80.0
        var spacing = max(2 * spec.radius + 10, 2 * spec.radius + valueH + 8)
        if hasLabels { spacing = max(spacing, 2 * spec.radius + 16) }
        // A loop and a gap between it and the node above (the layout's radius rule, solved for spacing).
        let loopRoom = spec.hasLoops ? Loop.rise * spec.radius + 1.5 : 0
        if spec.hasLoops { spacing = max(spacing, (2 + Loop.rise + 0.15) * spec.radius / 0.84 + 1) }
        let captionH = spec.captions.contains { !$0.isEmpty } ? 2 * spec.captionFont * 1.25 + 6 : 0
        var size = (width: 0.0, height: 0.0)
        for _ in 0..<16 {
            let captionWrap = max(40, min(gap * 0.92, 150))
            func halfWidest(_ l: Int) -> Double {
                guard l >= 0 else { return 0 }
                let c = l < spec.captions.count && !spec.captions[l].isEmpty ? measure(spec.captions[l], spec.captionFont, captionWrap).width : 0
                let v = spec.valueTexts.map { l < $0.count ? ($0[l].map { measure($0, spec.valueFont, nil).width }.max() ?? 0) : 0 } ?? 0
                return max(c, v) / 2
            }
            let insets = max(2, halfWidest(0) - spec.radius + 2) + max(2, halfWidest(n - 1) - spec.radius + 2)
            size = (width: insets + 2 * spec.radius + gap * Double(max(0, n - 1)),
                    height: 4 + loopRoom + 2 * spec.radius + spacing * Double(max(0, tallest - 1)) + captionH + (valueH > 0 ? valueH + 2 : 0))
            if !hasLabels { break }
            let g = NetworkGeometry(spec, in: Box(x: 0, y: 0, width: size.width, height: size.height), measure: measure)
            if g.unplaced == 0 { break }
            gap *= 1.12
            spacing *= 1.08
        }
        return (size.width.rounded(.up), size.height.rounded(.up))
    }
}
