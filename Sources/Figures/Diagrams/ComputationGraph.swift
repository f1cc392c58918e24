import Canvas
import Foundation
import Neural

/// A computational graph: input, parameter and computation nodes joined by arrows, each node
/// with its forward value and the gradient of the loss with respect to it (backward pass).
public struct ComputationGraph: Drawable, Sendable {
    public enum Kind: Sendable { case input, parameter, computation }

    public struct Node: Sendable {
        public var id: String
        /// What the node is, e.g. "ŷ = u + b".
        public var label: String
        public var kind: Kind
        /// Grid position: column (left to right) and row (top to bottom, may be fractional).
        public var column: Double
        public var row: Double
        public var value: Double?
        public var gradient: Double?
        /// How the gradient is named, e.g. "∂L/∂ŷ".
        public var gradientName: String?

        public init(_ id: String, _ label: String, kind: Kind, column: Double, row: Double,
                    value: Double? = nil, gradient: Double? = nil, gradientName: String? = nil) {
            self.id = id; self.label = label; self.kind = kind; self.column = column; self.row = row
            self.value = value; self.gradient = gradient; self.gradientName = gradientName
        }
    }

    public var nodes: [Node]
    /// Arrows from node id to node id.
    public var edges: [(from: String, to: String)]
    public var title: String?
    /// Legend texts from the lesson, e.g. "forward value", "gradient ∂L/∂·".
    public var valueCaption: String?
    public var gradientCaption: String?
    public var columnGap = 96.0
    public var rowGap = 62.0
    public var theme = Theme.standard

    public init(nodes: [Node], edges: [(from: String, to: String)], title: String? = nil) {
        self.nodes = nodes; self.edges = edges; self.title = title
    }

    /// The blog post's linear regression ŷ = w·x + b, e = ŷ − y, L = e², with the forward values
    /// and the gradients of a real forward and backward pass (a 1-1 identity network with the
    /// sum-of-squares loss) and the chain rule for the rest: ∂L/∂e = 2e, ∂L/∂ŷ = ∂L/∂e·1,
    /// ∂L/∂u = ∂L/∂ŷ·1, ∂L/∂b = ∂L/∂ŷ·1, ∂L/∂w = ∂L/∂u·x, ∂L/∂x = ∂L/∂u·w, ∂L/∂y = ∂L/∂e·(−1).
    public static func linearRegression(x: Double, w: Double, b: Double, y: Double) throws -> ComputationGraph {
        let net = try Network(sizes: [1, 1], activations: [.identity], weights: [Matrix(row: [w])], biases: [Matrix(row: [b])])
        let fwd = try net.forward(Matrix(row: [x]))
        let bt = try net.backward(fwd, target: Matrix(row: [y]), loss: .sse, learningRate: 0)
        let yHat = fwd.output[0, 0]
        let u = x * w
        let e = yHat - y
        let dL_dyHat = bt.dLoss_dOutput[0, 0]
        let dL_de = 2 * e
        let nodes = [
            Node("x", "x", kind: .input, column: 0, row: 0, value: x, gradient: dL_dyHat * w, gradientName: "∂L/∂x"),
            Node("w", "w", kind: .parameter, column: 0, row: 1, value: w, gradient: bt.gradW[0][0, 0], gradientName: "∂L/∂w"),
            Node("u", "u = w·x", kind: .computation, column: 1, row: 0.5, value: u, gradient: dL_dyHat, gradientName: "∂L/∂u"),
            Node("b", "b", kind: .parameter, column: 1, row: 1.5, value: b, gradient: bt.gradB[0][0, 0], gradientName: "∂L/∂b"),
            Node("yhat", "ŷ = u + b", kind: .computation, column: 2, row: 1, value: yHat, gradient: dL_dyHat, gradientName: "∂L/∂ŷ"),
            Node("y", "y", kind: .input, column: 2, row: 2, value: y, gradient: -dL_de, gradientName: "∂L/∂y"),
            Node("e", "e = ŷ − y", kind: .computation, column: 3, row: 1.5, value: e, gradient: dL_de, gradientName: "∂L/∂e"),
            Node("L", "L = e²", kind: .computation, column: 4, row: 1.5, value: bt.loss, gradient: 1, gradientName: "∂L/∂L"),
        ]
        let edges = [("x", "u"), ("w", "u"), ("u", "yhat"), ("b", "yhat"), ("yhat", "e"), ("y", "e"), ("e", "L")]
        return ComputationGraph(nodes: nodes, edges: edges.map { (from: $0.0, to: $0.1) })
    }

    var maxColumn: Double { nodes.map(\.column).max() ?? 0 }
    var maxRow: Double { nodes.map(\.row).max() ?? 0 }
    var hasLegend: Bool { valueCaption?.isEmpty == false || gradientCaption?.isEmpty == false }
    var titleHeight: Double { title?.isEmpty == false ? theme.titleSize * 1.3 + 8 : 0 }

    public var preferredSize: Size {
        Size(maxColumn * columnGap + 110, maxRow * rowGap + 68 + titleHeight + (hasLegend ? 22 : 0))
    }

    func fill(_ k: Kind) -> Color {
        switch k {
        case .input: return .white
        case .parameter: return Color(hex: "#D6EAF5")     // light Okabe–Ito sky blue
        case .computation: return Color(hex: "#FBEBB5")   // light yellow, as in the blog's figure
        }
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        let ids = Set(nodes.map(\.id))
        for e in edges where !ids.contains(e.from) || !ids.contains(e.to) {
            throw FigureError.invalid("edge \(e.from) → \(e.to) names a node that is not in the graph")
        }
        let f = theme.numbers
        let ns = theme.style(theme.labelSize)
        let vs = theme.style(theme.annotationSize)
        let gs = theme.style(theme.annotationSize, color: theme.negativeText)
        let legendH = hasLegend ? 22.0 : 0
        // Scale the grid to the rectangle, keeping room for the boxes (about 90 × 60 each).
        let gx = maxColumn > 0 ? (rect.width - 110) / maxColumn : 0
        let gy = maxRow > 0 ? (rect.height - 68 - titleHeight - legendH) / maxRow : 0
        func center(_ n: Node) -> Point {
            Point(rect.minX + 55 + n.column * gx, rect.minY + titleHeight + 22 + n.row * gy)
        }
        var boxes: [String: Rect] = [:]
        for n in nodes {
            let s = try canvas.measure(n.label, style: ns)
            let w = max(30, s.width + 14), h = s.height + 10
            let c = center(n)
            boxes[n.id] = Rect(x: c.x - w / 2, y: c.y - h / 2, width: w, height: h)
        }
        // Arrows from box edge to box edge.
        for e in edges {
            guard let a = boxes[e.from], let b = boxes[e.to] else { continue }
            let p0 = ComputationGraph.exit(a, toward: b.center), p1 = ComputationGraph.exit(b, toward: a.center)
            canvas.newPath()
            canvas.line(from: p0, to: p1)
            canvas.stroke(theme.axis, width: 1.1)
            let d = Point(p1.x - p0.x, p1.y - p0.y)
            let len = max(1e-9, (d.x * d.x + d.y * d.y).squareRoot())
            let u = Point(d.x / len, d.y / len)
            canvas.newPath()
            canvas.polyline([p1, Point(p1.x - 7 * u.x - 3.2 * u.y, p1.y - 7 * u.y + 3.2 * u.x),
                             Point(p1.x - 7 * u.x + 3.2 * u.y, p1.y - 7 * u.y - 3.2 * u.x)], closed: true)
            canvas.fill(theme.axis)
        }
        for n in nodes {
            guard let r = boxes[n.id] else { continue }
            canvas.newPath()
            if n.kind == .computation { canvas.roundedRect(r, radius: r.height / 2) } else { canvas.roundedRect(r, radius: 3) }
            canvas.fillPreserve(fill(n.kind))
            canvas.stroke(theme.nodeStroke, width: 1)
            try canvas.drawText(n.label, at: r.center, style: ns, anchor: .center)
            var y = r.maxY + 2
            if let v = n.value {
                let l = try canvas.drawText("= " + f.compact(v, maxDecimals: 4), at: Point(r.midX, y), style: vs, anchor: .top)
                y += l.size.height
            }
            if let g = n.gradient {
                let name = n.gradientName.map { $0 + " = " } ?? ""
                try canvas.drawText(name + f.compact(g, maxDecimals: 4), at: Point(r.midX, y), style: gs, anchor: .top)
            }
        }
        if let t = title, !t.isEmpty {
            try canvas.drawText(t, at: Point(rect.midX, rect.minY + 4), style: theme.titleStyle, anchor: .top)
        }
        if hasLegend {
            var x = rect.minX + 8
            let y = rect.maxY - 12
            for (text, style) in [(valueCaption, vs), (gradientCaption, gs)] {
                guard let t = text, !t.isEmpty else { continue }
                canvas.newPath()
                canvas.rect(Rect(x: x, y: y - 4, width: 8, height: 8))
                canvas.fill(style.color)
                let l = try canvas.drawText(t, at: Point(x + 12, y), style: style, anchor: .left)
                x += 12 + l.size.width + 18
            }
        }
        try canvas.check("drawing a computational graph")
    }

    /// Where the segment from the centre of `r` towards `p` leaves `r`.
    static func exit(_ r: Rect, toward p: Point) -> Point {
        let c = r.center
        let dx = p.x - c.x, dy = p.y - c.y
        guard dx != 0 || dy != 0 else { return c }
        let tx = dx == 0 ? Double.infinity : (r.width / 2) / abs(dx)
        let ty = dy == 0 ? Double.infinity : (r.height / 2) / abs(dy)
        let t = min(tx, ty)
        return Point(c.x + dx * t, c.y + dy * t)
    }
}
