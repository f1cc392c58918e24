import Foundation
import Testing

/// The delta rule w ← w − η(ŷ − y)x, b ← b − η(ŷ − y), one sample at a time in the data's order, with
/// ŷ = 1 when x·w + b ≥ 0: re-implemented here with plain Doubles to replay the lessons' traces.
struct HandPerceptron {
    struct Step { var epoch, sample: Int; var x: [Double]; var net: Double; var yHat, y: Int; var w: [Double]; var b: Double }
    var steps: [Step] = []
    var errors: [Int] = []
    var w: [Double], b: Double

    init(_ data: [([Double], Int)], w: [Double], b: Double, eta: Double, epochs: Int) {
        self.w = w
        self.b = b
        for epoch in 1...epochs {
            var wrong = 0
            for (k, (x, y)) in data.enumerated() {
                var net = self.b
                for i in x.indices { net += x[i] * self.w[i] }
                let yHat = net >= 0 ? 1 : 0
                let err = Double(yHat - y)
                if yHat != y { wrong += 1 }
                for i in x.indices { self.w[i] -= eta * err * x[i] }
                self.b -= eta * err
                steps.append(Step(epoch: epoch, sample: k + 1, x: x, net: net, yHat: yHat, y: y, w: self.w, b: self.b))
            }
            errors.append(wrong)
            if wrong == 0 { break }
        }
    }

    /// A trace row as the lesson's table prints it: epoch, sample, x, net, ŷ, y, ŷ − y, w, b.
    static func row(_ s: Step) -> [String] {
        [printed(s.epoch), printed(s.sample)] + s.x.map { printed(Int($0)) } + [printed(s.net), printed(s.yHat), printed(s.y), printed(s.yHat - s.y)]
            + s.w.map { printed($0) } + [printed(s.b)]
    }

    /// The summary line: epochs, w, b, then the errors per epoch.
    var summary: [String] { [printed(errors.count)] + w.map { printed($0) } + [printed(b)] + errors.map { printed($0) } }
}

let truth: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
func gate(_ f: (Int, Int) -> Int) -> [([Double], Int)] { truth.map { ($0, f(Int($0[0]), Int($0[1]))) } }

/// Lessons 1, 3 and 4: activation tables, the gates' truth tables and the delta-rule traces.
@Suite(.serialized) struct CourseNumbersPerceptronTests {
    @Test(arguments: ["vi/01-neuron-activations", "en/01-neuron-activations"])
    func neuronAndActivations(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        // The neuron: Net = 1·0.5 + 2·(−0.2) + 3·0.1 + 0.1 = 0.5; σ(0.5) = 1/(1 + e^−0.5) = 0.6225.
        let net = 1 * 0.5 + 2 * -0.2 + 3 * 0.1 + 0.1
        h.expectRow(["1", "0.5000", "2", printed(-0.2), "3", "0.1000", "0.1000", printed(net)], "Net")
        h.expectRow([printed(net), printed(sigmoid(net))], "σ(Net)")
        #expect(printed(sigmoid(net)) == "0.6225")

        // The HUFLIT table at z = −2…2: each function and its derivative from its textbook formula.
        for zi in -2...2 {
            let z = Double(zi), s = sigmoid(z), t = tanh(z)
            // The step's derivative is 0 for z ≠ 0 and undefined at 0 ("?", as in its formula).
            let first: [Double] = [z, 1, z >= 0 ? 1 : 0, 0, s, s * (1 - s), t, 1 - t * t, atan(z), 1 / (z * z + 1)]
            var row = [printed(zi)] + first.map { printed($0) }
            if zi == 0 { row[4] = "?" }
            h.expectWords(row, "first five activations at z = \(zi)")
            let elu = z < 0 ? exp(z) - 1 : z
            let second: [Double] = [max(0, z), z >= 0 ? 1 : 0, z < 0 ? 0.25 * z : z, z < 0 ? 0.25 : 1,
                                    elu, z < 0 ? elu + 1 : 1, log(1 + exp(z)), s]
            h.expectRow([printed(zi)] + second.map { printed($0) }, "other four activations at z = \(zi)")
        }
        // Hand check of a few: σ(−2) = 0.1192, tanh′(1) = 1 − 0.7616² = 0.4200, softplus(2) = ln(1 + e²) = 2.1269.
        #expect(printed(sigmoid(-2)) == "0.1192" && printed(1 - tanh(1) * tanh(1)) == "0.4200" && printed(log(1 + exp(2.0))) == "2.1269")

        // A linear [2-3-1]: X·W⁽¹⁾ row by row, then ·W⁽²⁾ — the rows of W⁽¹⁾W⁽²⁾ and 2·row₁ + 3·row₂.
        let w1: [[Double]] = [[1, -1, 0.5], [2, 0.5, -1]], w2: [[Double]] = [[1], [2], [-1]]
        var outputs: [String] = []
        for x in [[1.0, 0], [0, 1], [2, 3]] {
            let z1 = layer(x, w1)
            h.expectRow(z1.map { printed($0) }, "linear Z⁽¹⁾")
            outputs.append(printed(layer(z1, w2)[0]))
        }
        #expect(outputs == [printed(-1.5), "4.0000", "9.0000"])
        h.expectInOrder(outputs, "linear output", gap: 4)

        // Exercise 1: Net = 2·0.4 + (−1)·0.3 − 0.2 = 0.3; σ(0.3) = 0.5744; ReLU(0.3) = 0.3.
        let net1 = 2 * 0.4 + -1 * 0.3 - 0.2
        h.expectRow(["2", "0.4000", printed(-1), "0.3000", printed(-0.2), printed(net1)], "exercise 1 Net")
        h.expectRow([printed(net1), printed(sigmoid(net1))], "exercise 1 σ")
        h.expectRow([printed(net1), printed(max(0, net1))], "exercise 1 ReLU")
        // Exercise 2: σ(0) = 0.5, σ′(0) = 0.25; σ(4) = 0.9820, σ′(4) = 0.0177.
        for z in [0.0, 4] { h.expectRow([printed(Int(z)), printed(sigmoid(z)), printed(sigmoid(z) * (1 - sigmoid(z)))], "exercise 2") }
        // Exercise 3: W⁽¹⁾W⁽²⁾ = [[1·3 + 2·1], [0·3 − 1·1]] = [5, −1].
        h.expectRow(["1.0000", "2.0000", "3.0000", "5.0000"], "exercise 3 first row")
        h.expectRow(["0.0000", printed(-1.0), "1.0000", printed(-1.0)], "exercise 3 second row")
        // The moons runs (200 points, no validation): accuracies are whole counts of the 200.
        h.expectAccuraciesCount(200, atLeast: 2)
    }

    @Test(arguments: ["vi/03-perceptron", "en/03-perceptron"])
    func gates(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        // The blog's weights: NOT w = −1, b = 0.25; AND (1, 1), −2; OR (1, 1), −1; NAND (−1, −1), 1.5.
        // NOT and NAND are shown with 2 decimals (digits: 2), as the blog writes 0.25 and 1.5.
        func step(_ s: Double) -> Int { s >= 0 ? 1 : 0 }
        func shown(_ x: Double, _ digits: Int) -> String { x == x.rounded() ? printed(Int(x)) : printed(x, digits) }
        for x in [0, 1] {
            let net = -1 * Double(x) + 0.25
            h.expectRow([printed(x), shown(net, 2), printed(step(net))], "NOT(\(x))")
        }
        for (name, w, b, digits) in [("AND", [1.0, 1], -2.0, 4), ("OR", [1, 1], -1, 4), ("NAND", [-1, -1], 1.5, 2)] {
            for x in truth {
                let net = x[0] * w[0] + x[1] * w[1] + b
                h.expectRow(x.map { printed(Int($0)) } + [shown(net, digits), printed(step(net))], "\(name)\(x)")
            }
        }
        // XOR = AND(OR, NAND): h₁ = x₁ ∨ x₂, h₂ = ¬(x₁ ∧ x₂), y = h₁ ∧ h₂ = x₁ ⊕ x₂.
        for x in truth {
            let a = Int(x[0]), c = Int(x[1])
            let h1 = a | c, h2 = 1 - (a & c)
            #expect(h1 & h2 == a ^ c)
            h.expectRow([printed(a), printed(c), printed(h1), printed(h2), printed(h1 & h2)], "XOR\(x)")
        }
        // Exercise 1: NOR learnt from w = (0.33, −0.13), b = 0.05, η = 0.1.
        let nor = HandPerceptron(gate { 1 - ($0 | $1) }, w: [0.33, -0.13], b: 0.05, eta: 0.1, epochs: 20)
        #expect(nor.errors.last == 0)
        h.expectRun(nor.summary, "NOR perceptron")
        // Exercise 2: OR with b = −0.5: sums −0.5, 0.5, 0.5, 1.5, outputs 0, 1, 1, 1.
        h.expectInOrder(truth.map { printed($0[0] + $0[1] - 0.5) }, "OR with b = −0.5", gap: 8)
    }

    @Test(arguments: ["vi/04-delta-rule", "en/04-delta-rule"])
    func deltaRule(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        let w0 = [0.33, -0.13], b0 = 0.05
        // AND and OR: every row of both traces, then the summary (epochs, w, b, errors per epoch).
        let and = HandPerceptron(gate { $0 & $1 }, w: w0, b: b0, eta: 0.1, epochs: 20)
        let or = HandPerceptron(gate { $0 | $1 }, w: w0, b: b0, eta: 0.1, epochs: 20)
        // Hand check of AND's first row: net = 0.05 ≥ 0 → ŷ = 1, y = 0: b ← 0.05 − 0.1 = −0.05, w unchanged.
        #expect(HandPerceptron.row(and.steps[0]) == ["1", "1", "0", "0", "0.0500", "1", "0", "1", "0.3300", "\u{2212}0.1300", "\u{2212}0.0500"])
        #expect(and.errors == [3, 1, 2, 2, 1, 0] && or.errors.last == 0)
        for s in and.steps + or.steps { h.expectRow(HandPerceptron.row(s), "trace") }
        h.expectRun(and.summary, "AND summary")
        h.expectRun(or.summary, "OR summary")
        // XOR: 30 and 100 epochs without convergence.
        for epochs in [30, 100] {
            let xor = HandPerceptron(gate { $0 ^ $1 }, w: w0, b: b0, eta: 0.1, epochs: epochs)
            #expect(xor.errors.count == epochs && xor.errors.last == 4)
            h.expectRun(xor.summary, "XOR over \(epochs) epochs")
        }
        // Exercise 1: w = (0.3, −0.6), b = 0.1, η = 0.2; (1, 1) → 1: net −0.2, a miss, w = (0.5, −0.4), b = 0.3;
        // then (0, 0) → 0: net 0.3, a false fire, b = 0.1.
        let one = HandPerceptron([([1, 1], 1), ([0, 0], 0)], w: [0.3, -0.6], b: 0.1, eta: 0.2, epochs: 1)
        for s in one.steps { h.expectRow(HandPerceptron.row(s), "exercise 1") }
        h.expectRun(one.summary, "exercise 1 summary")
        // Exercise 2: AND again with η = 0.5.
        let fast = HandPerceptron(gate { $0 & $1 }, w: w0, b: b0, eta: 0.5, epochs: 20)
        #expect(fast.errors.last == 0)
        h.expectRun(fast.summary, "exercise 2 summary")
    }
}
