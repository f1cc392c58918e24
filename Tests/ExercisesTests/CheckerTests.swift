import XCTest
@testable import Exercises

/// The HUFLIT [2-3-2] exercise (004 slides: "input, W (no bias), forward pass, one backprop update")
/// with the numbers of issue 7, and Matt Mazur's published 2-2-2 example.
final class CheckerTests: XCTestCase {

    static let huflitProblem = """
        network:
          layers: [2, 3, 2]
          activation: sigmoid
          bias: none
          update-bias: false
          weights-layout: in-out
          weights:
            - [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
            - [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]
          biases: []
        input: [0.5, 1.0]
        target: [1, 0]
        loss: half-sse
        learning-rate: 0.5

        """

    /// Values worked independently (Python, math.exp) and written to 4 decimals:
    /// z1 = [0.5·0.1+1·0.2, 0.5·0.3+1·0.4, 0.5·0.5+1·0.6] = [0.25, 0.55, 0.85]
    /// a1 = σ(z1) = [0.562176501, 0.634135591, 0.700567142]
    /// z2 = [1.104359011, 0.723324903], a2 = [0.751075962, 0.673338763]
    /// E = ½((0.751076−1)² + 0.673339²) = 0.257674133
    /// δ2 = (a−t)a(1−a) = [−0.046539053, 0.148103334]
    /// δ1 = (δ2·W2ᵀ)⊙a1(1−a1) = [0.021144230, −0.006281564, 0.007367891]
    /// new W2 = W2 − 0.5·a1ᵀδ2, new W1 = W1 − 0.5·xᵀδ1
    static let huflitAnswers = """
        answers:
          z: [[0.25, 0.55, 0.85], [1.1044, 0.7233]]
          a: [[0.5622, 0.6341, 0.7006], [0.7511, 0.6733]]
          loss: 0.2577
          delta: [[0.0211, -0.0063, 0.0074], [-0.0465, 0.1481]]
          grad-W:
            - [[0.0106, -0.0031, 0.0037], [0.0211, -0.0063, 0.0074]]
            - [[-0.0262, 0.0833], [-0.0295, 0.0939], [-0.0326, 0.1038]]
          new-W:
            - [[0.0947, 0.3016, 0.4982], [0.1894, 0.4031, 0.5963]]
            - [[0.7131, 0.7584], [0.9148, 0.0530], [0.2163, 0.2481]]

        """

    func check(_ text: String) throws -> CheckResult {
        try HandChecker.check(try VerifyFile.parse(text, file: "test.yaml"), fileName: "test.yaml")
    }

    func testHuflitAllRight() throws {
        let r = try check(Self.huflitProblem + Self.huflitAnswers)
        XCTAssertEqual(r.values.count, 3 + 2 + 3 + 2 + 1 + 5 + 12 + 12)
        XCTAssertEqual(r.wrong, 0, CheckReport.text(r, file: "t"))
        XCTAssertEqual(r.carried, 0)
        XCTAssertEqual(r.exitStatus, 0)
        XCTAssertEqual(r.unanswered, 0)
        // Expected values against the independent ones in the comment above.
        XCTAssertEqual(r.solution[Quantity(.a, layer: 1, j: 2)], 0.700567142, accuracy: 1e-9)
        XCTAssertEqual(r.solution[Quantity(.loss, layer: 0)], 0.257674133, accuracy: 1e-9)
        XCTAssertEqual(r.solution[Quantity(.delta, layer: 1, j: 1)], -0.006281564, accuracy: 1e-9)
        XCTAssertEqual(r.solution[Quantity(.newW, layer: 1, i: 1, j: 2)], 0.596316055, accuracy: 1e-9)
    }

    func testHuflitOneWrongValue() throws {
        // δ⁽²⁾₂ written as 0.1418 (digits swapped; expected 0.1481).
        let answers = Self.huflitAnswers.replacingOccurrences(of: "[-0.0465, 0.1481]", with: "[-0.0465, 0.1418]")
        let r = try check(Self.huflitProblem + answers)
        XCTAssertEqual(r.firstMistake?.quantity, Quantity(.delta, layer: 2, j: 1))
        XCTAssertEqual(r.wrong, 1)
        XCTAssertEqual(r.exitStatus, 1)
        // The student's later values were computed from the right δ, so they stay right (not carried).
        XCTAssertEqual(r.carried, 0)
        let text = CheckReport.text(r, file: "t.yaml")
        XCTAssertTrue(text.contains("First mistake: δ⁽²⁾₂"), text)
        XCTAssertTrue(text.contains("(0.673338763 − 0)·0.673338763·(1 − 0.673338763) = 0.148103334"), text)
    }

    /// A student who gets a⁽¹⁾₃ wrong (0.7106 instead of 0.7006) and carries it on, rounding to 4
    /// decimals at every step. Their downstream values, worked independently by hand:
    ///   z⁽²⁾₁ = 0.5622·0.7 + 0.6341·0.9 + 0.7106·0.2 = 0.39354 + 0.57069 + 0.14212 = 1.10635 → 1.1064
    ///   z⁽²⁾₂ = 0.5622·0.8 + 0.6341·0.1 + 0.7106·0.3 = 0.44976 + 0.06341 + 0.21318 = 0.72635 → 0.7264
    ///   a⁽²⁾₁ = σ(1.1064) = 0.751457… → 0.7515 ; a⁽²⁾₂ = σ(0.7264) = 0.674013… → 0.6740
    ///   δ⁽¹⁾₃ uses a⁽¹⁾₃ = 0.7106: (δ⁽²⁾₁·0.2 + δ⁽²⁾₂·0.3)·0.7106·0.2894
    /// z⁽¹⁾ and a⁽¹⁾₁, a⁽¹⁾₂ stay right.
    func testCarriedMistake() throws {
        let problem = Self.huflitProblem + "rounding: 4\n"
        let answers = """
            answers:
              z: [[0.25, 0.55, 0.85], [1.1064, 0.7264]]
              a: [[0.5622, 0.6341, 0.7106], [0.7515, 0.6740]]

            """
        let r = try check(problem + answers)
        XCTAssertEqual(r.firstMistake?.quantity, Quantity(.a, layer: 1, j: 2))
        XCTAssertEqual(r.wrong, 1, CheckReport.text(r, file: "t"))
        XCTAssertEqual(r.carried, 4, CheckReport.text(r, file: "t"))
        XCTAssertEqual(r.right, 5)
        for q in [Quantity(.z, layer: 2, j: 0), Quantity(.z, layer: 2, j: 1), Quantity(.a, layer: 2, j: 0), Quantity(.a, layer: 2, j: 1)] {
            XCTAssertEqual(r.values.first { $0.quantity == q }?.verdict, .carried, "\(q)")
        }
        // With rounding to 4 the right z⁽²⁾₁ is 0.5622·0.7 + 0.6341·0.9 + 0.7006·0.2 = 1.10435 → 1.1044 (half away from zero).
        XCTAssertEqual(r.values.first { $0.quantity == Quantity(.z, layer: 2, j: 0) }?.expected ?? 0, 1.1044, accuracy: 1e-12)
        // A second, independent mistake downstream is "wrong", not "carried".
        let twice = answers.replacingOccurrences(of: "[0.7515, 0.6740]", with: "[0.7515, 0.6704]")
        let r2 = try check(problem + twice)
        XCTAssertEqual(r2.wrong, 2)
        XCTAssertEqual(r2.firstMistake?.quantity, Quantity(.a, layer: 1, j: 2))
        XCTAssertEqual(r2.values.first { $0.quantity == Quantity(.a, layer: 2, j: 1) }?.verdict, .wrong)
    }

    // MARK: Matt Mazur, "A Step by Step Backpropagation Example" (2015)

    /// i = [0.05, 0.10]; w1 i1→h1 0.15, w2 i2→h1 0.20, w3 i1→h2 0.25, w4 i2→h2 0.30,
    /// w5 h1→o1 0.40, w6 h2→o1 0.45, w7 h1→o2 0.50, w8 h2→o2 0.55; b1 = 0.35, b2 = 0.60 (shared,
    /// not updated); targets [0.01, 0.99]; η = 0.5; E = ½Σ(t − o)².
    /// Published: out_h1 = 0.593269992, out_h2 = 0.596884378, out_o1 = 0.75136507,
    /// out_o2 = 0.772928465, E_total = 0.298371109, ∂E/∂w5 = 0.082167041, ∂E/∂w1 = 0.000438568,
    /// w5⁺ = 0.35891648, w6⁺ = 0.408666186, w7⁺ = 0.511301270, w8⁺ = 0.561370121,
    /// w1⁺ = 0.149780716, w2⁺ = 0.19956143, w3⁺ = 0.24975114, w4⁺ = 0.29950229.
    static func mazur(layout: WeightsLayout) -> String {
        let w1: String, w2: String, newW1: String, newW2: String
        switch layout {
        case .inOut: // a row per input neuron: [[w1, w3], [w2, w4]], [[w5, w7], [w6, w8]]
            w1 = "[[0.15, 0.25], [0.20, 0.30]]"; w2 = "[[0.40, 0.50], [0.45, 0.55]]"
            newW1 = "[[0.149780716, 0.24975114], [0.19956143, 0.29950229]]"
            newW2 = "[[0.35891648, 0.511301270], [0.408666186, 0.561370121]]"
        case .outIn: // Nielsen: a row per neuron of the layer: [[w1, w2], [w3, w4]], [[w5, w6], [w7, w8]]
            w1 = "[[0.15, 0.20], [0.25, 0.30]]"; w2 = "[[0.40, 0.45], [0.50, 0.55]]"
            newW1 = "[[0.149780716, 0.19956143], [0.24975114, 0.29950229]]"
            newW2 = "[[0.35891648, 0.408666186], [0.511301270, 0.561370121]]"
        }
        return """
            network:
              layers: [2, 2, 2]
              activation: sigmoid
              bias: shared
              update-bias: false
              weights-layout: \(layout.rawValue)
              weights: [\(w1), \(w2)]
              biases: [0.35, 0.60]
            input: [0.05, 0.10]
            target: [0.01, 0.99]
            loss: half-sse
            learning-rate: 0.5
            answers:
              z: [[0.3775, ~], [1.10590597, ~]]
              a: [[0.593269992, 0.596884378], [0.75136507, 0.772928465]]
              loss: 0.298371109
              grad-W: [[[0.000438568, ~], [~, ~]], [[0.082167041, ~], [~, ~]]]
              new-W: [\(newW1), \(newW2)]
              new-b: [0.35, 0.60]

            """
    }

    func testMazurBothLayouts() throws {
        for layout in WeightsLayout.allCases {
            let r = try check(Self.mazur(layout: layout))
            XCTAssertEqual(r.values.count, 2 + 4 + 1 + 2 + 8 + 2, "\(layout)")
            XCTAssertEqual(r.wrong + r.carried, 0, "\(layout):\n" + CheckReport.text(r, file: "mazur"))
            XCTAssertTrue(r.values.allSatisfy { !$0.acceptedFromOwnInputs }, "\(layout)")
            // w5 is new-W layer 2 from h1 to o1 in either layout.
            XCTAssertEqual(r.solution[Quantity(.newW, layer: 2, i: 0, j: 0)], 0.35891648, accuracy: 5e-9)
            XCTAssertEqual(r.solution[Quantity(.newW, layer: 1, i: 1, j: 1)], 0.29950229, accuracy: 5e-9)
        }
    }

    func testMazurLayoutMattersForAnswers() throws {
        // The in-out answers read as out-in swap w6 and w7: both are then wrong.
        let text = Self.mazur(layout: .outIn)
            .replacingOccurrences(of: "[[0.35891648, 0.408666186], [0.511301270, 0.561370121]]",
                                  with: "[[0.35891648, 0.511301270], [0.408666186, 0.561370121]]")
        let r = try check(text)
        XCTAssertEqual(r.wrong, 2)
        // In out-in the name follows the file: row 1 (o1), column 2 (h2).
        XCTAssertEqual(r.firstMistake?.name, "w⁽²⁾₂₁′")
    }

    func testFullPrecisionUsesWrittenDecimals() throws {
        // a⁽¹⁾₁ = 0.562176501: "0.56" agrees to 2 decimals, "0.5622" to 4, "0.5621" does not,
        // "0.562" does not (0.562176 rounds to 0.562, ok) — check each.
        func verdict(_ written: String) throws -> Verdict? {
            let r = try check(Self.huflitProblem + "answers:\n  a: [[\(written), ~, ~], ~]\n")
            return r.values.first?.verdict
        }
        XCTAssertEqual(try verdict("0.56"), .right)
        XCTAssertEqual(try verdict("0.5622"), .right)
        XCTAssertEqual(try verdict("0.562"), .right)
        XCTAssertEqual(try verdict("0.5621"), .wrong)
        XCTAssertEqual(try verdict("0.57"), .wrong)
        XCTAssertEqual(try verdict("0.56217650"), .right)
        XCTAssertEqual(try verdict("0.56217651"), .wrong)
    }
}
