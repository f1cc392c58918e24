import Testing
@testable import Typeset

/// Layout tests with a fixed-advance measurer: every glyph run is 0.5 em per character, ink 0.7 em
/// high (0.5 em for x-height letters), so the expected positions follow from the MATH constants alone.
@Suite struct MathLayoutTests {
    let size = 10.0
    var math: MathLayout { MathLayout(measurer: FixedAdvanceMeasurer(), size: size) }

    func run(_ box: MathBox, _ text: String) -> (text: String, x: Double, y: Double, size: Double)? {
        box.glyphRuns.first { $0.text == text }
    }

    /// y-extent of a path's points (box coordinates, y up).
    func yRange(_ p: PathShape) -> ClosedRange<Double> {
        var ys: [Double] = []
        for e in p.elements {
            switch e {
            case .move(_, let y), .line(_, let y): ys.append(y)
            case .curve(_, let y, _, _, _, _): ys.append(y)
            case .close: break
            }
        }
        return ys.min()!...ys.max()!
    }

    @Test func superscriptIsRaisedAboveTheBaseline() throws {
        let box = try math.layout("x^2", display: false)
        let two = try #require(run(box, "2"))
        // SuperscriptShiftUp = 0.381 em → 3.81 pt at 10 pt; the script is 80 % of the size.
        #expect(abs(two.y - 3.81) < 1e-9)
        #expect(two.size == 8)
        // The superscript's ink bottom (it has no descender) is above the baseline.
        #expect(two.y > 0)
        #expect(box.height >= 3.81 + 0.7 * 8 - 1e-9)
    }

    @Test func subscriptIsLoweredBelowTheBaseline() throws {
        let box = try math.layout("W_i", display: false)
        let i = try #require(run(box, "𝑖"))
        // SubscriptShiftDown = 0.277 em, but the script's top (0.7 × 8 = 5.6 pt) may rise at most
        // SubscriptTopMax = 3.3 pt: shift = 5.6 − 3.3 = 2.3 < 2.77, so 2.77 pt down.
        #expect(abs(i.y + 2.77) < 1e-9)
        #expect(box.depth >= 2.77 - 1e-9)
    }

    @Test func subAndSuperscriptOnOneBaseAreStackedNotSideBySide() throws {
        let box = try math.layout("a_{j}^{[l]}", display: false)
        let sub = try #require(run(box, "𝑗"))
        let sup = try #require(run(box, "["))
        let base = try #require(run(box, "𝑎"))
        #expect(sup.y > 0 && sub.y < 0)
        // Both start right after the base (the superscript only an italic correction further).
        #expect(sub.x == 5)
        #expect(sup.x >= 5 && sup.x - sub.x < 1)
        #expect(base.x == 0)
        // The gap between them is at least SubSuperscriptGapMin (0.12 em).
        let supBottom = sup.y - 0.2 * 8 // "[" has a descender in the fixed measurer
        let subTop = sub.y + 0.7 * 8
        #expect(supBottom - subTop >= 1.2 - 1e-9)
    }

    @Test func nestedScriptsShrinkToScriptScript() throws {
        let box = try math.layout("e^{x^2}", display: false)
        let two = try #require(run(box, "2"))
        let x = try #require(run(box, "𝑥"))
        #expect(x.size == 8)
        #expect(two.size == 6.5)
        #expect(two.y > x.y)
    }

    @Test func fractionBarLiesOnTheMathAxisWithNumeratorAbove() throws {
        let box = try math.layout("\\frac{a+b}{2}", display: true)
        let bar = try #require(box.rules.first)
        let axis = 0.275 * size
        let thickness = 0.064 * size
        #expect(abs(bar.y + bar.height / 2 - axis) < 1e-9)
        #expect(abs(bar.height - thickness) < 1e-9)
        let num = try #require(box.glyphRuns.first { $0.text == "𝑎" })
        let den = try #require(run(box, "2"))
        // Display style: numerator shifted up at least 0.635 em, denominator down 0.637 em.
        #expect(num.y >= 6.35 - 1e-9)
        #expect(den.y <= -6.37 + 1e-9)
        #expect(num.y - 0 > bar.y + bar.height)        // numerator's ink (no descender) above the bar
        #expect(den.y + 0.7 * size < bar.y)             // denominator's top below the bar
        // Numerator and denominator are centred over each other.
        let numRight = box.glyphRuns.filter { $0.y == num.y }.map { $0.x + 0.5 * $0.size * Double($0.text.count) }.max()!
        #expect(abs((num.x + numRight) / 2 - (den.x + den.x + 5) / 2) < 1e-6)
    }

    @Test func bracketsOfAMatrixSpanAllRows() throws {
        let box = try math.layout("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\\\ 5 & 6 \\end{bmatrix}", display: true)
        let brackets = box.paths
        #expect(brackets.count == 2)
        let runs = box.glyphRuns
        #expect(runs.count == 6)
        let top = runs.map { $0.y + 0.7 * size }.max()!
        let bottom = runs.map { $0.y }.min()!
        for b in brackets {
            let r = yRange(b)
            #expect(r.lowerBound < bottom && r.upperBound > top)
        }
        // Rows are stacked: 1 above 3 above 5, and centred on the axis.
        let ys = ["1", "3", "5"].map { t in runs.first { $0.text == t }!.y }
        #expect(ys[0] > ys[1] && ys[1] > ys[2])
        #expect(abs((box.height - box.depth) / 2 - 0.275 * size) < 1e-9)
        // The left bracket is left of every entry, the right one right of every entry.
        let xs = brackets.map { p in p.elements.compactMap { e -> Double? in
            if case .move(let x, _) = e { return x }; if case .line(let x, _) = e { return x }; return nil } }
        #expect(xs[0].max()! <= runs.map(\.x).min()!)
        #expect(xs[1].min()! >= runs.map { $0.x + 5 }.max()!)
    }

    @Test func decimalPointsAlignInANumericMatrix() throws {
        let box = try math.layout("\\begin{pmatrix} 0.5 \\\\ -12.25 \\end{pmatrix}", display: true)
        let a = try #require(run(box, "0.5")), b = try #require(run(box, "12.25"))
        let minus = try #require(run(box, "−"))
        // The points line up: "0" is one character before the point, "12" two; the unary minus
        // sits right before "12" with no space.
        #expect(abs((a.x + 5) - (b.x + 10)) < 1e-9)
        #expect(abs(minus.x + 5 - b.x) < 1e-9)
    }

    @Test func limitsGoAboveAndBelowInDisplayAndBesideInline() throws {
        let d = try math.layout("\\sum_{k=1}^{n} x_k", display: true)
        let dk = try #require(run(d, "𝑘"))
        let dn = try #require(run(d, "𝑛"))
        let sum = try #require(run(d, "∑"))
        #expect(dn.y > sum.y && dk.y < sum.y)
        #expect(sum.size > size)  // display operator is enlarged
        let t = try math.layout("\\sum_{k=1}^{n} x_k", display: false)
        let tn = try #require(run(t, "𝑛")), tsum = try #require(run(t, "∑"))
        #expect(tn.x > tsum.x && tsum.size == size)
    }

    @Test func leftRightDelimitersGrowWithTheirContents() throws {
        let small = try math.layout("\\left( x \\right)", display: true)
        let big = try math.layout("\\left( \\frac{a}{b} \\right)", display: true)
        let hs = small.paths.map { yRange($0) }, hb = big.paths.map { yRange($0) }
        #expect(hb[0].upperBound - hb[0].lowerBound > hs[0].upperBound - hs[0].lowerBound)
        let a = try #require(run(big, "𝑎")), b = try #require(run(big, "𝑏"))
        // As TeX's \delimiterfactor (here 0.95): the delimiter covers at least 95 % of the
        // contents' extent about the axis.
        let axis = 2.75
        let extent = 2 * max(a.y + 7 - axis, axis - b.y)
        #expect(hb[0].upperBound - hb[0].lowerBound >= 0.95 * extent - 1e-9)
        #expect(abs((hb[0].upperBound + hb[0].lowerBound) / 2 - axis) < 1e-9)
    }

    @Test func alignedLinesUpTheEqualsSigns() throws {
        let box = try math.layout("\\begin{aligned} a &= b + c \\\\ abc &= d \\end{aligned}", display: true)
        let eqs = box.glyphRuns.filter { $0.text == "=" }
        #expect(eqs.count == 2)
        #expect(eqs[0].x == eqs[1].x)
        #expect(eqs[0].y > eqs[1].y)
    }

    @Test func spacingFollowsTeXClasses() throws {
        // a+b: medium space (4 mu) either side of the binary +; a=b: thick (5 mu) around =.
        let plus = try math.layout("a+b", display: false)
        let eq = try math.layout("a=b", display: false)
        let mu = size / 18
        #expect(abs(run(plus, "+")!.x - (5 + 4 * mu)) < 1e-9)
        #expect(abs(run(eq, "=")!.x - (5 + 5 * mu)) < 1e-9)
        // A leading minus is unary: no space.
        let neg = try math.layout("-x", display: false)
        #expect(run(neg, "𝑥")!.x == 5)
    }

    @Test func alphabetsMapToMathematicalLetters() throws {
        let box = try math.layout("\\mathbb{R}^{n} \\mathbf{W} \\alpha \\Sigma h \\mathcal{L} \\mathcal{D}", display: false)
        let texts = box.glyphRuns.map(\.text)
        #expect(texts.contains("ℒ𝒟"))  // adjacent letters of one face are one run
        #expect(texts.contains("ℝ") && texts.contains("𝐖") && texts.contains("𝛼") && texts.contains("Σ"))
        #expect(texts.contains("ℎ"))
    }

    @Test func unknownCommandIsAnErrorNamingItAndItsLine() {
        #expect(throws: MathError("unknown command \\foo", line: 2)) {
            try MathParser.parse("a +\n  \\foo{b}")
        }
        #expect(throws: MathError.self) { try MathParser.parse("\\frac{a}") }
        #expect(throws: MathError.self) { try MathParser.parse("x^2^3") }
        #expect(throws: MathError.self) { try MathParser.parse("\\left( x") }
        #expect(throws: MathError.self) { try MathParser.parse("\\begin{bmatrix} 1 \\end{pmatrix}") }
        let e = MathError("unknown command \\foo", line: 2)
        #expect(e.description == "unknown command \\foo at line 2")
    }

    @Test func everyConstructOfTheSubsetParses() throws {
        let formulas = [
            "\\delta_j^{(l)} = \\left(\\sum_{k=1}^{n_{l+1}} \\delta_k^{(l+1)} w_{jk}^{(l+1)}\\right) \\sigma'(z_j^{(l)})",
            "\\frac{\\partial J}{\\partial W^{(l)}} = (a^{(l-1)})^\\top \\delta^{(l)}",
            "\\nabla_{\\mathbf{W}} J \\approx \\hat{y} - y, \\quad \\bar{x}, \\tilde{x}, \\vec{v}",
            "\\sqrt{\\frac{1}{n}\\sum_i (x_i - \\mu)^2}, \\sqrt[3]{x}",
            "\\prod_{i=1}^n p_i \\le \\max_{x \\in \\mathbb{R}} f(x) \\ge 0 \\ne 1",
            "\\operatorname{ReLU}(z) = \\max(0, z), \\log, \\exp, \\tanh",
            "\\text{nếu } z > 0 \\Rightarrow a \\leftarrow b \\rightarrow c",
            "a \\cdot b \\times c \\odot d \\otimes e",
            "f(z) = \\begin{cases} z & z > 0 \\\\ 0.01 z & \\text{otherwise} \\end{cases}",
            "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
            "\\underbrace{a + b}_{n}, \\left\\| x \\right\\|_2^2, \\left[ x \\right], \\left\\{ y \\right.",
        ]
        for f in formulas {
            let b = try math.layout(f, display: true)
            #expect(b.width > 0 && b.height > 0, "\(f)")
        }
    }
}
