import Foundation
import Neural

struct LossOutcome {
    var value: Double
    var gradient: Matrix
}

struct GradCheckOutcome {
    var check: GradientCheck
}

extension Executor {
    func runActivation(_ cell: Cell, _ s: ActivationSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let fs = try s.functions.map { try resolveActivation($0, in: cell) }
        var shown: [Shown] = []
        let showTable = s.show == "table" || s.show == "both"
        let showPlot = s.show == "plot" || s.show == "both" || s.show == "grid"
        for f in fs {
            var t = f.tex
            if s.derivative { t += ", \\qquad " + f.derivativeTeX }
            shown.append(.paragraph("**\(f.displayName)**"))
            shown.append(.math(t))
        }
        if showTable {
            var header = ["z"]
            for f in fs {
                header.append("\(TeXless.plainName(f))(z)")
                if s.derivative && !f.isVectorValued { header.append("\(TeXless.plainName(f))′(z)") }
            }
            let rows = s.at.map { z -> [String] in
                var r = [fmt.given(z)]
                for f in fs {
                    r.append(fmt.plain(f.isVectorValued ? 1 : f.value(z)))
                    // The step has no derivative at 0: the table says so, as its formula does ("?").
                    if s.derivative && !f.isVectorValued { r.append(!f.hasDerivative && z == 0 ? "?" : fmt.plain(f.derivative(z))) }
                }
                return r
            }
            shown.append(.table(ShownTable(header: header, rows: rows, alignments: header.map { _ in .decimal },
                                           caption: showPlot ? nil : cell.options.caption)))
        }
        if showPlot {
            let n = 201
            let xs = (0..<n).map { s.range.0 + (s.range.1 - s.range.0) * Double($0) / Double(n - 1) }
            var series: [FigureRequest.Series] = []
            for f in fs where !f.isVectorValued {
                series.append(.init(name: "\(TeXless.plainName(f))(z)", points: xs.map { (x: $0, y: f.value($0)) }))
                if s.derivative && f.hasDerivative {
                    series.append(.init(name: "\(TeXless.plainName(f))′(z)", points: xs.map { (x: $0, y: f.derivative($0)) }, dashed: true))
                }
            }
            // Without a caption the figure names its functions (not the y axis's "Value").
            let plotted = fs.filter { !$0.isVectorValued }
            let named = words.activationPlotCaption(plotted.map { words.functionName($0.displayName) },
                                                    derivatives: s.derivative && plotted.contains { $0.hasDerivative })
            shown.append(.figure(.lines(series: series, xLabel: "z", yLabel: words.value, logY: false), caption: cell.options.caption ?? named))
        }
        return (.shown(kind: .activation), shown)
    }

    func runLoss(_ cell: Cell, _ s: LossSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let loss = try resolveLoss(Located(s.loss, at: cell.fields.location(of: "loss")), in: cell)
        let p = try Matrix(s.predicted), y = try Matrix(s.target)
        let value = try loss.value(predicted: p, target: y)
        let grad = try loss.gradient(predicted: p, target: y)
        try checkFinite([value], "the loss")
        try checkFinite(grad.storage, "the gradient ∂J/∂ŷ")
        // Reuse the backward presenter's loss line on a one-layer identity "network" of the outputs.
        var terms: [String] = []
        for k in 0..<p.count {
            let a = fmt.texGiven(p.storage[k]), t = fmt.texGiven(y.storage[k])
            switch loss.kind {
            case .halfSSE, .sse, .mse: terms.append("(\(a) - \(t))^{2}")
            case .binaryCrossEntropy: terms.append("\(t) \\ln \(a) + (1 - \(t)) \\ln(1 - \(a))")
            case .categoricalCrossEntropy: if y.storage[k] != 0 { terms.append("\(t) \\ln \(a)") }
            }
        }
        let sum = terms.joined(separator: " + ")
        let scale = loss.reduction == .mean && p.rows > 1 ? "\\frac{1}{\(p.rows)}" : ""
        let name = loss.kind == .halfSSE || loss.kind == .sse ? "E" : "J"
        let worked: String
        switch loss.kind {
        case .halfSSE: worked = "\(scale)\\frac{1}{2}\\left[\(sum)\\right]"
        case .sse: worked = "\(scale)\\left[\(sum)\\right]"
        case .mse: worked = "\(scale)\\frac{1}{\(p.cols)}\\left[\(sum)\\right]"
        default: worked = "-\(scale)\\left[\(sum)\\right]"
        }
        var shown: [Shown] = [.math(loss.tex), .math("\(name) = \(worked) = \(fmt.tex(value))"), .math(loss.gradientTeX)]
        let lines = (0..<p.count).map { k -> String in
            let a = fmt.texGiven(p.storage[k]), t = fmt.texGiven(y.storage[k])
            let idx = p.rows == 1 ? "\(k + 1)" : "\(k / p.cols + 1)\(k % p.cols + 1)"
            let m = scale
            let expr: String
            switch loss.kind {
            case .halfSSE: expr = "\(m)(\(a) - \(t))"
            case .sse: expr = "\(m)2(\(a) - \(t))"
            case .mse: expr = "\(m)\\frac{2}{\(p.cols)}(\(a) - \(t))"
            case .binaryCrossEntropy: expr = "\(m)\\frac{\(a) - \(t)}{\(a)(1 - \(a))}"
            case .categoricalCrossEntropy: expr = "-\(m)\\frac{\(t)}{\(a)}"
            }
            return "\\frac{\\partial \(name)}{\\partial \\hat{y}_{\(idx)}} &= \(expr) = \(fmt.tex(grad.storage[k]))"
        }
        shown.append(.math(TeX.aligned(lines)))
        return (.loss(LossOutcome(value: value, gradient: grad)), shown)
    }

    func graphValues(_ s: GraphSpec) -> GraphValues {
        let yHat = s.w * s.x + s.b, e = yHat - s.y
        return GraphValues(x: s.x, w: s.w, b: s.b, y: s.y, yHat: yHat, e: e, loss: e * e,
                           dLde: 2 * e, dLdyHat: 2 * e, dLdw: 2 * e * s.x, dLdb: 2 * e)
    }

    func runGraph(_ cell: Cell, _ s: GraphSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let g = graphValues(s)
        try checkFinite([g.yHat, g.e, g.loss, g.dLdw, g.dLdb], "a value of the graph")
        let f = fmt
        var shown: [Shown] = [.figure(.computationGraph(g), caption: cell.options.caption)]
        shown.append(.math(TeX.aligned([
            "\\hat{y} &= w x + b = \(f.texGivenFactor(g.w)) \\cdot \(f.texGivenFactor(g.x)) + \(f.texGivenFactor(g.b)) = \(f.tex(g.yHat))",
            "e &= \\hat{y} - y = \(f.tex(g.yHat)) - \(f.texGivenFactor(g.y)) = \(f.tex(g.e))",
            "L &= e^{2} = \(f.texFactor(g.e))^{2} = \(f.tex(g.loss))",
        ])))
        shown.append(.math(TeX.aligned([
            "\\frac{\\partial L}{\\partial e} &= 2e = 2 \\cdot \(f.texFactor(g.e)) = \(f.tex(g.dLde))",
            "\\frac{\\partial L}{\\partial \\hat{y}} &= \\frac{\\partial L}{\\partial e} \\cdot \\frac{\\partial e}{\\partial \\hat{y}} = \(f.texFactor(g.dLde)) \\cdot 1 = \(f.tex(g.dLdyHat))",
            "\\frac{\\partial L}{\\partial w} &= \\frac{\\partial L}{\\partial \\hat{y}} \\cdot \\frac{\\partial \\hat{y}}{\\partial w} = \(f.texFactor(g.dLdyHat)) \\cdot x = \(f.texFactor(g.dLdyHat)) \\cdot \(f.texGivenFactor(g.x)) = \(f.tex(g.dLdw))",
            "\\frac{\\partial L}{\\partial b} &= \\frac{\\partial L}{\\partial \\hat{y}} \\cdot 1 = \(f.tex(g.dLdb))",
            "\\frac{\\partial L}{\\partial x} &= \\frac{\\partial L}{\\partial \\hat{y}} \\cdot w = \(f.texFactor(g.dLdyHat)) \\cdot \(f.texGivenFactor(g.w)) = \(f.tex(g.dLdyHat * g.w))",
        ])))
        if let eta = s.learningRate {
            shown.append(.math(TeX.aligned([
                "w &\\leftarrow w - \\eta \\frac{\\partial L}{\\partial w} = \(f.texGiven(g.w)) - \(f.texWritten(eta)) \\cdot \(f.texFactor(g.dLdw)) = \(f.tex(g.w - eta * g.dLdw))",
                "b &\\leftarrow b - \\eta \\frac{\\partial L}{\\partial b} = \(f.texGiven(g.b)) - \(f.texWritten(eta)) \\cdot \(f.texFactor(g.dLdb)) = \(f.tex(g.b - eta * g.dLdb))",
            ])))
        }
        return (.graph(g), shown)
    }

    func runGradCheck(_ cell: Cell, _ s: GradCheckSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let net = try network(s.network, in: cell)
        let x = try matrix(s.input, role: "input", in: cell)
        let y = try matrix(s.target, role: "target", in: cell)
        try checkInput(x, net, s.input.location, in: cell)
        guard y.rows == x.rows, y.cols == net.outputSize else {
            throw cell.error("the target is \(y.shapeText) but the network gives \(x.rows)×\(net.outputSize)", at: s.target.location)
        }
        let loss = try resolveLoss(s.loss, in: cell)
        let check = try GradientCheck(network: net, input: x, target: y, loss: loss, epsilon: s.epsilon)
        for e in check.entries { try checkFinite([e.backprop, e.numeric], "a gradient") }
        let rows = check.entries.prefix(60).map { e -> [String] in
            let name: String
            switch e.parameter {
            // As the worked steps write them: w^{(1)}_{11} (w^{(1)}_{10,2} past 9 neurons), b^{(2)}_{1}.
            case let .weight(l, i, j):
                let ij = i < 9 && j < 9 ? "\(i + 1)\(j + 1)" : "\(i + 1),\(j + 1)"
                name = "$w^{(\(l))}_{\(ij)}$"
            case let .bias(l, j): name = "$b^{(\(l))}" + (j.map { "_{\($0 + 1)}" } ?? "") + "$"
            }
            return [name, fmt.plain(e.backprop), fmt.plain(e.numeric), NumberFormat(digits: 2).plainSmall(e.relativeError)]
        }
        let shown: [Shown] = [
            .math("\\frac{\\partial J}{\\partial \\theta} \\approx \\frac{-J(\\theta + 2h) + 8J(\\theta + h) - 8J(\\theta - h) + J(\\theta - 2h)}{12h}, \\quad h = \(fmt.texWritten(s.epsilon))"),
            .table(ShownTable(header: ["θ", words.backprop, words.numeric, words.relativeError], rows: Array(rows),
                              alignments: [.left, .decimal, .decimal, .decimal], caption: cell.options.caption)),
            .paragraph("\(words.maxRelativeError): $\(NumberFormat(digits: 2).texSmall(check.maxRelativeError))$"),
        ]
        return (.gradcheck(GradCheckOutcome(check: check)), shown)
    }

    func runTable(_ cell: Cell, _ s: TableSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        if let of = s.of {
            let table = try tableOf(of, in: cell, fmt)
            return (.table(table), [.table(table)])
        }
        let rows = (s.rows ?? []).map { $0.map { v -> String in
            switch v { case .number(let x): return fmt.given(x); case .text(let t): return t }
        } }
        let t = ShownTable(header: s.columns ?? [], rows: rows, caption: cell.options.caption)
        return (.table(t), [.table(t)])
    }
}

extension TeXless {
    /// "σ", "tanh", "ReLU" for table headers and legends.
    static func plainName(_ f: Activation) -> String {
        switch f.kind {
        case .sigmoid: return "σ"
        case .tanh: return "tanh"
        case .relu: return "ReLU"
        case .identity: return "f"
        case .step: return "step"
        case .arctan: return "arctan"
        case .leakyReLU: return "LReLU"
        case .prelu: return "PReLU"
        case .elu: return "ELU"
        case .softplus: return "softplus"
        case .swish: return "swish"
        case .softmax: return "softmax"
        }
    }
}
