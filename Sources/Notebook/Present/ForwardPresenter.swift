import Neural

/// A forward pass as the slides show it: each neuron's weighted sum with the numbers put in, then
/// its activation; or the same in matrix form with the matrices written out.
struct ForwardPresenter {
    let work: WorkedForward
    let words: Words
    var fmt: NumberFormat { work.format }
    /// Inputs that are all whole numbers (0 and 1 of a truth table) are written as given; otherwise every
    /// input has the same decimals as the rest, so a vector never mixes "0.5000" and "1".
    var inputWhole: Bool { work.input.storage.allSatisfy(NumberFormat.isWhole) }

    /// Samples worked neuron by neuron (a larger batch shows the first ones).
    static let maxSamples = 4
    /// Terms written out in a sum before it is shortened with ⋯.
    static let maxTerms = 6
    /// Neurons of a layer written out one by one.
    static let maxNeurons = 10

    func roundingNote() -> Shown {
        .paragraph("*" + (work.roundEachStep ? words.roundEachStepNote(fmt.digits) : words.fullPrecisionNote(fmt.digits)) + "*")
    }

    // MARK: neuron by neuron

    func perNeuron() throws -> [Shown] {
        var out: [Shown] = []
        let m = work.input.rows
        for s in 0..<min(m, Self.maxSamples) {
            if m > 1 {
                let x = work.input.row(s).map(inputWhole ? fmt.texGiven : fmt.tex).joined(separator: ", ")
                out.append(.paragraph("**\(words.sample) \(s + 1)**: $x = (\(x))$"))
            }
            for l in 1...work.network.layers.count {
                out.append(contentsOf: try layerPerNeuron(l, sample: s))
            }
        }
        if m > Self.maxSamples {
            out.append(.paragraph("(\(words.counted(m - Self.maxSamples, words.sample)) …)"))
        }
        return out
    }

    func layerPerNeuron(_ l: Int, sample s: Int) throws -> [Shown] {
        let layer = work.network.layers[l - 1]
        let f = layer.activation
        let n = layer.outputs
        let shown = n <= Self.maxNeurons ? Array(0..<n) : Array(0..<(Self.maxNeurons - 1)) + [n - 1]
        var out: [Shown] = []
        // One aligned block per layer: the neurons' sums and activations line up.
        var lines: [String] = []
        for j in shown {
            if n > Self.maxNeurons, j == n - 1 { lines.append("&\\vdots") }
            lines += sumLines(l, j, sample: s)
            if !f.isVectorValued {
                let zv = work.z[l - 1][s, j], av = work.a[l - 1][s, j]
                if let name = TeX.functionName(f) {
                    lines.append("\(TeX.a(l, j + 1)) &= \(name)(\(fmt.tex(zv))) = \(fmt.tex(av))")
                } else {
                    lines.append("\(TeX.a(l, j + 1)) &= \(TeX.z(l, j + 1)) = \(fmt.tex(av))")
                }
            }
        }
        out.append(.math(TeX.aligned(lines)))
        if f.isVectorValued { out.append(.math(softmaxLines(l, sample: s))) }
        return out
    }

    /// z^{(l)}_j = Σ a_i w_ij (+ b_j) = numbers = value.
    func sumLines(_ l: Int, _ j: Int, sample s: Int) -> [String] {
        let layer = work.network.layers[l - 1]
        let prev = work.activation(l - 1)
        let nIn = layer.inputs
        var symbols: [String] = [], numbers: [String] = []
        func term(_ i: Int) {
            symbols.append("\(TeX.a(l - 1, i + 1)) \(TeX.w(l, i + 1, j + 1))")
            numbers.append("\(l == 1 && inputWhole ? fmt.texGivenFactor(prev[s, i]) : fmt.texFactor(prev[s, i])) \\cdot \(fmt.texFactor(layer.weights[i, j]))")
        }
        if nIn <= Self.maxTerms {
            for i in 0..<nIn { term(i) }
        } else {
            term(0); term(1)
            symbols.append("\\cdots"); numbers.append("\\cdots")
            term(nIn - 1)
        }
        switch layer.biasMode {
        case .none: break
        case .perNeuron:
            symbols.append(TeX.b(l, j + 1))
            numbers.append(fmt.texFactor(layer.bias[0, j]))
        case .shared:
            symbols.append("b\(TeX.layer(l))")
            numbers.append(fmt.texFactor(layer.bias[0, j]))
        }
        let zv = work.z[l - 1][s, j]
        return ["\(TeX.z(l, j + 1)) &= " + symbols.joined(separator: " + "),
                "&= " + numbers.joined(separator: " + ") + " = \(fmt.tex(zv))"]
    }

    func softmaxLines(_ l: Int, sample s: Int) -> String {
        let zs = work.z[l - 1].row(s), as_ = work.a[l - 1].row(s)
        let denominator = zs.map { "e^{\(fmt.tex($0))}" }.joined(separator: " + ")
        let lines = zs.indices.map { j in
            "\(TeX.a(l, j + 1)) &= \\frac{e^{\(TeX.z(l, j + 1))}}{\\sum_k e^{z\(TeX.layer(l))_{k}}} = \\frac{e^{\(fmt.tex(zs[j]))}}{\(denominator)} = \(fmt.tex(as_[j]))"
        }
        return TeX.aligned(lines)
    }

    // MARK: matrix form

    func matrixForm() throws -> [Shown] {
        var out: [Shown] = []
        for l in 1...work.network.layers.count {
            let layer = work.network.layers[l - 1]
            let prev = work.activation(l - 1)
            var symbolic = "Z\(TeX.layer(l)) = \(TeX.A(l - 1)) W\(TeX.layer(l))"
            var numeric = "\(TeX.bmatrix(prev, fmt, given: l == 1)) \(TeX.bmatrix(layer.weights, fmt))"
            if layer.biasMode != .none {
                symbolic += " + b\(TeX.layer(l))"
                numeric += " + \(TeX.bmatrix(layer.bias, fmt))"
            }
            let columns = prev.cols + layer.weights.cols + work.z[l - 1].cols + (layer.biasMode != .none ? layer.bias.cols : 0)
            if columns > 10 {
                out.append(.math(TeX.aligned(["\(symbolic.replacingOccurrences(of: "Z\(TeX.layer(l)) =", with: "Z\(TeX.layer(l)) &=")) = \(numeric)",
                                              "&= \(TeX.bmatrix(work.z[l - 1], fmt))"])))
            } else {
                out.append(.math("\(symbolic) = \(numeric) = \(TeX.bmatrix(work.z[l - 1], fmt))"))
            }
            let f = layer.activation
            let applied = TeX.functionName(f).map { "\($0)(Z\(TeX.layer(l)))" } ?? "Z\(TeX.layer(l))"
            out.append(.math("A\(TeX.layer(l)) = \(applied) = \(TeX.bmatrix(work.a[l - 1], fmt))"))
        }
        return out
    }

    /// ŷ = a^{(L)} in one line.
    func outputLine() -> Shown {
        let L = work.network.layers.count
        let y = work.output
        let text = y.rows == 1 ? "\\hat{y} = a\(TeX.layer(L)) = (" + y.row(0).map(fmt.tex).joined(separator: ", ") + ")"
                               : "\\hat{Y} = A\(TeX.layer(L)) = \(TeX.bmatrix(y, fmt))"
        return .math(text)
    }
}
