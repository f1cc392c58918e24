// Writing a hand exercise in the verify format, with blank (or filled) answers.

import Foundation

public enum VerifyFileWriter {
    /// The verify file of `exercise`. Each answer is `answers[q]` when given, else `~` (blank) for
    /// the student to fill in. Weights and weight answers are written in the exercise's layout.
    public static func yaml(_ ex: HandExercise, answers: [Quantity: String] = [:], header: [String] = []) -> String {
        let L = ex.layerCount, sizes = ex.sizes
        func n(_ x: Double) -> String { Notation.number(x, decimals: nil) }
        func list(_ v: [String]) -> String { "[" + v.joined(separator: ", ") + "]" }
        func matrix(_ rows: [[String]]) -> String { list(rows.map(list)) }
        /// In the file's layout: in-out rows are i, out-in rows are j.
        func layoutRows(_ l: Int, _ cell: (Int, Int) -> String) -> [[String]] {
            switch ex.layout {
            case .inOut: return (0..<sizes[l - 1]).map { i in (0..<sizes[l]).map { j in cell(i, j) } }
            case .outIn: return (0..<sizes[l]).map { j in (0..<sizes[l - 1]).map { i in cell(i, j) } }
            }
        }
        func answer(_ q: Quantity) -> String { answers[q] ?? "~" }

        var s = header.map { "# " + $0 + "\n" }.joined()
        if let v = ex.variant { s += "variant: \(v)\n" }
        s += "network:\n"
        s += "  layers: \(list(sizes.map(String.init)))\n"
        s += "  activation: " + (Set(ex.activations).count == 1 ? ex.activations[0] : list(ex.activations)) + "\n"
        s += "  bias: \(ex.bias.rawValue)\n"
        s += "  update-bias: \(ex.updateBias)\n"
        s += "  weights-layout: \(ex.layout.rawValue)"
        s += ex.layout == .inOut ? "        # a row per neuron of the layer before\n" : "        # a row per neuron of the layer\n"
        s += "  weights:\n"
        for l in 1...L {
            s += "    - " + matrix(layoutRows(l) { i, j in n(ex.weights[l - 1][i][j]) }) + "\n"
        }
        switch ex.bias {
        case .none: s += "  biases: []\n"
        case .perNeuron: s += "  biases: " + list(ex.biases.map { list($0.map(n)) }) + "\n"
        case .shared: s += "  biases: " + list(ex.biases.map { n($0.first ?? 0) }) + "\n"
        }
        s += "input: \(list(ex.input.map(n)))\n"
        s += "target: \(list(ex.target.map(n)))\n"
        s += "loss: \(ex.loss)\n"
        s += "learning-rate: \(n(ex.learningRate))\n"
        if let r = ex.rounding { s += "rounding: \(r)                  # decimals kept at every step\n" }
        s += "answers:                     # replace each ~ with your value; layers are numbered from 1\n"
        for step in [Step.z, .a] {
            s += "  \(step.rawValue):\n"
            for l in 1...L { s += "    - " + list((0..<sizes[l]).map { answer(Quantity(step, layer: l, j: $0)) }) + "\n" }
        }
        s += "  loss: \(answer(Quantity(.loss, layer: 0)))\n"
        s += "  delta:\n"
        for l in 1...L { s += "    - " + list((0..<sizes[l]).map { answer(Quantity(.delta, layer: l, j: $0)) }) + "\n" }
        s += "  grad-W:\n"
        for l in 1...L { s += "    - " + matrix(layoutRows(l) { i, j in answer(Quantity(.gradW, layer: l, i: i, j: j)) }) + "\n" }
        if ex.bias != .none {
            s += "  grad-b:\n"
            for l in 1...L { s += "    - " + biasAnswer(ex, .gradB, l, answer) + "\n" }
        }
        s += "  new-W:\n"
        for l in 1...L { s += "    - " + matrix(layoutRows(l) { i, j in answer(Quantity(.newW, layer: l, i: i, j: j)) }) + "\n" }
        if ex.bias != .none {
            s += "  new-b:\n"
            for l in 1...L { s += "    - " + biasAnswer(ex, .newB, l, answer) + "\n" }
        }
        return s
    }

    private static func biasAnswer(_ ex: HandExercise, _ step: Step, _ l: Int, _ answer: (Quantity) -> String) -> String {
        if ex.bias == .shared { return answer(Quantity(step, layer: l)) }
        return "[" + (0..<ex.sizes[l]).map { answer(Quantity(step, layer: l, j: $0)) }.joined(separator: ", ") + "]"
    }

    /// Every value of `chain` as the student would write it: `decimals` places (the exercise's
    /// rounding, else 6).
    public static func answers(from chain: StepSolver.Chain, decimals: Int) -> [Quantity: String] {
        var out: [Quantity: String] = [:]
        for q in chain.order { out[q] = Notation.number(chain.computed[q] ?? .nan, decimals: decimals) }
        return out
    }
}
