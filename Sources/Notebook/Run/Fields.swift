import Neural

/// The fields inline references read from each kind of result (see docs/lesson-format.md).
extension Executor {
    func field(of result: CellResult, _ p: FieldPath) throws -> ReferenceValue {
        func layers(_ ms: [Matrix]) -> [[[Double]]] { ms.map(\.rowArrays) }
        func single(_ v: Double) throws -> ReferenceValue { try p.expectNoIndex(); return .number(v) }
        func count(_ n: Int) throws -> ReferenceValue { try p.expectNoIndex(); return .integer(n) }
        switch result {
        case .network(let n):
            switch p.field {
            case "parameters": return try count(n.parameterCount)
            case "layers": return try count(n.layers.count)
            case "w", "W", "weights": return try p.matrixEntry(layers(n.weights), "layer, input, neuron")
            case "b", "biases": return try p.layerEntry(layers(n.biases), "layer, neuron")
            default: throw p.unknownField(["parameters", "layers", "w", "b"])
            }
        case .forward(let f):
            switch p.field {
            case "z": return try p.layerEntry(layers(f.z), "layer, neuron")
            case "a": return try p.layerEntry(layers(f.a), "layer, neuron")
            case "output", "y-hat": return try outputEntry(f.output, p)
            default: throw p.unknownField(["z", "a", "output"])
            }
        case .backward(let b):
            switch p.field {
            case "loss": return try single(b.lossValue)
            case "z": return try p.layerEntry(layers(b.forward.z), "layer, neuron")
            case "a": return try p.layerEntry(layers(b.forward.a), "layer, neuron")
            case "output", "y-hat": return try outputEntry(b.forward.output, p)
            case "delta": return try p.layerEntry(layers(b.delta), "layer, neuron")
            case "grad-w": return try p.matrixEntry(layers(b.gradW), "layer, input, neuron")
            case "new-w": return try p.matrixEntry(layers(b.newW), "layer, input, neuron")
            case "grad-b": return try p.layerEntry(layers(b.gradB), "layer, neuron")
            case "new-b": return try p.layerEntry(layers(b.newB), "layer, neuron")
            default: throw p.unknownField(["loss", "z", "a", "output", "delta", "grad-w", "grad-b", "new-w", "new-b"])
            }
        case .perceptron(let t):
            switch p.field {
            case "epochs-run": return try count(t.epochsRun)
            case "converged":
                try p.expectNoIndex()
                let vi = lesson.frontMatter.lang == .vi
                return .text(t.converged ? (vi ? "có" : "yes") : (vi ? "không" : "no"))
            case "weights", "w": return try p.entry(t.final.weights, "input")
            case "bias", "b": return try single(t.final.bias)
            case "errors": return try p.entry(t.errorsPerEpoch.map(Double.init), "epoch").asInteger
            default: throw p.unknownField(["epochs-run", "converged", "weights", "bias", "errors"])
            }
        case .scaled(let s):
            switch p.field {
            case "min": return try p.entry(s.min, "scaled column")
            case "max": return try p.entry(s.max, "scaled column")
            case "mean": return try p.entry(s.mean, "scaled column")
            case "std": return try p.entry(s.std, "scaled column")
            case "scaled": return try p.layerEntry(s.scaled.map { [$0] }, "row, column")
            case "distance":
                if p.indices.isEmpty, let d = s.distances.first { return .number(d) }
                return try p.entry(s.distances, "pair")
            default: throw p.unknownField(["min", "max", "mean", "std", "scaled", "distance"])
            }
        case .loss(let l):
            switch p.field {
            case "value": return try single(l.value)
            case "gradient": return try p.entry(l.gradient.storage, "output")
            default: throw p.unknownField(["value", "gradient"])
            }
        case .graph(let g):
            let values: [String: Double] = ["y-hat": g.yHat, "e": g.e, "loss": g.loss, "grad-w": g.dLdw, "grad-b": g.dLdb,
                                            "grad-x": g.dLdyHat * g.w, "grad-e": g.dLde, "grad-y-hat": g.dLdyHat]
            if let v = values[p.field] { return try single(v) }
            if p.field == "new-w" || p.field == "new-b" {
                guard case .graph(let s) = lesson.cells.first(where: { $0.options.name?.value == p.reference.name })?.spec,
                      let eta = s.learningRate else { throw p.error("'\(p.field)' needs 'learning-rate' in the graph cell") }
                return try single(p.field == "new-w" ? g.w - eta * g.dLdw : g.b - eta * g.dLdb)
            }
            throw p.unknownField(values.keys.sorted() + ["new-w", "new-b"])
        case .gradcheck(let g):
            switch p.field {
            case "max-relative-error":
                try p.expectNoIndex()
                return .small(g.check.maxRelativeError)
            default: throw p.unknownField(["max-relative-error"])
            }
        default:
            return try moreFields(of: result, p)
        }
    }

    /// output[j] for one sample, output[i][j] for a batch.
    func outputEntry(_ y: Matrix, _ p: FieldPath) throws -> ReferenceValue {
        let ix = p.indices
        if ix.count == 1, y.rows == 1 { return try p.entry(y.row(0), "output neuron") }
        guard ix.count == 2 else { throw p.error("'output' needs an output neuron, like output[1] (or sample and neuron for a batch: output[2][1])") }
        guard within(ix[0], y.rows), within(ix[1], y.cols) else {
            throw p.error("output[\(ix[0])][\(ix[1])] is out of range: the output is \(y.shapeText)")
        }
        return .number(y[ix[0] - 1, ix[1] - 1])
    }
}

extension ReferenceValue {
    /// A count stored as a Double, printed without decimals.
    var asInteger: ReferenceValue {
        if case .number(let v) = self { return .integer(Int(v)) }
        return self
    }
}
