import Neural

/// One backpropagation step as the slides show it: the loss, δ of every layer with the chain rule
/// spelled out, every gradient, and every updated weight as old − η·gradient = new.
struct BackwardPresenter {
    let work: WorkedBackward
    let words: Words
    var fmt: NumberFormat { work.forward.format }
    /// A target of whole numbers (1, 0) is written as given; any other with every decimal.
    func target(_ y: Double) -> String { work.target.storage.allSatisfy(NumberFormat.isWhole) ? fmt.texGiven(y) : fmt.tex(y) }
    var net: Network { work.forward.network }
    var L: Int { net.layers.count }
    var m: Int { work.forward.input.rows }

    /// Samples whose terms are written out in a sum over the batch.
    static let maxSampleTerms = 4
    /// Weights of one layer listed one by one; a bigger layer is shown in matrix form only.
    static let maxWeightsPerLayer = 40

    // MARK: loss

    func lossLines() -> [Shown] {
        let yHat = work.forward.output, y = work.target
        var terms: [String] = []
        let kind = work.loss.kind
        let entries = min(yHat.count, 8)
        for k in 0..<entries {
            let p = fmt.tex(yHat.storage[k]), t = target(y.storage[k])
            switch kind {
            case .halfSSE, .sse, .mse: terms.append("(\(p) - \(t))^{2}")
            case .binaryCrossEntropy: terms.append("\(t) \\ln \(p) + (1 - \(t)) \\ln(1 - \(p))")
            case .categoricalCrossEntropy:
                if y.storage[k] != 0 { terms.append("\(t) \\ln \(p)") }
            }
        }
        if yHat.count > entries { terms.append("\\cdots") }
        let sum = terms.joined(separator: " + ")
        let scale = work.loss.reduction == .mean && m > 1 ? "\\frac{1}{\(m)}" : ""
        let numeric: String
        switch kind {
        case .halfSSE: numeric = "\(scale)\\frac{1}{2}\\left[\(sum)\\right]"
        case .sse: numeric = "\(scale)\\left[\(sum)\\right]"
        case .mse: numeric = "\(scale)\\frac{1}{\(yHat.cols)}\\left[\(sum)\\right]"
        case .binaryCrossEntropy, .categoricalCrossEntropy: numeric = "-\(scale)\\left[\(sum)\\right]"
        }
        let name = kind == .halfSSE || kind == .sse ? "E" : "J"
        return [.math(work.loss.tex), .math("\(name) = \(numeric) = \(fmt.tex(work.lossValue))")]
    }

    // MARK: δ

    /// δ of every layer, output first, each neuron's chain rule with numbers.
    func deltaLines() -> [Shown] {
        var out: [Shown] = []
        for l in stride(from: L, through: 1, by: -1) {
            let title = l == L ? "\(words.outputLayer) (\(l))" : "\(words.hiddenLayer) (\(l))"
            out.append(.heading(level: 4, text: title))
            for s in 0..<min(m, Self.maxSampleTerms) {
                if m > 1 { out.append(.paragraph("\(words.sample) \(s + 1)")) }
                var lines: [String] = []
                for j in 0..<min(net.layers[l - 1].outputs, ForwardPresenter.maxNeurons) {
                    lines += l == L ? outputDelta(j, sample: s) : hiddenDelta(l, j, sample: s)
                }
                out.append(.math(TeX.aligned(lines)))
            }
        }
        return out
    }

    /// The derivative factor f'(z) written with numbers: a(1 − a) for the sigmoid, 1 − a² for tanh.
    func derivativeNumbers(_ l: Int, _ j: Int, sample s: Int) -> String {
        let f = net.layers[l - 1].activation
        let a = work.forward.a[l - 1][s, j], z = work.forward.z[l - 1][s, j]
        switch f.kind {
        case .sigmoid: return "\(fmt.texFactor(a))(1 - \(fmt.texFactor(a)))"
        case .tanh: return "(1 - \(fmt.texFactor(a))^{2})"
        case .identity: return "1"
        default: return "\(TeX.derivative(f, fmt.tex(z)))"
        }
    }

    func derivativeSymbol(_ l: Int, _ j: Int) -> String {
        let f = net.layers[l - 1].activation
        switch f.kind {
        case .sigmoid: return "\(TeX.a(l, j + 1))(1 - \(TeX.a(l, j + 1)))"
        case .tanh: return "(1 - (\(TeX.a(l, j + 1)))^{2})"
        case .identity: return "1"
        default: return TeX.derivative(f, TeX.z(l, j + 1))
        }
    }

    func outputDelta(_ j: Int, sample s: Int) -> [String] {
        let yh = work.forward.output[s, j], y = work.target[s, j]
        let d = work.delta[L - 1][s, j]
        let f = net.layers[L - 1].activation
        let mean = work.loss.reduction == .mean && m > 1 ? "\\frac{1}{\(m)}" : ""
        let diff = "(\(fmt.tex(yh)) - \(target(y)))"
        if work.simplifiedOutputDelta {
            return ["\(TeX.delta(L, j + 1)) &= \(mean)(\\hat{y}_{\(j + 1)} - y_{\(j + 1)}) = \(mean)\(diff) = \(fmt.tex(d))"]
        }
        if f.isVectorValued {
            return ["\(TeX.delta(L, j + 1)) &= a_{\(j + 1)}\\left(g_{\(j + 1)} - \\sum_k g_k a_k\\right) = \(fmt.tex(d))"]
        }
        let g = work.dLoss_dOutput[s, j]
        let gradNumbers: String
        switch work.loss.kind {
        case .halfSSE: gradNumbers = mean + diff
        case .sse: gradNumbers = "\(mean)2\(diff)"
        case .mse: gradNumbers = "\(mean)\\frac{2}{\(work.forward.output.cols)}\(diff)"
        default: gradNumbers = fmt.texFactor(g)
        }
        let E = work.loss.kind == .halfSSE || work.loss.kind == .sse ? "E" : "J"
        let symbol = "\\tfrac{\\partial \(E)}{\\partial \\hat{y}_{\(j + 1)}} \\, \(derivativeSymbol(L, j))"
        return ["\(TeX.delta(L, j + 1)) &= \(symbol)",
                "&= \(gradNumbers) \\cdot \(derivativeNumbers(L, j, sample: s)) = \(fmt.tex(d))"]
    }

    func hiddenDelta(_ l: Int, _ j: Int, sample s: Int) -> [String] {
        let next = net.layers[l]   // layer l+1
        let k = next.outputs
        let ks = k <= ForwardPresenter.maxTerms ? Array(0..<k) : [0, 1, k - 1]
        var sym: [String] = [], num: [String] = []
        for (n, q) in ks.enumerated() {
            if k > ForwardPresenter.maxTerms, n == 2 { sym.append("\\cdots"); num.append("\\cdots") }
            sym.append("\(TeX.w(l + 1, j + 1, q + 1)) \(TeX.delta(l + 1, q + 1))")
            num.append("\(fmt.texFactor(next.weights[j, q])) \\cdot \(fmt.texFactor(work.delta[l][s, q]))")
        }
        let f = net.layers[l - 1].activation
        let d = work.delta[l - 1][s, j]
        if f.isVectorValued {
            return ["\(TeX.delta(l, j + 1)) &= \(fmt.tex(d))"]
        }
        return ["\(TeX.delta(l, j + 1)) &= \\left(\(sym.joined(separator: " + "))\\right) \(derivativeSymbol(l, j))",
                "&= \\left(\(num.joined(separator: " + "))\\right) \\cdot \(derivativeNumbers(l, j, sample: s)) = \(fmt.tex(d))"]
    }

    // MARK: gradients and updates

    /// ∂J/∂w^{(l)}_{ij} = Σ_s a^{(l-1)}_i δ^{(l)}_j with numbers, then w ← w − η·g = new.
    func gradientLines(_ l: Int) -> [Shown] {
        let layer = net.layers[l - 1]
        let prev = work.forward.activation(l - 1)
        let E = work.loss.kind == .halfSSE || work.loss.kind == .sse ? "E" : "J"
        guard layer.weights.count <= Self.maxWeightsPerLayer else { return gradientMatrices(l) }
        var grads: [String] = [], updates: [String] = []
        let eta = fmt.texWritten(work.learningRate)
        for i in 0..<layer.inputs {
            for j in 0..<layer.outputs {
                let g = work.gradW[l - 1][i, j]
                let terms = (0..<min(m, Self.maxSampleTerms)).map {
                    "\(l == 1 && work.forward.input.storage.allSatisfy(NumberFormat.isWhole) ? fmt.texGivenFactor(prev[$0, i]) : fmt.texFactor(prev[$0, i])) \\cdot \(fmt.texFactor(work.delta[l - 1][$0, j]))"
                }.joined(separator: " + ") + (m > Self.maxSampleTerms ? " + \\cdots" : "")
                let symbol = m == 1 ? "\(TeX.a(l - 1, i + 1)) \(TeX.delta(l, j + 1))"
                                    : "\\sum_{s} \(TeX.a(l - 1, i + 1)) \(TeX.delta(l, j + 1))"
                grads.append("\\tfrac{\\partial \(E)}{\\partial \(TeX.w(l, i + 1, j + 1))} &= \(symbol) = \(terms) = \(fmt.tex(g))")
                updates.append("\(TeX.w(l, i + 1, j + 1)) &\\leftarrow \(fmt.tex(layer.weights[i, j])) - \(eta) \\cdot \(fmt.texFactor(g)) = \(fmt.tex(work.newW[l - 1][i, j]))")
            }
        }
        switch layer.biasMode {
        case .none: break
        case .perNeuron:
            for j in 0..<layer.outputs {
                let g = work.gradB[l - 1][0, j]
                let terms = (0..<min(m, Self.maxSampleTerms)).map { fmt.texFactor(work.delta[l - 1][$0, j]) }.joined(separator: " + ")
                let symbol = m == 1 ? TeX.delta(l, j + 1) : "\\sum_{s} \(TeX.delta(l, j + 1))"
                grads.append("\\tfrac{\\partial \(E)}{\\partial \(TeX.b(l, j + 1))} &= \(symbol) = \(m == 1 ? "" : terms + " = ")\(fmt.tex(g))")
                if layer.biasTrainable {
                    updates.append("\(TeX.b(l, j + 1)) &\\leftarrow \(fmt.tex(layer.bias[0, j])) - \(eta) \\cdot \(fmt.texFactor(g)) = \(fmt.tex(work.newB[l - 1][0, j]))")
                }
            }
        case .shared:
            let g = work.gradB[l - 1][0, 0]
            grads.append("\(TeX.partial(E, "b\(TeX.layer(l))")) &= \\sum_{j} \\delta\(TeX.layer(l))_{j} = \(fmt.tex(g))")
            if layer.biasTrainable {
                updates.append("b\(TeX.layer(l)) &\\leftarrow \(fmt.tex(layer.bias[0, 0])) - \(eta) \\cdot \(fmt.texFactor(g)) = \(fmt.tex(work.newB[l - 1][0, 0]))")
            }
        }
        return [.math(TeX.aligned(grads)), .heading(level: 4, text: "\(words.update) (\(l))"), .math(TeX.aligned(updates))]
    }

    // MARK: matrix form

    func deltaMatrices() -> [Shown] {
        var out: [Shown] = []
        for l in stride(from: L, through: 1, by: -1) {
            let f = net.layers[l - 1].activation
            let fp = "\(TeX.functionName(f) ?? "f")'(Z\(TeX.layer(l)))"
            if l == L {
                let E = work.loss.kind == .halfSSE || work.loss.kind == .sse ? "E" : "J"
                let lhs = work.simplifiedOutputDelta ? "\\hat{Y} - Y" : "\\frac{\\partial \(E)}{\\partial \\hat{Y}} \\odot \(fp)"
                let rhs = work.simplifiedOutputDelta
                    ? "\(TeX.bmatrix(work.forward.output, fmt)) - \(TeX.bmatrix(work.target, fmt, given: true))"
                    : "\(TeX.bmatrix(work.upstream[l - 1], fmt)) \\odot \(TeX.bmatrix(work.derivative[l - 1], fmt))"
                out.append(.math(TeX.aligned(["\\delta\(TeX.layer(l)) &= \(lhs) = \(rhs)", "&= \(TeX.bmatrix(work.delta[l - 1], fmt))"])))
            } else {
                out.append(.math(TeX.aligned(["\\delta\(TeX.layer(l)) &= \\left(\\delta\(TeX.layer(l + 1)) W^{(\(l + 1))\\top}\\right) \\odot \(fp)",
                                              "&= \(TeX.bmatrix(work.upstream[l - 1], fmt)) \\odot \(TeX.bmatrix(work.derivative[l - 1], fmt))",
                                              "&= \(TeX.bmatrix(work.delta[l - 1], fmt))"])))
            }
        }
        return out
    }

    func gradientMatrices(_ l: Int) -> [Shown] {
        let E = work.loss.kind == .halfSSE || work.loss.kind == .sse ? "E" : "J"
        let layer = net.layers[l - 1]
        let prev = work.forward.activation(l - 1)
        var out: [Shown] = [
            .math(TeX.aligned(["\\frac{\\partial \(E)}{\\partial W\(TeX.layer(l))} &= \(l == 1 ? "X" : "(A\(TeX.layer(l - 1)))")^{\\top} \\delta\(TeX.layer(l)) = \(TeX.bmatrix(prev.transposed, fmt, given: l == 1)) \(TeX.bmatrix(work.delta[l - 1], fmt))",
                               "&= \(TeX.bmatrix(work.gradW[l - 1], fmt))"])),
            .math(TeX.aligned(["W\(TeX.layer(l)) &\\leftarrow W\(TeX.layer(l)) - \\eta \\frac{\\partial \(E)}{\\partial W\(TeX.layer(l))} = \(TeX.bmatrix(layer.weights, fmt)) - \(fmt.texWritten(work.learningRate)) \(TeX.bmatrix(work.gradW[l - 1], fmt))",
                               "&= \(TeX.bmatrix(work.newW[l - 1], fmt))"])),
        ]
        if layer.biasMode == .perNeuron, layer.biasTrainable {
            out.append(.math("b\(TeX.layer(l)) \\leftarrow b\(TeX.layer(l)) - \\eta \\sum_s \\delta\(TeX.layer(l)) = \(TeX.bmatrix(layer.bias, fmt)) - \(fmt.texWritten(work.learningRate)) \(TeX.bmatrix(work.gradB[l - 1], fmt)) = \(TeX.bmatrix(work.newB[l - 1], fmt))"))
        }
        return out
    }
}
