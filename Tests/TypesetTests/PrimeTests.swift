import Testing
@testable import Typeset

/// Primes: f′, σ′ and tanh′ get the same prime, the font's ′ at the base's size and on its baseline
/// (the glyph is drawn at superscript height), close after the base. Before, tanh′ got a
/// script-size ′ raised as a superscript (small and high), and f′ a full-size one a fifth of an em
/// away from the f.
@Suite struct PrimeTests {
    let size = 10.0
    var math: MathLayout { MathLayout(measurer: FixedAdvanceMeasurer(), size: size) }

    /// The prime's run and the end of the base before it (the run just left of it).
    func prime(_ tex: String, base: String) throws -> (x: Double, y: Double, size: Double, baseEnd: Double) {
        let box = try math.layout(tex, display: false)
        let p = try #require(box.glyphRuns.first { $0.text == "′" }, "\(tex): \(box.glyphRuns)")
        let b = try #require(box.glyphRuns.first { $0.text == base }, "\(tex): \(box.glyphRuns)")
        // FixedAdvanceMeasurer: 0.5 em a character.
        return (p.x, p.y, p.size, b.x + Double(base.count) * 0.5 * b.size)
    }

    @Test func everyFunctionGetsTheSamePrime() throws {
        let cases: [(tex: String, base: String, kern: Double)] = [
            ("f'(z)", "𝑓", -0.09), ("\\sigma'(z)", "𝜎", -0.09), ("\\tanh'(z)", "tanh", -0.04), ("\\operatorname{ReLU}'(z)", "ReLU", -0.04),
        ]
        for c in cases {
            let p = try prime(c.tex, base: c.base)
            #expect(p.size == size, "\(c.tex): the prime is \(p.size) pt, the text \(size) pt")
            #expect(abs(p.y) < 1e-9, "\(c.tex): the prime is shifted by \(p.y)")
            #expect(abs(p.x - (p.baseEnd + c.kern * size)) < 1e-9, "\(c.tex): prime at \(p.x), base ends at \(p.baseEnd)")
        }
    }

    @Test func theKernPutsThePrimeInkJustPastTheBaseInk() {
        // DejaVu Math TeX Gyre: math italics end 0.08 em short of their advance, upright h 0.028 em;
        // the prime's ink starts 0.06 em into its box. Visible gap = bearing + 0.06 + kern.
        let italicGap = 0.08 + 0.06 + MathLayout.primeKern(after: .symbol("𝑓", .ord, .italic))
        let uprightGap = 0.028 + 0.06 + MathLayout.primeKern(after: .operatorName("tanh", limits: false))
        #expect(italicGap > 0.03 && italicGap < 0.07, "\(italicGap)")
        #expect(uprightGap > 0.03 && uprightGap < 0.07, "\(uprightGap)")
    }

    @Test func aPrimeWithASubscriptStillGetsItsSubscript() throws {
        let box = try math.layout("\\tanh'_j", display: false)
        let j = try #require(box.glyphRuns.first { $0.text == "𝑗" })
        let p = try #require(box.glyphRuns.first { $0.text == "′" })
        #expect(j.y < 0 && j.size < size)
        #expect(p.size == size && j.x >= p.x)
    }
}
