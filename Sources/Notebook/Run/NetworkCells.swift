import Neural

extension Executor {
    func runNetwork(_ cell: Cell, _ s: NetworkSpec) throws -> (CellResult?, [Shown]) {
        let acts = try s.activations.map { try resolveActivation($0, in: cell) }
        let mode = BiasMode(rawValue: s.bias.rawValue) ?? .none
        let net: Network
        if let w = s.weights {
            let ws = try w.map { try Matrix($0) }
            let bs = s.biases.map { $0.map { Matrix(row: $0) } }
            net = try Network(sizes: s.layers, activations: acts, biasMode: mode, biasTrainable: s.updateBias,
                              weights: ws, biases: bs)
        } else {
            let kind = Initializer.named(s.initializer?.rawValue ?? "xavier") ?? .xavier
            var n = try Network(sizes: s.layers, activations: acts, biasMode: mode, biasTrainable: s.updateBias,
                                initializer: kind, seed: s.seed)
            if let bs = s.biases {
                for l in 0..<n.layers.count { n.layers[l].bias = Matrix(row: bs[l]) }
            }
            net = n
        }
        let fmt = NumberFormat(digits: cell.options.digits)
        var shown: [Shown] = []
        switch s.show {
        case .none: break
        case .diagram:
            let caption = cell.options.caption ?? "\(words.networkWord) [\(s.layers.map(String.init).joined(separator: "-"))]"
            shown.append(.figure(.networkDiagram(net, weights: net.layers.allSatisfy { $0.weights.count <= 24 }, digits: cell.options.digits), caption: caption))
        case .weights:
            for (l, layer) in net.layers.enumerated() {
                var t = "W\(TeX.layer(l + 1)) = \(TeX.bmatrix(layer.weights, fmt))"
                if layer.biasMode != .none { t += ", \\quad b\(TeX.layer(l + 1)) = \(TeX.bmatrix(layer.bias, fmt))" }
                shown.append(.math(t))
            }
        case .shapes:
            let m = s.batch.map(String.init) ?? "m"
            let rows = net.layers.enumerated().map { l, layer -> [String] in
                ["\(l + 1)", "\(layer.inputs)×\(layer.outputs)",
                 layer.biasMode == .none ? "—" : "1×\(layer.outputs)", "\(m)×\(layer.outputs)", "\(m)×\(layer.outputs)",
                 TeXless.name(layer.activation)]
            }
            shown.append(.table(ShownTable(header: [words.layer, "W", "b", "Z", "A", words.function], rows: rows,
                                           alignments: [.center, .center, .center, .center, .center, .left],
                                           caption: cell.options.caption)))
            if s.batch == nil { shown.append(.paragraph("*\(words.batchNote).*")) }
        }
        return (.network(net), shown)
    }

    func runForward(_ cell: Cell, _ s: ForwardSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let net = try network(s.network, in: cell)
        let x = try matrix(s.input, role: "input", in: cell)
        try checkInput(x, net, s.input.location, in: cell)
        let work = try WorkedForward(network: net, input: x, format: fmt, roundEachStep: s.roundEachStep)
        let p = ForwardPresenter(work: work, words: words)
        var shown: [Shown] = roundingNote(p.roundingNote(), for: cell)
        switch s.show {
        case .perNeuron: shown += try p.perNeuron()
        case .matrix: shown += try p.matrixForm()
        case .both:
            shown.append(.heading(level: 4, text: words.perNeuron))
            shown += try p.perNeuron()
            shown.append(.heading(level: 4, text: words.matrixForm))
            shown += try p.matrixForm()
        }
        shown.append(p.outputLine())
        return (.forward(work), shown)
    }

    func runBackward(_ cell: Cell, _ s: BackwardSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let net = try network(s.network, in: cell)
        let x = try matrix(s.input, role: "input", in: cell)
        let y = try matrix(s.target, role: "target", in: cell)
        try checkInput(x, net, s.input.location, in: cell)
        guard y.rows == x.rows, y.cols == net.outputSize else {
            throw cell.error("the target is \(y.shapeText) but the network gives \(x.rows)×\(net.outputSize) (one row of \(net.outputSize) per sample)",
                             at: s.target.location)
        }
        let loss = try resolveLoss(s.loss, in: cell)
        let fw = try WorkedForward(network: net, input: x, format: fmt, roundEachStep: s.roundEachStep)
        let work = try WorkedBackward(forward: fw, target: y, loss: loss, learningRate: s.learningRate)
        let fp = ForwardPresenter(work: fw, words: words)
        let bp = BackwardPresenter(work: work, words: words)
        var shown: [Shown] = roundingNote(fp.roundingNote(), for: cell) + [.heading(level: 4, text: "1. \(words.forwardPass)")]
        let perWeight = s.show != .matrix, matrix = s.show != .perWeight
        if perWeight { shown += try fp.perNeuron() }
        if matrix { shown += try fp.matrixForm() }
        shown.append(fp.outputLine())
        shown.append(.heading(level: 4, text: "2. \(words.loss)"))
        shown += bp.lossLines()
        shown.append(.heading(level: 4, text: "3. δ"))
        if perWeight { shown += bp.deltaLines() }
        if matrix { shown += bp.deltaMatrices() }
        shown.append(.heading(level: 4, text: "4. \(words.gradientsAndUpdates)"))
        for l in 1...net.layers.count {
            if perWeight {
                shown.append(.heading(level: 4, text: "\(words.layer) \(l)"))
                shown += bp.gradientLines(l)
            }
            if matrix { shown += bp.gradientMatrices(l) }
        }
        if s.apply { state[s.network.value] = .network(work.updatedNetwork) }
        return (.backward(work), shown)
    }
}

/// Plain-text names for table cells (no TeX).
enum TeXless {
    static func name(_ f: Activation) -> String { f.displayName }
}
