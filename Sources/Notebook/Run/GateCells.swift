import Neural

extension Executor {
    func runPerceptron(_ cell: Cell, _ s: PerceptronSpec, _ fmt: NumberFormat) throws -> (CellResult?, [Shown]) {
        let data = try dataset(s.data, in: cell).train
        guard data.isClassification, data.classCount <= 2 else {
            throw cell.error("the perceptron needs a dataset of two classes (0 and 1); '\(s.data.value)' has \(data.classCount)", at: s.data.location)
        }
        let w = s.weights ?? Array(repeating: 0, count: data.featureCount)
        guard w.count == data.featureCount else {
            throw cell.error("'weights' has \(w.count) numbers but the data has \(data.featureCount) inputs per sample",
                             at: cell.fields.location(of: "weights"))
        }
        let trace = try DeltaRule(learningRate: s.learningRate, maxEpochs: s.epochs)
            .train(Perceptron(weights: w, bias: s.bias), on: data)
        var shown: [Shown] = []
        // Text cells get a real minus sign (Typeset sets pure numbers with one itself).
        let minus: (String) -> String = { $0.replacingOccurrences(of: "-", with: "−") }
        let vec: ([Double]) -> String = { minus("(" + $0.map(fmt.plain).joined(separator: ", ") + ")") }
        let given: ([Double]) -> String = { minus("(" + $0.map(fmt.given).joined(separator: ", ") + ")") }
        shown.append(.math("\\hat{y} = \\mathrm{step}(x \\cdot w + b), \\quad w \\leftarrow w - \\eta(\\hat{y} - y)\\,x, \\quad b \\leftarrow b - \\eta(\\hat{y} - y), \\quad \\eta = \(fmt.texWritten(s.learningRate))"))
        // The cell's caption goes to its one table or figure; when it shows several, each gets the
        // caption with what it shows ("…: the weights after each sample." and "…: the decision line after 6 epochs.").
        let showsBoundary = s.plot.contains("boundary") && data.featureCount == 2
        let parts = (s.show == "trace" ? 1 : 0) + (s.plot.contains("errors") ? 1 : 0) + (showsBoundary ? 1 : 0)
        func caption(_ part: String) -> String? {
            guard let c = cell.options.caption else { return nil }
            return parts > 1 ? words.captionPart(c, part) : c
        }
        if s.show == "trace" {
            let limit = 64
            let rows = trace.steps.prefix(limit).map { st -> [String] in
                [String(st.epoch), String(st.sample + 1), given(st.x), fmt.plain(st.net), String(st.prediction),
                 String(st.target), minus(String(st.error)), vec(st.weightsAfter), fmt.plain(st.biasAfter)]
            }
            shown.append(.table(ShownTable(
                header: [words.epoch, words.sample, "$x$", "net", "$\\hat{y}$", "$y$", "$\\hat{y} - y$", "$w$", "$b$"], rows: Array(rows),
                alignments: [.center, .center, .center, .decimal, .center, .center, .center, .center, .decimal],
                caption: caption(words.weightsAfterEachSample))))
            if trace.steps.count > limit {
                shown.append(.paragraph("(\(words.counted(trace.steps.count - limit, words.step)) …)"))
            }
        }
        let verdict = trace.converged ? words.converged : words.notConverged
        shown.append(.paragraph("\(verdict) \(words.epochs(trace.epochsRun)): $w = \(vec(trace.final.weights))$, $b = \(fmt.tex(trace.final.bias))$. \(words.errorsPerEpoch): " +
                                trace.errorsPerEpoch.map(String.init).joined(separator: ", ") + "."))
        if s.plot.contains("errors") {
            let pts = trace.errorsPerEpoch.enumerated().map { (x: Double($0.offset + 1), y: Double($0.element)) }
            shown.append(.figure(.lines(series: [.init(name: words.errorsPerEpoch, points: pts, markers: true, counts: true)], xLabel: words.epoch,
                                        yLabel: words.errorsPerEpoch, logY: false),
                                 caption: caption(words.errorsPerEpochPart) ?? words.errorsPerEpoch))
        }
        if showsBoundary {
            let line = words.decisionLineAfter(trace.epochsRun)
            shown.append(.figure(.perceptronBoundary(weights: trace.final.weights, bias: trace.final.bias, data, title: nil),
                                 caption: caption(line) ?? line.prefix(1).uppercased() + line.dropFirst()))
        }
        return (.perceptron(trace), shown)
    }

    func runGates(_ cell: Cell, _ s: GatesSpec) throws -> (CellResult?, [Shown]) {
        var shown: [Shown] = []
        let fmt = NumberFormat(digits: cell.options.digits)
        // Boundaries of several gates share one numbered figure, side by side, each titled by its gate.
        var boundaries: [FigureRequest] = []
        for name in s.gates {
            guard let gate = LogicGates.gate(named: name) else { continue }
            if let p = gate.perceptron {
                let w = p.weights.map(fmt.texGiven).joined(separator: ", ")
                shown.append(.paragraph("**\(name)**: $w = (\(w))$, $b = \(fmt.texGiven(p.bias))$"))
                switch s.show {
                case "boundary" where p.inputCount == 2:
                    boundaries.append(.perceptronBoundary(weights: p.weights, bias: p.bias, Dataset.truthTable(gate), title: name))
                default:
                    let rows = try gate.truthTable.map { row -> [String] in
                        let x = row.inputs.map(Double.init)
                        return row.inputs.map(String.init) + [fmt.given(try p.net(x)), String(row.output)]
                    }
                    let inputs = (1...p.inputCount).map { "$x_{\($0)}$" }
                    shown.append(.table(ShownTable(header: inputs + ["net = $x \\cdot w + b$", "$\\hat{y}$"], rows: rows,
                                                   alignments: Array(repeating: .center, count: inputs.count + 2))))
                }
            } else {
                // XOR = AND(OR, NAND): two layers of perceptrons.
                shown.append(.paragraph("**XOR** = AND(OR(x₁, x₂), NAND(x₁, x₂))"))
                if s.show == "diagram" {
                    let net = try Network(sizes: [2, 2, 1], activations: [.step], biasMode: .perNeuron,
                                          weights: [Matrix([[1, -1], [1, -1]]), Matrix([[1], [1]])],
                                          biases: [Matrix(row: [LogicGates.or.bias, LogicGates.nand.bias]), Matrix(row: [LogicGates.and.bias])])
                    shown.append(.figure(.networkDiagram(net, weights: true, digits: cell.options.digits), caption: nil))
                } else {
                    let rows = [[0, 0], [0, 1], [1, 0], [1, 1]].map { x -> [String] in
                        let r = LogicGates.xor(x[0], x[1])
                        return [String(x[0]), String(x[1]), String(r.or), String(r.nand), String(r.output)]
                    }
                    shown.append(.table(ShownTable(header: ["$x_{1}$", "$x_{2}$", "$h_{1}$ = OR", "$h_{2}$ = NAND", "$\\hat{y}$ = AND($h_{1}$, $h_{2}$)"], rows: rows,
                                                   alignments: Array(repeating: .center, count: 5))))
                }
            }
        }
        if boundaries.count == 1 {
            shown.append(.figure(boundaries[0], caption: nil))
        } else if boundaries.count > 1 {
            shown.append(.figure(.row(boundaries), caption: nil))
        }
        // The caption goes on the last table or figure (numbered "Bảng 3.1" / "Hình 3.1").
        if let c = cell.options.caption, let k = shown.lastIndex(where: { if case .table = $0 { return true }; if case .figure = $0 { return true }; return false }) {
            switch shown[k] {
            case .table(var t): t.caption = c; shown[k] = .table(t)
            case .figure(let r, _): shown[k] = .figure(r, caption: c)
            default: break
            }
        }
        return (.shown(kind: .gates), shown)
    }
}

func subscriptDigits(_ n: Int) -> String {
    let map: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
    return String(String(n).map { map[$0] ?? $0 })
}
