// One forward pass and one backprop update worked the way a student works it on paper.

import Foundation

/// Every value of the hand calculation, in the order a student computes them, with the formula
/// and the numbers that went into each.
///
/// The order and the rounding (when `rounding` is set, R(x) rounds half away from zero to that
/// many decimals; without it R(x) = x):
///
///  1. Forward, layer l = 1…L: zⱼ = R(Σᵢ aᵢ·wᵢⱼ + bⱼ) from the previous layer's (rounded) a — the
///     sum is exact, rounded once; then aⱼ = R(f(zⱼ)) from the rounded z (softmax: R(e^zⱼ/Σₖ e^zₖ)).
///  2. Loss: E = R(loss(a⁽ᴸ⁾, t)) from the rounded outputs.
///  3. Output δ: δⱼ = R(∂E/∂aⱼ · f′ⱼ), the product rounded once; f′ from the rounded a where the
///     slides write it so (sigmoid a(1 − a), tanh 1 − a²), else from the rounded z. Sigmoid with
///     bce and softmax with cce use the simplified δⱼ = R(aⱼ − tⱼ).
///  4. Hidden δ, l = L−1…1: δᵢ = R((Σⱼ δ⁽ˡ⁺¹⁾ⱼ·w⁽ˡ⁺¹⁾ᵢⱼ) · f′ᵢ) with the old weights, rounded once.
///  5. Gradients: ∂E/∂wᵢⱼ = R(aᵢ·δⱼ) with the rounded a and δ; ∂E/∂bⱼ = δⱼ (shared: R(Σⱼ δⱼ)).
///  6. Update: w′ = R(w − η·∂E/∂w) from the rounded gradient; b′ likewise when biases are updated,
///     else b′ = b.
///
/// Each value is computed from the values "used" so far; `overrides` replaces a value once computed
/// (the student's own answers), so a chain can be recomputed from a student's earlier values.
public struct StepSolver: Sendable {
    public let exercise: HandExercise
    let activations: [HandActivation]
    let loss: HandLoss

    public init(_ exercise: HandExercise) throws {
        self.exercise = exercise
        var acts: [HandActivation] = []
        for name in exercise.activations {
            guard let a = HandActivation.named(name) else { throw SolveError("unknown activation '\(name)'") }
            acts.append(a)
        }
        guard acts.count == exercise.layerCount, exercise.layerCount >= 1 else {
            throw SolveError("\(acts.count) activations for \(exercise.layerCount) layers")
        }
        guard let loss = HandLoss.named(exercise.loss) else { throw SolveError("unknown loss '\(exercise.loss)'") }
        self.activations = acts
        self.loss = loss
    }

    public struct SolveError: Error, CustomStringConvertible, Sendable {
        public let description: String
        init(_ s: String) { description = s }
    }

    /// The result of one chain.
    public struct Chain: Sendable {
        /// Every quantity in the order computed (see `Quantity.rank`).
        public var order: [Quantity] = []
        /// The value computed from this chain's inputs.
        public var computed: [Quantity: Double] = [:]
        /// The value carried forward: an override when given, else `computed`.
        public var used: [Quantity: Double] = [:]
        /// The values each quantity was computed from (answerable quantities only).
        public var inputs: [Quantity: [Quantity]] = [:]
        /// "0.5·0.1 + 1·0.2 = 0.25": the formula with this chain's numbers put in.
        public var numbers: [Quantity: String] = [:]
        /// "x₁·w⁽¹⁾₁₁ + x₂·w⁽¹⁾₂₁": the formula in symbols.
        public var symbols: [Quantity: String] = [:]

        public subscript(_ q: Quantity) -> Double { used[q] ?? .nan }
    }

    /// Works the whole calculation; `overrides` stands in for computed values (the student's).
    /// `formulas: false` skips the formula text (for the many solves of the generator and checker).
    public func solve(overrides: [Quantity: Double] = [:], formulas: Bool = true) -> Chain {
        var c = Chain()
        let ex = exercise, L = ex.layerCount, sizes = ex.sizes
        let r = ex.rounding
        func R(_ x: Double) -> Double { r.map { Rounding.round(x, $0) } ?? x }
        func f(_ x: Double) -> String { Notation.number(x, decimals: r) }
        func p(_ x: Double) -> String { x < 0 ? "(" + f(x) + ")" : f(x) }
        // Givens (input, weights, biases, targets, η) as written in the problem.
        func g(_ x: Double) -> String { Notation.number(x, decimals: nil) }
        func pg(_ x: Double) -> String { x < 0 ? "(" + g(x) + ")" : g(x) }
        func pa(_ l: Int, _ i: Int) -> String { l == 1 ? pg(prevA(l, i)) : p(prevA(l, i)) }
        func name(_ q: Quantity) -> String { q.name(layout: ex.layout, sharedBias: ex.bias == .shared) }
        func record(_ q: Quantity, _ value: Double, inputs: [Quantity], symbols: @autoclosure () -> String,
                    numbers: @autoclosure () -> String) {
            c.order.append(q)
            c.computed[q] = value
            c.used[q] = overrides[q] ?? value
            c.inputs[q] = inputs
            if formulas {
                c.symbols[q] = symbols()
                c.numbers[q] = numbers() + " = " + f(value)
            }
        }
        func prevA(_ l: Int, _ i: Int) -> Double { l == 1 ? ex.input[i] : c[Quantity(.a, layer: l - 1, j: i)] }
        func prevName(_ l: Int, _ i: Int) -> String { l == 1 ? "x" + Notation.subscript(i + 1) : name(Quantity(.a, layer: l - 1, j: i)) }
        func prevInputs(_ l: Int, _ i: Int) -> [Quantity] { l == 1 ? [] : [Quantity(.a, layer: l - 1, j: i)] }
        func wName(_ l: Int, _ i: Int, _ j: Int) -> String {
            String(name(Quantity(.newW, layer: l, i: i, j: j)).dropLast())
        }
        func bName(_ l: Int, _ j: Int) -> String { String(name(Quantity(.newB, layer: l, j: j)).dropLast()) }

        // 1. Forward.
        for l in 1...L {
            let act = activations[l - 1]
            for j in 0..<sizes[l] {
                var sum = 0.0
                var sym: [String] = [], num: [String] = []
                var inputs: [Quantity] = []
                for i in 0..<sizes[l - 1] {
                    let w = ex.weights[l - 1][i][j]
                    sum += prevA(l, i) * w
                    if formulas {
                        sym.append(prevName(l, i) + "·" + wName(l, i, j))
                        num.append(pa(l, i) + "·" + pg(w))
                    }
                    inputs += prevInputs(l, i)
                }
                if ex.bias != .none {
                    let b = ex.biases[l - 1][j]
                    sum += b
                    if formulas {
                        sym.append(bName(l, j))
                        num.append(pg(b))
                    }
                }
                record(Quantity(.z, layer: l, j: j), R(sum), inputs: inputs,
                       symbols: sym.joined(separator: " + "), numbers: num.joined(separator: " + "))
            }
            let zq = (0..<sizes[l]).map { Quantity(.z, layer: l, j: $0) }
            if act.isSoftmax {
                let soft = HandActivation.softmax(zq.map { c[$0] })
                for j in 0..<sizes[l] {
                    record(Quantity(.a, layer: l, j: j), R(soft[j]), inputs: zq,
                           symbols: "exp(" + name(zq[j]) + ") / Σₖ exp(z⁽\(Notation.superscript(l))⁾ₖ)",
                           numbers: "exp(" + f(c[zq[j]]) + ") / (" + zq.map { "exp(" + f(c[$0]) + ")" }.joined(separator: " + ") + ")")
                }
            } else {
                for j in 0..<sizes[l] {
                    let z = c[zq[j]]
                    record(Quantity(.a, layer: l, j: j), R(act.value(z)), inputs: [zq[j]],
                           symbols: "\(act.name)(\(name(zq[j])))", numbers: "\(act.name)(\(f(z)))")
                }
            }
        }

        // 2. Loss.
        let aq = (0..<sizes[L]).map { Quantity(.a, layer: L, j: $0) }
        let outA = aq.map { c[$0] }
        let lossTerms = formulas ? zip(outA, ex.target).map { "(" + f($0) + " − " + g($1) + ")²" }.joined(separator: " + ") : ""
        var lossNumbers = ""
        if formulas { switch loss.name {
        case "half-sse": lossNumbers = "½[" + lossTerms + "]"
        case "sse": lossNumbers = lossTerms
        case "mse": lossNumbers = "(1/\(sizes[L]))[" + lossTerms + "]"
        case "bce":
            lossNumbers = "−[" + zip(outA, ex.target).map { "\(g($1))·ln \(f($0)) + (1 − \(g($1)))·ln(1 − \(f($0)))" }.joined(separator: " + ") + "]"
        default:
            lossNumbers = "−[" + zip(outA, ex.target).map { "\(g($1))·ln \(f($0))" }.joined(separator: " + ") + "]"
        } }
        record(Quantity(.loss, layer: 0), R(loss.value(outA, ex.target)), inputs: aq,
               symbols: String(loss.formula.dropFirst(4)), numbers: lossNumbers)

        // 3–4. δ from the output back.
        let outAct = activations[L - 1]
        let simplified = (outAct.name == "sigmoid" && loss.name == "bce") || (outAct.isSoftmax && loss.name == "cce")
        for j in 0..<sizes[L] {
            let q = Quantity(.delta, layer: L, j: j)
            let a = c[aq[j]], t = ex.target[j], zq = Quantity(.z, layer: L, j: j), z = c[zq]
            if simplified {
                record(q, R(a - t), inputs: [aq[j]], symbols: name(aq[j]) + " − t" + Notation.subscript(j + 1),
                       numbers: f(a) + " − " + g(t))
            } else if outAct.isSoftmax {
                // δⱼ = Σₖ ∂E/∂aₖ · aₖ(δⱼₖ − aⱼ) = aⱼ(gⱼ − Σₖ gₖaₖ)
                let dE = (0..<sizes[L]).map { loss.derivative(a: c[aq[$0]], t: ex.target[$0], n: sizes[L]) }
                let dot = zip(dE, aq).reduce(0) { $0 + $1.0 * c[$1.1] }
                record(q, R(a * (dE[j] - dot)), inputs: aq, symbols: "aⱼ(∂E/∂aⱼ − Σₖ ∂E/∂aₖ·aₖ)",
                       numbers: p(a) + "·(" + f(dE[j]) + " − " + f(dot) + ")")
            } else {
                let dE = loss.derivative(a: a, t: t, n: sizes[L])
                let d = outAct.derivative(z: z, a: a)
                record(q, R(dE * d), inputs: outAct.derivativeUsesA ? [aq[j]] : [aq[j], zq],
                       symbols: loss.derivativeSymbols(a: name(aq[j]), t: "t" + Notation.subscript(j + 1))
                           + "·" + derivativeSymbols(outAct, L, j),
                       numbers: loss.derivativeNumbers(a: f(a), t: g(t), n: sizes[L]) + "·"
                           + derivativeNumbers(outAct, a: a, z: z, f))
            }
        }
        if L >= 2 {
            for l in stride(from: L - 1, through: 1, by: -1) {
                let act = activations[l - 1]
                for i in 0..<sizes[l] {
                    var s = 0.0
                    var sym: [String] = [], num: [String] = []
                    var inputs: [Quantity] = []
                    for j in 0..<sizes[l + 1] {
                        let dq = Quantity(.delta, layer: l + 1, j: j)
                        let w = ex.weights[l][i][j]
                        s += c[dq] * w
                        if formulas {
                            sym.append(name(dq) + "·" + wName(l + 1, i, j))
                            num.append(p(c[dq]) + "·" + pg(w))
                        }
                        inputs.append(dq)
                    }
                    let a = c[Quantity(.a, layer: l, j: i)], z = c[Quantity(.z, layer: l, j: i)]
                    inputs.append(Quantity(act.derivativeUsesA ? .a : .z, layer: l, j: i))
                    record(Quantity(.delta, layer: l, j: i), R(s * act.derivative(z: z, a: a)), inputs: inputs,
                           symbols: "(" + sym.joined(separator: " + ") + ")·" + derivativeSymbols(act, l, i),
                           numbers: "(" + num.joined(separator: " + ") + ")·" + derivativeNumbers(act, a: a, z: z, f))
                }
            }
        }

        // 5. Gradients.
        for l in stride(from: L, through: 1, by: -1) {
            for i in 0..<sizes[l - 1] {
                for j in 0..<sizes[l] {
                    let dq = Quantity(.delta, layer: l, j: j)
                    record(Quantity(.gradW, layer: l, i: i, j: j), R(prevA(l, i) * c[dq]),
                           inputs: prevInputs(l, i) + [dq], symbols: prevName(l, i) + "·" + name(dq),
                           numbers: pa(l, i) + "·" + p(c[dq]))
                }
            }
            switch ex.bias {
            case .none: break
            case .perNeuron:
                for j in 0..<sizes[l] {
                    let dq = Quantity(.delta, layer: l, j: j)
                    record(Quantity(.gradB, layer: l, j: j), R(c[dq]), inputs: [dq], symbols: name(dq), numbers: f(c[dq]))
                }
            case .shared:
                let dq = (0..<sizes[l]).map { Quantity(.delta, layer: l, j: $0) }
                record(Quantity(.gradB, layer: l), R(dq.reduce(0) { $0 + c[$1] }), inputs: dq,
                       symbols: dq.map(name).joined(separator: " + "), numbers: dq.map { p(c[$0]) }.joined(separator: " + "))
            }
        }

        // 6. Update.
        let eta = ex.learningRate
        for l in stride(from: L, through: 1, by: -1) {
            for i in 0..<sizes[l - 1] {
                for j in 0..<sizes[l] {
                    let gq = Quantity(.gradW, layer: l, i: i, j: j)
                    let w = ex.weights[l - 1][i][j]
                    record(Quantity(.newW, layer: l, i: i, j: j), R(w - eta * c[gq]), inputs: [gq],
                           symbols: wName(l, i, j) + " − η·" + name(gq),
                           numbers: g(w) + " − " + g(eta) + "·" + p(c[gq]))
                }
            }
            let biasCount = ex.bias == .none ? 0 : (ex.bias == .shared ? 1 : sizes[l])
            for j in 0..<biasCount {
                let gq = Quantity(.gradB, layer: l, j: j)
                let b = ex.biases[l - 1][j]
                if ex.updateBias {
                    record(Quantity(.newB, layer: l, j: j), R(b - eta * c[gq]), inputs: [gq],
                           symbols: bName(l, j) + " − η·" + name(gq), numbers: g(b) + " − " + g(eta) + "·" + p(c[gq]))
                } else {
                    record(Quantity(.newB, layer: l, j: j), b, inputs: [],
                           symbols: bName(l, j) + " (biases are not updated)", numbers: g(b))
                }
            }
        }
        return c
    }

    private func derivativeSymbols(_ act: HandActivation, _ l: Int, _ j: Int) -> String {
        let a = Quantity(.a, layer: l, j: j).name(), z = Quantity(.z, layer: l, j: j).name()
        switch act.name {
        case "sigmoid", "softmax": return a + "(1 − " + a + ")"
        case "tanh": return "(1 − " + a + "²)"
        case "identity": return "1"
        default: return act.name + "′(" + z + ")"
        }
    }

    private func derivativeNumbers(_ act: HandActivation, a: Double, z: Double, _ f: (Double) -> String) -> String {
        switch act.name {
        case "sigmoid", "softmax": return f(a) + "·(1 − " + f(a) + ")"
        case "tanh": return "(1 − " + f(a) + "²)"
        case "identity": return "1"
        default: return act.name + "′(" + f(z) + ")"
        }
    }
}
