import Foundation
import Testing
@testable import Figures

@Suite struct ScaleAndFormatTests {
    @Test func linearTicksAreNiceAndInside() {
        // 0…1 with at most 7 ticks: raw step 1/6 ≈ 0.167 → next nice step 0.2 → 0, 0.2, …, 1.
        let t = Ticks.linear(0, 1, maxCount: 7)
        #expect(t.step == 0.2)
        #expect(t.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        // −0.5…1.5: raw 2/6 ≈ 0.333 → 0.5 → −0.5, 0, 0.5, 1, 1.5.
        #expect(Ticks.linear(-0.5, 1.5, maxCount: 7).values == [-0.5, 0, 0.5, 1, 1.5])
        // 3…97 with 5 ticks: raw 94/4 = 23.5 → 25 → 25, 50, 75 (ends 0 and 100 are outside).
        #expect(Ticks.linear(3, 97, maxCount: 5).values == [25, 50, 75])
        // 0…5000 epochs, 6 ticks: raw 1000 → 1000 → 0, 1000 … 5000.
        #expect(Ticks.linear(0, 5000, maxCount: 6).values == [0, 1000, 2000, 3000, 4000, 5000])
        // Accumulated floating error must not leak: 0.1 steps print and compare exactly.
        #expect(Ticks.linear(0, 0.7, maxCount: 8).values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func niceDomainContainsTheDataAndEndsOnTicks() {
        let (d, t) = Ticks.niceDomain(0.013, 0.87, maxCount: 7)
        #expect(d == 0...1)
        #expect(t.values.first == 0 && t.values.last == 1)
        let (d2, _) = Ticks.niceDomain(-2.3, 7.1, maxCount: 6)   // raw 9.4/5 = 1.88 → 2 → −4…8
        #expect(d2 == -4...8)
        let (d3, t3) = Ticks.niceDomain(5, 5)                     // a constant series still gets an axis
        #expect(d3.lowerBound < 5 && d3.upperBound > 5 && !t3.values.isEmpty)
    }

    @Test func niceDomainTicksUseTheChosenStep() {
        // 0…3 (the maxout plot |z| on −3…3), 6 ticks: raw 3/5 = 0.6 → step 1 → 0, 1, 2, 3. Before the
        // fix the ticks came from a finer step (0.5) but were labelled with 0 decimals: 0 1 1 2 2 3 3.
        let (d, t) = Ticks.niceDomain(0, 3, maxCount: 6)
        #expect(d == 0...3)
        #expect(t.values == [0, 1, 2, 3])
        #expect(t.step == 1)
        // Over many data ranges the labels on a nice axis are all different and evenly spaced.
        let nf = NumberFormat()
        for lo in stride(from: -7.0, through: 3.0, by: 0.7) {
            for span in [0.013, 0.4, 1, 2.2, 3, 7.5, 30, 480] {
                for m in [5, 6, 7] {
                    let (_, t) = Ticks.niceDomain(lo, lo + span, maxCount: m)
                    let labels = t.values.map { nf.tick($0, step: t.step) }
                    #expect(Set(labels).count == labels.count, "\(lo)…\(lo + span), \(m) ticks: \(labels)")
                    for (a, b) in zip(t.values, t.values.dropFirst()) { #expect(abs((b - a) - t.step) < 1e-9 * max(1, t.step)) }
                    #expect(t.values.count <= m + 1)
                }
            }
        }
    }

    @Test func logTicksAtDecades() {
        #expect(Ticks.log(0.001, 10).values == [0.001, 0.01, 0.1, 1, 10])
        // Short range: 1, 2, 5 in each decade.
        let t = Ticks.log(0.02, 0.9).values
        #expect(t.count == 5)
        for (a, b) in zip(t, [0.02, 0.05, 0.1, 0.2, 0.5]) { #expect(abs(a - b) < 1e-12) }
        #expect(Ticks.log(0, 1).values.isEmpty)  // no log axis through 0
    }

    @Test func scaleMapsBothWays() {
        let s = Scale(.linear, domain: 0...10, range: (0, 100))
        #expect(s.position(2.5) == 25)
        let flipped = Scale(.linear, domain: 0...10, range: (100, 0))    // y axis: up on the page
        #expect(flipped.position(2.5) == 75)
        #expect(abs(flipped.value(at: 75) - 2.5) < 1e-12)
        let l = Scale(.log, domain: 1...100, range: (0, 200))
        #expect(abs(l.position(10)! - 100) < 1e-12)
        #expect(l.position(-1) == nil && l.position(0) == nil)
        #expect(abs(l.value(at: 100) - 10) < 1e-9)
    }

    @Test func numbersUseMinusSignAndNoFalseZeros() {
        let f = NumberFormat.standard
        #expect(f.compact(6) == "6")
        #expect(f.compact(-12) == "−12")
        #expect(f.compact(0.15) == "0.15")
        #expect(f.compact(-1.0 / 3) == "−0.33")
        #expect(f.compact(0.5) == "0.5")
        #expect(f.compact(-0.0) == "0")
        #expect(f.compact(0.0004) == "4.0×10⁻⁴")     // not a misleading "0"
        #expect(f.fixed(-0.0001, decimals: 2) == "0.00")   // no "−0.00"
        #expect(f.tick(0.1 + 0.2, step: 0.1) == "0.3")
        #expect(f.tick(-0.5, step: 0.5) == "−0.5")
        #expect(f.tick(1000, step: 1000) == "1000")
        #expect(f.tick(0.25, step: 0.25) == "0.25")
        #expect(f.logTick(0.01) == "0.01")
        #expect(f.logTick(1e-5) == "10⁻⁵")
        #expect(NumberFormat(decimalSeparator: ",").compact(-0.25) == "−0,25")
        #expect(f.compact(.nan) == "NaN")
    }
}
