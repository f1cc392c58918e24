import Foundation
import Testing

extension Handout {
    /// One dense layer's backward step as the lessons print it per weight: ∂E/∂wᵢⱼ = xᵢ·δⱼ, ∂E/∂bⱼ = δⱼ,
    /// then wᵢⱼ ← wᵢⱼ − η·∂E/∂wᵢⱼ and bⱼ ← bⱼ − η·δⱼ (inputs are whole numbers here, printed as such).
    func expectLayerStep(x: [Double], delta: [Double], w: [[Double]], b: [Double], eta: Double, _ what: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let etaText = eta == eta.rounded() ? "\(Int(eta))" : "\(eta)"
        for i in x.indices {
            for j in delta.indices {
                let g = x[i] * delta[j]
                expectRow([printed(Int(x[i])), printed(delta[j]), printed(g)], "\(what) ∂E/∂w\(i + 1)\(j + 1)", sourceLocation: sourceLocation)
                expectRow([printed(w[i][j]), etaText, printed(g), printed(w[i][j] - eta * g)], "\(what) new w\(i + 1)\(j + 1)", sourceLocation: sourceLocation)
            }
        }
        for j in delta.indices {
            expectRow([printed(b[j]), etaText, printed(delta[j]), printed(b[j] - eta * delta[j])], "\(what) new b\(j + 1)", sourceLocation: sourceLocation)
        }
    }
}

func softmax(_ z: [Double]) -> [Double] {
    let e = z.map { exp($0) }, s = e.reduce(0, +)
    return e.map { $0 / s }
}

/// Lessons 7 and 8: the losses worked term by term, softmax with categorical cross-entropy, the
/// badly wrong neuron under ½SSE and cross-entropy, one gradient-descent step.
@Suite(.serialized) struct CourseNumbersLossTests {
    @Test(arguments: ["vi/07-loss-softmax", "en/07-loss-softmax"])
    func losses(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        // ½SSE and MSE of ŷ = (0.8, 0.3, 0.1) against y = (1, 0, 0): ½(0.04 + 0.09 + 0.01) = 0.07, 0.14/3 = 0.0467;
        // gradients ŷ − y and (2/3)(ŷ − y).
        let p = [0.8, 0.3, 0.1], y = [1.0, 0, 0]
        let sq = zip(p, y).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        h.expectRun([printed(0.5 * sq), printed(sq / 3)], "½SSE and MSE")
        for k in 0..<3 {
            h.expectRow([printed(p[k]), printed(Int(y[k])), printed(p[k] - y[k])], "½SSE gradient \(k + 1)")
            h.expectRow([printed(p[k]), printed(Int(y[k])), printed(2.0 / 3 * (p[k] - y[k]))], "MSE gradient \(k + 1)")
        }
        // BCE of ŷ = 0.8, y = 1: −ln 0.8 = 0.2231; ∂/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)) = −0.2/0.16 = −1.25.
        // Exercise 1: ŷ = 0.9 → 0.1054, −1.1111; ŷ = 0.1 → 2.3026, −10.
        for q in [0.8, 0.9, 0.1] {
            h.expectRow([printed(q), "1", "1", "1", printed(q), printed(-log(q))], "BCE at ŷ = \(q)")
            h.expectRow([printed((q - 1) / (q * (1 - q)))], "BCE gradient at ŷ = \(q)")
        }
        #expect(printed(-log(0.8)) == "0.2231" && printed(-log(0.1)) == "2.3026")

        // The badly wrong neuron: z = 1·1 − 4 = −3, ŷ = σ(−3) = 0.0474, η = 1.
        let a = sigmoid(-3)
        h.expectRow(["1", "1.0000", printed(-4.0), printed(-3.0)], "wrong neuron z")
        h.expectRow([printed(-3.0), printed(a)], "wrong neuron ŷ")
        // ½SSE: E = ½(ŷ − 1)² = 0.4537, δ = (ŷ − 1)·ŷ(1 − ŷ) = −0.0430.
        let dSSE = (a - 1) * a * (1 - a)
        h.expectRow([printed(a), "1", "2", printed(0.5 * (a - 1) * (a - 1))], "½SSE of the wrong neuron")
        h.expectRow([printed(a), "1", printed(a), "1", printed(a), printed(dSSE)], "½SSE δ")
        h.expectLayerStep(x: [1], delta: [dSSE], w: [[1]], b: [-4], eta: 1, "½SSE step")
        // Cross-entropy: J = −ln ŷ = 3.0486, δ = ŷ − 1 = −0.9526.
        h.expectRow([printed(a), "1", "1", "1", printed(a), printed(-log(a))], "BCE of the wrong neuron")
        h.expectRow([printed(a), "1", printed(a - 1)], "BCE δ")
        h.expectLayerStep(x: [1], delta: [a - 1], w: [[1]], b: [-4], eta: 1, "BCE step")
        #expect(printed(dSSE) == "\u{2212}0.0430" && printed(a - 1) == "\u{2212}0.9526")

        // Softmax of the 3-class layer at x = (1, 2): z = (1 + 1 + 0.2, 0.5 − 2 + 0.1, −0.5 + 1 + 0) = (2.2, −1.4, 0.5).
        let w: [[Double]] = [[1.0, 0.5, -0.5], [0.5, -1.0, 0.5]], b = [0.2, 0.1, 0], x = [1.0, 2.0]
        let z = layer(x, w, b), s = softmax(z)
        #expect(z.map { printed($0) } == ["2.2000", "\u{2212}1.4000", "0.5000"])
        for j in 0..<3 { h.expectRow(["1", printed(w[0][j]), "2", printed(w[1][j]), printed(b[j]), printed(z[j])], "softmax z\(j + 1)") }
        h.expectRow(z.map { printed($0) }, "softmax denominator")
        h.expectRow(s.map { printed($0) }, "softmax ŷ")
        // CCE of (0.7, 0.2, 0.1) against class 1: −ln 0.7 = 0.3567, ∂/∂ŷ₁ = −1/0.7 = −1.4286.
        h.expectRow(["1", "0.7000", printed(-log(0.7))], "CCE")
        h.expectRow([printed(-1 / 0.7)], "CCE gradient")
        // One step of the softmax layer with CCE, η = 0.1, for the right class 1 and (exercise 3) class 2:
        // J = −ln ŷ_c, δ = ŷ − y.
        for c in [0, 1] {
            let t = (0..<3).map { $0 == c ? 1.0 : 0 }
            let delta = (0..<3).map { s[$0] - t[$0] }
            h.expectRow(["1", printed(s[c]), printed(-log(s[c]))], "CCE of class \(c + 1)")
            for k in 0..<3 { h.expectRow([printed(s[k]), printed(Int(t[k])), printed(delta[k])], "CCE δ\(k + 1) for class \(c + 1)") }
            h.expectLayerStep(x: x, delta: delta, w: w, b: b, eta: 0.1, "softmax step for class \(c + 1)")
        }
        // Exercise 2: a shared bias of 0 or 5 shifts every score by the same amount; softmax does not change.
        for shift in [0.0, 5] {
            let zs = layer(x, w, [shift, shift, shift])
            for j in 0..<3 { h.expectRow(["1", printed(w[0][j]), "2", printed(w[1][j]), printed(shift), printed(zs[j])], "shifted z\(j + 1)") }
            #expect(softmax(zs).map { printed($0) } == softmax(layer(x, w, [0, 0, 0])).map { printed($0) })
        }
        let s0 = softmax(layer(x, w, [0, 0, 0])).map { printed($0) }
        h.expectRun(s0 + s0, "softmax with both shared biases")
    }

    @Test(arguments: ["vi/08-gradient-descent", "en/08-gradient-descent"])
    func gradientStep(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        // Exercise 1: ŷ = 0.5·2 + 0 = 1, E = ½(1 − 3)² = 2, δ = ŷ − y = −2, ∂E/∂w = 2·(−2) = −4;
        // w ← 0.5 − 0.1·(−4) = 0.9, b ← 0 − 0.1·(−2) = 0.2.
        let (x, y, w, b, eta) = (2.0, 3.0, 0.5, 0.0, 0.1)
        let yHat = w * x + b, delta = yHat - y
        h.expectRow(["2", printed(w), printed(b), printed(yHat)], "ŷ")
        h.expectRow([printed(yHat), "3", "2", printed(0.5 * (yHat - y) * (yHat - y))], "E")
        h.expectRow([printed(yHat), "3", "1", printed(delta)], "δ")
        h.expectLayerStep(x: [x], delta: [delta], w: [[w]], b: [b], eta: eta, "one step")
        h.expectRun([printed(w - eta * delta * x), printed(b - eta * delta)], "prose: new w and b")
        // The optimizer comparisons train on 200 moons: accuracies are whole counts of the 200.
        h.expectAccuraciesCount(200, atLeast: 2)
    }
}
