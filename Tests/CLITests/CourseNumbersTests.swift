import Foundation
import Testing

/// The real course lessons carry the slides' own numbers (issue 6), each recomputed here from the raw
/// data the slides give, independently of the engine: the car table's distances, min-max and z-scores
/// and σ (HUFLIT 004, with the slide's min-max slip corrected), one-hot colours, and the blog's
/// computational graph (003) forward and backward. The other lessons: CourseNumbers*Tests.swift.
@Suite(.serialized) struct CourseNumbersTests {
    /// Population statistics (the slides divide by m).
    func meanSigma(_ v: [Double]) -> (Double, Double) {
        let m = v.reduce(0, +) / Double(v.count)
        return (m, (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count)).squareRoot())
    }

    func distance(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() }

    @Test(arguments: ["vi/02-features-normalization", "en/02-features-normalization"])
    func carTable(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        let ages: [Double] = [6, 3, 8], km: [Double] = [1200, 4000, 8000], price: [Double] = [10, 30, 20]
        let cars = (0..<3).map { [ages[$0], km[$0]] }
        // The distance problem: d(1, 2) = √(3² + 2800²) = 2800.0016 on raw data; exercise 2: d(1, 3), d(2, 3).
        #expect(printed(distance(cars[0], cars[1])) == "2800.0016")
        for (i, j) in [(0, 1), (0, 2), (1, 2)] { h.expectRow([printed(distance(cars[i], cars[j]))], "raw d(\(i + 1), \(j + 1))") }

        // Min-max with min 3 and max 8 (the slide prints 8 → 0.0): ages 0.6, 0, 1; km (x − 1200)/6800.
        func minMax(_ v: [Double]) -> [Double] { v.map { ($0 - v.min()!) / (v.max()! - v.min()!) } }
        let mmAge = minMax(ages), mmKm = minMax(km)
        #expect(mmAge == [0.6, 0, 1] && printed(mmKm[1]) == "0.4118")
        for c in 0..<3 {
            h.expectRow([printed(mmAge[c]), printed(mmKm[c]), printed(Int(price[c]))], "min-max row \(c + 1)")
        }
        let mm = (0..<3).map { [mmAge[$0], mmKm[$0]] }
        for (i, j) in [(0, 1), (0, 2), (1, 2)] { h.expectRow([printed(distance(mm[i], mm[j]))], "min-max d(\(i + 1), \(j + 1))") }

        // Z-scores, two decimals as on the slide. Hand check: mean age 17/3 = 5.67, σ = √(38/9) = 2.05;
        // z = 0.16, −1.30, 1.14; km mean 4400, σ = 2790.46.
        let (ma, sa) = meanSigma(ages), (mk, sk) = meanSigma(km)
        #expect(printed(ma, 2) == "5.67" && printed(sa, 2) == "2.05" && printed(sk, 2) == "2790.46" && mk == 4400)
        h.expectRow([printed(ma, 2), printed(sa, 2)], "age μ σ")
        h.expectRow([printed(mk, 2), printed(sk, 2)], "km μ σ")
        let zAge = ages.map { ($0 - ma) / sa }, zKm = km.map { ($0 - mk) / sk }
        #expect(zAge.map { printed($0, 2) } == ["0.16", "\u{2212}1.30", "1.14"])
        for c in 0..<3 { h.expectRow([printed(zAge[c], 2), printed(zKm[c], 2), printed(Int(price[c]))], "z-score row \(c + 1)") }
        h.expectRun(zAge.map { printed($0, 2) }, "the slide's z-scores in the prose")
        h.expectRow([printed(distance([zAge[0], zKm[0]], [zAge[1], zKm[1]]), 2)], "z-score d(1, 2)")

        // One-hot colours: Blue, Red, Yellow → unit vectors, every distance √2.
        for c in 0..<3 { h.expectRow([printed(Int(ages[c])), printed(Int(km[c])), printed(Int(price[c]))] + (0..<3).map { $0 == c ? "1" : "0" }, "one-hot row \(c + 1)") }
        h.expectRun(Array(repeating: printed(2.0.squareRoot()), count: 3), "one-hot distances")

        // Exercise 1: prices min-max (10 → 0, 30 → 1, 20 → 0.5) and z-score (μ = 20, σ = √(200/3) = 8.1650).
        let mmPrice = minMax(price), (mp, sp) = meanSigma(price)
        #expect(printed(sp) == "8.1650")
        h.expectRow([printed(mp), printed(sp)], "price μ σ")
        for c in 0..<3 {
            h.expectRow([printed(Int(ages[c])), printed(Int(km[c])), printed(mmPrice[c])], "price min-max \(c + 1)")
            h.expectRow([printed(Int(ages[c])), printed(Int(km[c])), printed((price[c] - mp) / sp)], "price z-score \(c + 1)")
        }
    }

    @Test(arguments: ["vi/09-computational-graph", "en/09-computational-graph"])
    func computationalGraph(_ lesson: String) throws {
        let h = try Handout.render(lesson)
        // ŷ = w·x + b, e = ŷ − y, L = e²; backward ∂L/∂ŷ = 2e, ∂L/∂w = ∂L/∂ŷ·x, ∂L/∂b = ∂L/∂ŷ, ∂L/∂x = ∂L/∂ŷ·w.
        // The blog's numbers (x = 1, w = 5, b = 1, y = 2): ŷ = 6, e = 4, L = 16, ∂L/∂w = 8, ∂L/∂x = 40;
        // with η = 0.05, w → 5 − 0.4 = 4.6, b → 0.6. The slip's x = 2: ŷ = 11, L = 81. Exercise 1: x = 3, w = −1, b = 2, y = 0.
        for (x, w, b, y, eta) in [(1.0, 5.0, 1.0, 2.0, 0.05), (2, 5, 1, 2, nil), (3, -1, 2, 0, nil)] {
            let yHat = w * x + b, e = yHat - y, loss = e * e, g = 2 * e
            let what = "graph at x = \(x)"
            h.expectRow([printed(Int(w)), printed(Int(x)), printed(Int(b)), printed(yHat)], "\(what): ŷ")
            h.expectRow([printed(yHat), printed(Int(y)), printed(e)], "\(what): e")
            h.expectRow([printed(loss)], "\(what): L")
            h.expectRow(["2", printed(e), printed(g)], "\(what): ∂L/∂ŷ")
            h.expectRow([printed(g), printed(g), printed(Int(x)), printed(g * x)], "\(what): ∂L/∂w")
            h.expectRow([printed(g), printed(Int(w)), printed(g * w)], "\(what): ∂L/∂x")
            // The figure's labels, whole numbers.
            for (label, v) in [("∂L/∂x", g * w), ("∂L/∂w", g * x), ("∂L/∂b", g), ("∂L/∂y", -g)] {
                #expect(h.text.contains("\(label) = \(printed(Int(v)))"), "\(lesson): \(what): \(label) = \(printed(Int(v))) not in the figure")
            }
            if let eta {
                h.expectRow([printed(Int(w)), "\(eta)", printed(g), printed(w - eta * g * x)], "\(what): new w")
                h.expectRow([printed(Int(b)), "\(eta)", printed(g), printed(b - eta * g)], "\(what): new b")
                // The same step as a [1-1] identity network with the SSE loss: δ = 2(ŷ − y) = 8.
                h.expectRow([printed(Int(x)), printed(w), printed(b), printed(yHat)], "[1-1] network ŷ")
                h.expectRow([printed(yHat), printed(Int(y)), "2", printed(loss)], "[1-1] network E")
                h.expectRow(["2", printed(yHat), printed(Int(y)), "1", printed(g)], "[1-1] network δ")
                h.expectRow([printed(w), "\(eta)", printed(g), printed(w - eta * g * x)], "[1-1] network new w")
                // Exercise 2: after the step ŷ = 4.6 + 0.6 = 5.2, L = (5.2 − 2)² = 10.24.
                let after = (w - eta * g * x) * x + (b - eta * g) - y
                h.expectRun([printed(loss), printed(after * after)], "loss before and after one step")
            }
        }
        // The blog's forward values, as the slides print them (issue 6): ŷ = 6, e = 4, L = 16.
        h.expectRun(["6", "4", "16"], "the blog's forward values")
    }
}
