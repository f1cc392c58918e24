import Foundation
import Testing
@testable import Notebook

@Suite struct CellKindTests {
    @Test func scaleMinMaxOnTheSlidesCarTable() throws {
        // HUFLIT 004: ages 6, 3, 8 → min 3, max 8 → (6−3)/5 = 0.6, 0.0, 1.0 (the slide misprints 8 → 0.0).
        let (_, text) = try run(["```nn scale", "name: cars", "columns: [age, km, colour]",
                                 "rows: [[6, 80000, red], [3, 20000, blue], [8, 120000, red]]", "method: min-max",
                                 "distance: [1, 2]", "```", "Tuổi 6 → {{cars.scaled[1][1]}}; d = {{cars.distance:3}}."])
        #expect(text.contains("\\frac{6 - 3}{8 - 3} = 0.6000"))
        #expect(text.contains("Tuổi 6 → 0.6000;"))
        // km: (80000−20000)/100000 = 0.6; row 2 → 0; distance between rows 1 and 2 = √(0.6² + 0.6²)
        let d = (0.6 * 0.6 + 0.6 * 0.6).squareRoot()
        #expect(text.contains("d = \(String(format: "%.3f", d))."))
    }

    @Test func distanceOnRawWholeNumbersWritesThemAsGiven() throws {
        // The slides' cars: d(1, 2) = √((6 − 3)² + (1200 − 4000)²) = √(9 + 7 840 000) = 2800.0016
        let (_, text) = try run(["```nn dataset", "name: cars", "columns: [age, km, price]",
                                 "rows: [[6, 1200, 10], [3, 4000, 30], [8, 8000, 20]]", "target: price", "distance: [1, 2]", "```"])
        #expect(text.contains("\\sqrt{(6 - 3)^{2} + (1200 - 4000)^{2}} = \(String(format: "%.4f", (9.0 + 2800.0 * 2800).squareRoot()))"), "\(text)")
    }

    @Test func zScoreUsesPopulationSigma() throws {
        let (_, text) = try run(["```nn scale", "name: z", "columns: [x]", "rows: [[2], [4], [6]]", "method: z-score", "```",
                                 "σ = {{z.std[1]}}"])
        // μ = 4, σ = √((4 + 0 + 4)/3) = 1.63299
        #expect(text.contains("σ = \(r4((8.0 / 3).squareRoot()))"))
        #expect(text.contains("\\frac{2 - 4.0000}{1.6330} = -1.2247"))
    }

    @Test func oneHot() throws {
        let (_, text) = try run(["```nn scale", "columns: [colour]", "rows: [[red], [blue], [red]]", "method: one-hot", "```"])
        #expect(text.contains("red → (1, 0); blue → (0, 1)"))
    }

    @Test func computationalGraphOfTheBlog() throws {
        // 003: x = 1, w = 5, b = 1, y = 2: ŷ = 6, e = 4, L = 16, ∂L/∂w = 2e·x = 8.
        let (_, text) = try run(["```nn graph", "name: g", "x: 1", "w: 5", "b: 1", "y: 2", "learning-rate: 0.1", "```",
                                 "L = {{g.loss:0}}, ∂L/∂w = {{g.grad-w:1}}, w mới = {{g.new-w:2}}."])
        #expect(text.contains("\\hat{y} &= w x + b = 5 \\cdot 1 + 1 = 6.0000"))
        #expect(text.contains("L = 16, ∂L/∂w = 8.0, w mới = 4.20."))
    }

    @Test func lossWorkedTermByTerm() throws {
        let (_, text) = try run(["```nn loss", "name: l", "loss: half-sse", "predicted: [0.8, 0.3]", "target: [1, 0]", "```", "E = {{l.value}}"])
        // ½[(0.8−1)² + 0.3²] = ½(0.04 + 0.09) = 0.065
        #expect(text.contains("E = 0.0650"))
        #expect(text.contains("\\frac{\\partial E}{\\partial \\hat{y}_{1}} &= (0.8000 - 1) = -0.2000"))
    }

    @Test func perceptronOnAnd() throws {
        let (_, text) = try run(["```nn perceptron", "name: p", "data: and", "learning-rate: 0.1", "epochs: 20", "```",
                                 "Sau {{p.epochs-run}} epoch, hội tụ: {{p.converged}}."])
        #expect(text.contains("hội tụ: có."))
        #expect(!text.contains("Sau 20 epoch"))
    }

    @Test func gatesTruthTables() throws {
        let (_, text) = try run(["```nn gates", "gates: [AND, XOR]", "```"])
        // AND with w = (1, 1), b = −2: net(1,1) = 0 → fires (net ≥ 0).
        #expect(text.contains("**AND**: $w = (1, 1)$, $b = -2$"))
        #expect(text.contains("1 | 1 | 0 | 1"))
        #expect(text.contains("$h_{1}$ = OR"))
    }

    @Test func gradientCheckAgrees() throws {
        let (_, text) = try run(ex232 + ["```nn gradcheck", "name: gc", "network: ex232", "input: [0.5, 1.0]", "target: [1, 0]", "```",
                                         "max = {{gc.max-relative-error:12}}"])
        let line = text.split(separator: "\n").first { $0.hasPrefix("max = ") }!
        let v = Double(line.dropFirst(6))!
        #expect(v < 1e-6)
    }

    @Test func aTinyRelativeErrorIsNotPrintedAsZero() throws {
        // With the default 4 decimals the relative error (about 2×10⁻⁹) used to print as 0.0000 in
        // prose; it is printed in scientific form, as in the gradient-check table.
        let (_, text) = try run(ex232 + ["```nn gradcheck", "name: gc", "network: ex232", "input: [0.5, 1.0]", "target: [1, 0]", "```",
                                         "max = {{gc.max-relative-error}}."])
        let line = String(text.split(separator: "\n").first { $0.hasPrefix("max = ") }!)
        #expect(!line.contains("0.0000"))
        #expect(line.contains("×10⁻"))
        // The mantissa and exponent agree with the value at 12 decimals.
        let (_, text12) = try run(ex232 + ["```nn gradcheck", "name: gc", "network: ex232", "input: [0.5, 1.0]", "target: [1, 0]", "```",
                                           "max = {{gc.max-relative-error:12}}"])
        let v = Double(text12.split(separator: "\n").first { $0.hasPrefix("max = ") }!.dropFirst(6))!
        #expect(v > 0)
        let shown = String(format: "%.1e", v)   // e.g. "2.3e-09"
        let mantissa = shown.prefix(3), exponent = Int(shown.split(separator: "e")[1])!
        let sup: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        #expect(line == "max = \(mantissa)×10⁻" + String(String(-exponent).map { sup[$0.wholeNumberValue!] }) + ".")
    }

    @Test func activationTable() throws {
        let (_, text) = try run(["```nn activation", "functions: [sigmoid, relu]", "show: table", "at: [-1, 0, 2]", "```"])
        #expect(text.contains("0.2689"))                     // σ(−1) = 1/(1+e) = 0.26894
        #expect(text.contains(r4(sig(2) * (1 - sig(2)))))
    }
}
