import Foundation
import Testing

/// The real course lessons carry the slides' own numbers (issue 6), each recomputed here from the raw
/// data the slides give, independently of the engine: the car table's z-scores and σ (HUFLIT 004), the
/// min-max ages (with the slide's slip corrected), and the blog's computational graph (003).
@Suite(.serialized) struct CourseNumbersTests {
    func render(_ lesson: String) throws -> String {
        // Flatten the minus sign so numbers can be searched (the other course tests keep U+2212).
        try Handout.render(lesson).text.replacingOccurrences(of: "\u{2212}", with: "-")
    }

    /// Population statistics (the slides divide by m).
    func meanSigma(_ v: [Double]) -> (Double, Double) {
        let m = v.reduce(0, +) / Double(v.count)
        return (m, (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count)).squareRoot())
    }

    @Test(arguments: ["vi/02-features-normalization", "en/02-features-normalization"])
    func carTable(_ lesson: String) throws {
        let text = try render(lesson)
        let ages: [Double] = [6, 3, 8], km: [Double] = [1200, 4000, 8000]
        let (ma, sa) = meanSigma(ages), (mk, sk) = meanSigma(km)
        // Hand check: mean age 17/3 = 5.67, σ = √(38/9) = 2.05; z = 0.16, −1.30, 1.14; km σ = 2790.46.
        #expect(String(format: "%.2f", ma) == "5.67" && String(format: "%.2f", sa) == "2.05")
        #expect(String(format: "%.2f", sk) == "2790.46" && mk == 4400)
        for needle in ["5.67", "2.05", "4400", "2790.46"] + ages.map({ String(format: "%.2f", ($0 - ma) / sa) }) {
            #expect(text.contains(needle), "\(lesson): \(needle) not in the handout")
        }
        #expect(text.contains("-1.30"))
        // Min-max ages with min 3 and max 8: 6 → 0.6, 3 → 0.0, 8 → 1.0 (the slide prints 8 → 0.0).
        for a in ages { #expect(text.contains(String(format: "%.2f", (a - 3) / 5)) || text.contains(String(format: "%.4f", (a - 3) / 5))) }
    }

    @Test(arguments: ["vi/09-computational-graph", "en/09-computational-graph"])
    func computationalGraph(_ lesson: String) throws {
        let text = try render(lesson)
        // ŷ = w·x + b = 5·1 + 1 = 6; e = ŷ − y = 4; L = e² = 16; ∂L/∂ŷ = 2e = 8.
        let (x, w, b, y) = (1.0, 5.0, 1.0, 2.0)
        let yHat = w * x + b, e = yHat - y, loss = e * e
        for (label, v) in [("ŷ", yHat), ("e", e), ("L", loss)] {
            let pattern = "= \(Int(v))"
            #expect(text.contains(pattern), "\(lesson): \(label) \(pattern) not in the handout")
        }
        #expect(text.contains("16") && text.contains("8"))
    }
}
