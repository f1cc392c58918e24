import Foundation
import XCTest
@testable import Exercises

/// A careful student keeps `r` decimals at every step. These tests work the student's values with
/// their own small arithmetic (below), independent of StepSolver, and check that the checker
/// accepts them — and rejects a value one unit off in the last decimal.
final class RoundingTests: XCTestCase {

    /// Schoolbook rounding, half away from zero, done on the decimal digits so 0.125 → 0.13.
    static func hand(_ x: Double, _ r: Int) -> Double {
        let s = String(format: "%.12f", abs(x))          // enough digits; sigmoid values are not ties
        var digits = Array(s.replacingOccurrences(of: ".", with: "")).map { Int(String($0))! }
        let intLen = s.firstIndex(of: ".")!.utf16Offset(in: s)
        let keep = intLen + r
        let roundUp = digits[keep] >= 5
        digits = Array(digits[0..<keep])
        var k = keep - 1
        var carry = roundUp ? 1 : 0
        while carry == 1 && k >= 0 {
            digits[k] += 1
            if digits[k] == 10 { digits[k] = 0; k -= 1 } else { carry = 0 }
        }
        var v = Double(digits.reduce(0) { $0 * 10 + $1 })
        if carry == 1 { v += pow(10, Double(keep)) }
        v /= pow(10, Double(r))
        return x < 0 ? -v : v
    }

    /// The student's sheet for a sigmoid network without bias and ½Σ(a − t)², in-out weights,
    /// rounding to r decimals after every multiplication-and-sum, as StepSolver documents.
    struct Sheet {
        var z: [[Double]] = [], a: [[Double]] = [], loss = 0.0, delta: [[Double]] = []
        var gradW: [[[Double]]] = [], newW: [[[Double]]] = []
    }

    /// `slip` is added to δ⁽¹⁾₁ as the student writes it down, and carried on from there.
    static func work(x: [Double], W: [[[Double]]], t: [Double], eta: Double, r: Int, slip: Double = 0) -> Sheet {
        func R(_ v: Double) -> Double { hand(v, r) }
        var s = Sheet()
        var prev = x
        for w in W {
            let n = w[0].count
            var z = [Double](), a = [Double]()
            for j in 0..<n {
                var sum = 0.0
                for i in 0..<prev.count { sum += prev[i] * w[i][j] }
                z.append(R(sum))
            }
            for v in z { a.append(R(1 / (1 + exp(-v)))) }
            s.z.append(z); s.a.append(a); prev = a
        }
        let out = s.a.last!
        s.loss = R(0.5 * zip(out, t).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
        var delta = Array(repeating: [Double](), count: W.count)
        delta[W.count - 1] = (0..<out.count).map { R((out[$0] - t[$0]) * out[$0] * (1 - out[$0])) }
        for l in stride(from: W.count - 2, through: 0, by: -1) {
            delta[l] = (0..<s.a[l].count).map { i in
                var back = 0.0
                for j in 0..<delta[l + 1].count { back += delta[l + 1][j] * W[l + 1][i][j] }
                return R(back * s.a[l][i] * (1 - s.a[l][i]))
            }
        }
        delta[0][0] += slip
        s.delta = delta
        for l in 0..<W.count {
            let input = l == 0 ? x : s.a[l - 1]
            let g = input.indices.map { i in delta[l].indices.map { j in R(input[i] * delta[l][j]) } }
            s.gradW.append(g)
            s.newW.append(g.indices.map { i in g[i].indices.map { j in R(W[l][i][j] - eta * g[i][j]) } })
        }
        return s
    }

    static func yaml(_ v: [Double], _ r: Int) -> String { "[" + v.map { String(format: "%.\(r)f", $0) }.joined(separator: ", ") + "]" }
    static func yaml(_ m: [[Double]], _ r: Int) -> String { "[" + m.map { yaml($0, r) }.joined(separator: ", ") + "]" }

    static func answers(_ s: Sheet, _ r: Int) -> String {
        """
        answers:
          z: \(yaml(s.z, r))
          a: \(yaml(s.a, r))
          loss: \(String(format: "%.\(r)f", s.loss))
          delta: \(yaml(s.delta, r))
          grad-W: [\(s.gradW.map { yaml($0, r) }.joined(separator: ", "))]
          new-W: [\(s.newW.map { yaml($0, r) }.joined(separator: ", "))]

        """
    }

    let x = [0.5, 1.0], t = [1.0, 0.0]
    let W: [[[Double]]] = [[[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], [[0.7, 0.8], [0.9, 0.1], [0.2, 0.3]]]

    func testHandRoundingHelper() {
        XCTAssertEqual(Self.hand(0.125, 2), 0.13)
        XCTAssertEqual(Self.hand(-0.125, 2), -0.13)
        XCTAssertEqual(Self.hand(0.99996, 4), 1.0)
        XCTAssertEqual(Self.hand(0.56217650, 4), 0.5622)
        XCTAssertEqual(Rounding.round(1.005, 2), 1.01)     // 1.005 is stored as 1.00499…; by hand it is 1.01
        XCTAssertEqual(Rounding.round(-0.0465390, 3), -0.047)
        XCTAssertEqual(Rounding.round(2.5, 0), 3)
    }

    func testCarefulStudentIsAcceptedAt2_3_4Decimals() throws {
        for r in [2, 3, 4] {
            let sheet = Self.work(x: x, W: W, t: t, eta: 0.5, r: r)
            let text = CheckerTests.huflitProblem + "rounding: \(r)\n" + Self.answers(sheet, r)
            let result = try HandChecker.check(try VerifyFile.parse(text, file: "r.yaml"))
            XCTAssertEqual(result.values.count, 40)
            XCTAssertEqual(result.right, 40, "rounding \(r):\n" + CheckReport.text(result, file: "r.yaml"))

            // Without `rounding` the same sheet drifts from full precision somewhere at 2 decimals,
            // which is why the key exists; the checker still accepts values that follow from the
            // student's own rounded inputs.
            let full = try HandChecker.check(try VerifyFile.parse(CheckerTests.huflitProblem + Self.answers(sheet, r), file: "f.yaml"))
            XCTAssertEqual(full.wrong + full.carried, 0, "full precision, \(r) decimals:\n" + CheckReport.text(full, file: "f"))
            if r == 2 { XCTAssertTrue(full.values.contains { $0.acceptedFromOwnInputs }) }

            // One unit off in the last decimal of δ⁽¹⁾₁ is a mistake.
            let bad = Self.work(x: x, W: W, t: t, eta: 0.5, r: r, slip: pow(10, -Double(r)))
            let wrong = try HandChecker.check(try VerifyFile.parse(CheckerTests.huflitProblem + "rounding: \(r)\n" + Self.answers(bad, r), file: "b.yaml"))
            XCTAssertEqual(wrong.firstMistake?.quantity, Quantity(.delta, layer: 1, j: 0), "rounding \(r)")
            // ∂E/∂w⁽¹⁾ᵢ₁ and w⁽¹⁾ᵢ₁′ were computed from the student's own δ⁽¹⁾₁: carried, not wrong.
            XCTAssertEqual(wrong.wrong, 1, "rounding \(r):\n" + CheckReport.text(wrong, file: "b"))
            XCTAssertGreaterThan(wrong.carried, 0)
        }
    }

    func testTwoDecimalStepRoundingDiffersFromFullPrecision() throws {
        // At 2 decimals the step-rounded chain must differ from rounding the exact values somewhere,
        // or the rounding test above would prove nothing.
        let sheet = Self.work(x: x, W: W, t: t, eta: 0.5, r: 2)
        let exact = try HandChecker.check(try VerifyFile.parse(CheckerTests.huflitProblem, file: "e.yaml")).solution
        var differs = 0
        for (l, row) in sheet.delta.enumerated() {
            for (j, v) in row.enumerated() where abs(v - Self.hand(exact[Quantity(.delta, layer: l + 1, j: j)], 2)) > 1e-9 { differs += 1 }
        }
        for (l, m) in sheet.newW.enumerated() {
            for (i, row) in m.enumerated() {
                for (j, v) in row.enumerated() where abs(v - Self.hand(exact[Quantity(.newW, layer: l + 1, i: i, j: j)], 2)) > 1e-9 { differs += 1 }
            }
        }
        XCTAssertEqual(sheet.z[1], [1.1, 0.72])   // 0.56·0.7 + 0.63·0.9 + 0.7·0.2 = 1.099 → 1.10
        XCTAssertGreaterThan(differs, 0)
    }
}

extension RoundingTests {
    func testTiesAsOnPaper() {
        // 0.70·0.05 = 0.035 on paper (0.034999…96 in binary) → 0.04, as a student rounds it.
        XCTAssertEqual(Rounding.round(0.7 * 0.05, 2), 0.04)
        XCTAssertEqual(Rounding.round(-(0.7 * 0.05), 2), -0.04)
        XCTAssertEqual(Rounding.round(0.5622 * 0.7 + 0.6341 * 0.9 + 0.7006 * 0.2, 4), 1.1044)
        XCTAssertEqual(Rounding.round(0.00005, 4), 0.0001)
        XCTAssertEqual(Rounding.round(0.000045, 4), 0)
        XCTAssertEqual(Rounding.round(123.456, 0), 123)
    }
}
