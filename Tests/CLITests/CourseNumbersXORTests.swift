import Foundation
import Testing

/// Lessons 10 and 11: the XOR network by hand and a trained one checked for consistency, the six-ReLU
/// sum of the HUST slides, the hat function and the curve data.
@Suite(.serialized) struct CourseNumbersXORTests {
    func relu(_ z: Double) -> Double { max(0, z) }

    @Test(arguments: ["vi/10-xor-mlp", "en/10-xor-mlp"])
    func xor(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        let xs = truth, targets = [0.0, 1, 1, 0]

        // Exercise 3, by hand: hidden OR (w = (1, 1), b = −1) and NAND (w = (−1, −1), b = 1.5), output AND
        // (w = (1, 1), b = −2), step activations. Z⁽¹⁾ rows −1 1.5 / 0 0.5 / 0 0.5 / 1 −0.5 (the lesson
        // prints them with `digits: 1`: every value is exact to one decimal).
        func step(_ s: Double) -> Double { s >= 0 ? 1 : 0 }
        var outputs: [String] = []
        for (x, y) in zip(xs, targets) {
            let z1 = [x[0] + x[1] - 1, -x[0] - x[1] + 1.5], a1 = z1.map(step), z2 = a1[0] + a1[1] - 2
            h.expectRow(z1.map { printed($0, 1) }, "hand XOR Z⁽¹⁾ at \(x)")
            h.expectRow(a1.map { printed($0, 1) }, "hand XOR A⁽¹⁾ at \(x)")
            #expect(step(z2) == y)
            outputs.append(printed(z2, 1))
        }
        h.expectInOrder(outputs, "hand XOR Z⁽²⁾", gap: 8)
        // Every XOR run's accuracy is a whole number of the four samples.
        h.expectAccuraciesCount(4, atLeast: 3)

        // The trained [2, 2, 1] (η = 0.5): its numbers come from training, so they are checked for
        // consistency: the printed W, b, Z, A must satisfy Z = XW + b and A = σ(Z) to rounding, the
        // outputs give the accuracy printed, ½Σ(ŷ − y)² gives the final loss printed, and the hidden
        // points fall on either side of the line a₁ + a₂ = 0.5 as the prose says.
        let lines = h.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let label = lines.firstIndex(where: { $0.contains("𝑋𝑊 (1) + 𝑏(1)") }) else {
            Issue.record("\(lesson): the trained network's Z⁽¹⁾ = XW⁽¹⁾ + b⁽¹⁾ not found"); return
        }
        let rows = h.lines[(label - 2)...].map { $0.filter { $0.contains(".") }.map { Double($0.replacingOccurrences(of: "\u{2212}", with: "-"))! } }
            .filter { !$0.isEmpty }
        guard rows.count >= 18, rows[1].count == 4, rows[2].count == 2, rows[10].count == 4, rows[11].count == 1 else {
            Issue.record("\(lesson): the trained network's matrices are not laid out as expected: \(rows.prefix(18))"); return
        }
        let w1 = [[rows[1][0], rows[1][1]], [rows[3][0], rows[3][1]]], b1 = rows[2]
        let z1 = [rows[0], [rows[1][2], rows[1][3]], [rows[3][2], rows[3][3]], rows[4]]
        let a1 = Array(rows[5...8]), w2 = [rows[10][2], rows[12][2]], b2 = rows[11][0]
        let z2 = [rows[9][2], rows[10][3], rows[12][3], rows[13][2]], a2 = rows[14...17].map { $0[0] }
        var correct = 0, loss = 0.0
        for s in 0..<4 {
            let z = layer(xs[s], w1, b1)
            for j in 0..<2 {
                #expect(abs(z[j] - z1[s][j]) < 3e-4, "\(lesson): z⁽¹⁾ of sample \(s + 1)")
                #expect(abs(sigmoid(z1[s][j]) - a1[s][j]) < 1e-4, "\(lesson): a⁽¹⁾ of sample \(s + 1)")
            }
            #expect(abs(a1[s][0] * w2[0] + a1[s][1] * w2[1] + b2 - z2[s]) < 1.5e-3, "\(lesson): z⁽²⁾ of sample \(s + 1)")
            #expect(abs(sigmoid(z2[s]) - a2[s]) < 1e-4, "\(lesson): a⁽²⁾ of sample \(s + 1)")
            if (a2[s] >= 0.5 ? 1.0 : 0) == targets[s] { correct += 1 }
            loss += 0.5 * (a2[s] - targets[s]) * (a2[s] - targets[s])
            #expect((a1[s][0] + a1[s][1] > 0.5) == (targets[s] == 1), "\(lesson): hidden point \(s + 1) on the wrong side of a₁ + a₂ = 0.5")
        }
        h.expectRow([printed(Double(correct) / 4)], "accuracy of the trained network")
        // The training summary just above: epochs, final loss, accuracy in percent.
        let summary = h.lines[..<label].last { $0.first == "5000" && $0.count == 3 }
        if let summary, let printedLoss = Double(summary[1]) {
            #expect(abs(printedLoss - loss) < 2e-4, "\(lesson): final loss \(printedLoss) but ½Σ(ŷ − y)² = \(loss)")
            #expect(summary[2] == String(format: "%.2f", Double(correct) * 25))
        } else {
            Issue.record("\(lesson): the trained network's training summary not found")
        }
    }

    @Test(arguments: ["vi/11-universal-approximation", "en/11-universal-approximation"])
    func reluSum(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        // The HUST slides' six neurons: nᵢ(x) = ReLU(wᵢx + bᵢ), Z = −n₁ − n₂ − n₃ + n₄ + n₅ + n₆.
        let w = [-5, -1.2, 1.2, 1.2, 2, 5], b = [-7.7, -1.3, 1, -0.2, -1.1, -5], t = [-1.0, -1, -1, 1, 1, 1]
        func n(_ x: Double) -> [Double] { (0..<6).map { relu(w[$0] * x + b[$0]) } }
        func sum(_ x: Double) -> Double { zip(t, n(x)).map { $0 * $1 }.reduce(0, +) }
        // Hand check: Z(−2) = −ReLU(10 − 7.7) − ReLU(2.4 − 1.3) = −2.3 − 1.1 = −3.4; Z(2) = 1.1 + 2.2 + 2.9 + 5 − 3.4 − 0 = 6.7.
        // The lesson prints these with `digits: 1`: weights, biases and inputs have one decimal, so
        // every value below is exact to one decimal.
        func printed(_ x: Double) -> String { CLITests.printed(x, 1) }
        #expect(printed(sum(-2)) == "\u{2212}3.4" && printed(sum(2)) == "6.7")
        for k in 0..<6 {
            // The legend of the figure, each term as the slides write it: "−ReLU(−5x − 7.7)".
            func written(_ v: Double) -> String { v == v.rounded() ? CLITests.printed(Int(v)) : printed(v) }
            let coefficient = t[k] == 1 ? "" : "\u{2212}"
            let legend = "\(coefficient)ReLU(\(written(w[k]))x \(b[k] < 0 ? "\u{2212}" : "+") \(written(abs(b[k]))))"
            #expect(h.text.contains(legend), "\(lesson): legend \(legend) not in the handout")
        }
        for x in [-2.0, -1, 0, 1, 2] {
            h.expectRow((0..<6).map { printed(w[$0] * x + b[$0]) }, "Z⁽¹⁾ at x = \(x)")
            h.expectRow(n(x).map { printed($0) }, "A⁽¹⁾ at x = \(x)")
        }
        h.expectInOrder([-2.0, -1, 0, 1, 2].map { printed(sum($0)) }, "Z(x)", gap: 3)
        // Exercises 1 and 2: Z(0.5) = −1.6 + 0.4 = −1.2 and Z(0) = −1, neuron by neuron.
        for (x, input) in [(0.5, "0.5"), (0, "0")] {
            for k in 0..<6 {
                h.expectRow([input, printed(w[k]), printed(b[k]), printed(w[k] * x + b[k])], "z\(k + 1) at x = \(x)")
                h.expectRow([printed(w[k] * x + b[k]), printed(n(x)[k])], "ReLU at x = \(x)")
            }
            h.expectRow(zip(n(x), t).flatMap { [printed($0), printed($1)] } + ["0.0", printed(sum(x))], "Z(\(x))")
        }
        #expect(printed(sum(0.5)) == "\u{2212}1.2" && printed(sum(0)) == "\u{2212}1.0")
        // Exercise 3: h(x) = ReLU(x) − 2ReLU(x − 1) + ReLU(x − 2) at 0, 1, 2, 3 is 0, 1, 0, 0.
        let hat = [0.0, 1, 2, 3].map { x in [relu(x), relu(x - 1), relu(x - 2)] }
        for (x, a) in zip([0.0, 1, 2, 3], hat) {
            h.expectRow([x, x - 1, x - 2].map { printed($0) }, "hat Z⁽¹⁾ at \(x)")
            h.expectRow(a.map { printed($0) }, "hat A⁽¹⁾ at \(x)")
        }
        #expect(hat.map { $0[0] - 2 * $0[1] + $0[2] } == [0, 1, 0, 0])
        h.expectInOrder(hat.map { printed($0[0] - 2 * $0[1] + $0[2]) }, "h(x)", gap: 8)
    }

    /// The curve that lesson 11 fits: 81 points of y = sin(2x) + 0.3x on [−3, 3], to 4 decimals.
    @Test func curveData() throws {
        let csv = try String(contentsOfFile: Handout.repo + "/Lessons/data/curve.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        #expect(rows.count == 81)
        for (k, r) in rows.enumerated() {
            let x = -3 + 0.075 * Double(k)
            #expect(abs(r[0] - x) < 1e-9 && abs(r[1] - (sin(2 * x) + 0.3 * x)) <= 0.00005 + 1e-12, "curve.csv row \(k + 2): \(r)")
        }
    }
}
