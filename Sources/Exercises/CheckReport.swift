// The checker's verdicts as text for a terminal and as JSON for machines.

import Foundation

public enum CheckReport {
    /// What a section of the calculation is called.
    static func section(_ step: Step) -> String {
        switch step {
        case .z, .a: return "Forward pass"
        case .loss: return "Loss"
        case .delta: return "Backward pass: δ"
        case .gradW, .gradB: return "Gradients"
        case .newW, .newB: return "Updated weights and biases"
        }
    }

    /// "2-3-2 network, sigmoid, no bias, half-sse loss, η = 0.5, rounding to 4 decimals"
    public static func describe(_ ex: HandExercise) -> String {
        let acts = Set(ex.activations).count == 1 ? ex.activations[0] : ex.activations.joined(separator: "/")
        let bias: String
        switch ex.bias {
        case .none: bias = "no bias"
        case .perNeuron: bias = "a bias per neuron" + (ex.updateBias ? "" : " (not updated)")
        case .shared: bias = "one shared bias per layer" + (ex.updateBias ? "" : " (not updated)")
        }
        let r = ex.rounding.map { "rounding to \($0) decimals at every step" } ?? "full precision"
        return "\(ex.shapeName) network, \(acts), \(bias), \(ex.loss) loss, η = \(Notation.number(ex.learningRate, decimals: nil)), weights \(ex.layout.rawValue), \(r)"
    }

    /// The terminal report: every answered value with the expected one, ✓ or ✗, the formula with
    /// the numbers put in for each ✗, and a summary naming the first mistake.
    public static func text(_ result: CheckResult, file: String, showSolution: Bool = false) -> String {
        let ex = result.exercise
        var out = "\(file): \(describe(ex))\n"
        let width = max(8, result.values.map { $0.name.count }.max() ?? 0)
        let first = result.firstMistake?.quantity
        var lastSection = ""
        for v in result.values {
            let sec = section(v.quantity.step)
            if sec != lastSection { out += "\n\(sec)\n"; lastSection = sec }
            let mark = v.verdict == .right ? "✓" : "✗"
            let expected = Notation.number(v.expected, decimals: ex.rounding)
            var line = "  \(mark) \(pad(v.name, width))  \(pad(v.written.text, 11)) expected \(pad(expected, 12))"
            line += "  line \(v.written.line)"
            switch v.verdict {
            case .right:
                if v.acceptedFromOwnInputs { line += "  (follows from your rounded values)" }
            case .wrong:
                line += v.quantity == first ? "  ← first mistake" : "  ← mistake"
            case .carried:
                line += "  carried: right from your earlier values"
            }
            out += line + "\n"
            if v.verdict == .wrong {
                out += "      \(v.name) = \(v.symbols)\n"
                out += "          = \(v.expectedNumbers)\n"
                if v.ownNumbers != v.expectedNumbers {
                    out += "      from your own earlier values: \(v.ownNumbers)\n"
                }
            } else if v.verdict == .carried {
                out += "      from your values: \(v.ownNumbers)\n"
            }
        }
        if result.values.isEmpty { out += "\nNo answers to check (every answer is blank).\n" }
        if showSolution { out += "\n" + solution(result.solution, ex) }
        out += "\n" + summary(result) + "\n"
        return out
    }

    public static func summary(_ r: CheckResult) -> String {
        var s = "Summary: \(r.right) right, \(r.wrong) wrong, \(r.carried) carried, \(r.unanswered) blank."
        if let m = r.firstMistake {
            s += " First mistake: \(m.name) (\(section(m.quantity.step).lowercased()), line \(m.written.line))."
            let others = r.values.filter { $0.verdict == .wrong && $0.quantity != m.quantity }
            if !others.isEmpty {
                s += " Other mistakes: " + others.prefix(6).map(\.name).joined(separator: ", ")
                    + (others.count > 6 ? ", …" : "") + "."
            }
        } else if r.values.isEmpty {
            s += " Nothing answered."
        } else {
            s += " All answers are right."
        }
        return s
    }

    /// Every value of the correct chain with its formula: the worked solution.
    public static func solution(_ chain: StepSolver.Chain, _ ex: HandExercise) -> String {
        var out = "Worked solution\n"
        var lastSection = ""
        for q in chain.order {
            let sec = section(q.step)
            if sec != lastSection { out += "\n\(sec)\n"; lastSection = sec }
            let name = q.name(layout: ex.layout, sharedBias: ex.bias == .shared)
            out += "  \(name) = \(chain.symbols[q] ?? "") = \(chain.numbers[q] ?? "")\n"
        }
        return out
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }

    // MARK: JSON

    struct JSONValue: Codable {
        var step: String, layer: Int, index: [Int], name: String, line: Int
        var written: String, expected: Double, fromOwnValues: Double?, verdict: String
        var firstMistake: Bool, tolerance: Double, formula: String
    }
    struct JSONResult: Codable {
        var file: String, valid: Bool, network: String, rounding: Int?
        var right: Int, wrong: Int, carried: Int, blank: Int, firstMistake: String?
        var values: [JSONValue]
    }
    struct JSONError: Codable {
        var file: String, valid: Bool, line: Int, error: String
    }

    /// Machine-readable result. Indices are 1-based and follow the file's layout for weights.
    public static func json(_ r: CheckResult, file: String) -> String {
        let ex = r.exercise
        let first = r.firstMistake?.quantity
        let values = r.values.map { v -> JSONValue in
            let q = v.quantity
            let index: [Int]
            switch q.step {
            case .loss: index = []
            case .gradW, .newW: index = ex.layout == .inOut ? [q.i + 1, q.j + 1] : [q.j + 1, q.i + 1]
            case .gradB, .newB: index = ex.bias == .shared ? [] : [q.j + 1]
            default: index = [q.j + 1]
            }
            return JSONValue(step: q.step.rawValue, layer: q.layer, index: index, name: v.name, line: v.written.line,
                             written: v.written.text, expected: v.expected,
                             fromOwnValues: v.fromOwnValues.isFinite ? v.fromOwnValues : nil,
                             verdict: v.verdict.rawValue, firstMistake: q == first, tolerance: v.tolerance,
                             formula: "\(v.name) = \(v.symbols) = \(v.expectedNumbers)")
        }
        let j = JSONResult(file: file, valid: true, network: ex.shapeName, rounding: ex.rounding, right: r.right,
                           wrong: r.wrong, carried: r.carried, blank: r.unanswered,
                           firstMistake: r.firstMistake?.name, values: values)
        return encode(j)
    }

    public static func json(error: VerifyFileError) -> String {
        encode(JSONError(file: error.file, valid: false, line: error.line, error: error.message))
    }

    private static func encode<T: Encodable>(_ v: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(v), let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }
}
