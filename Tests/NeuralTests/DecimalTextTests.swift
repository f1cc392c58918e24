import Testing
@testable import Neural

/// Numbers as a student writes them: the expected strings are worked by hand.
@Suite struct DecimalTextTests {
    @Test func everyDecimalIsWritten() {
        #expect(DecimalText.fixed(0.053, digits: 4) == "0.0530")
        #expect(DecimalText.fixed(0.974, digits: 4) == "0.9740")
        #expect(DecimalText.fixed(1, digits: 4) == "1.0000")
        #expect(DecimalText.fixed(-1.3, digits: 2) == "\u{2212}1.30")
        #expect(DecimalText.fixed(12.5, digits: 0) == "13")          // half away from zero
        #expect(DecimalText.fixed(0.56217, digits: 4) == "0.5622")
    }

    @Test func roundsHalfAwayFromZeroOnTheDecimals() {
        #expect(DecimalText.fixed(0.00005, digits: 4) == "0.0001")
        #expect(DecimalText.fixed(-0.00005, digits: 4) == "\u{2212}0.0001")
        #expect(DecimalText.fixed(0.00015, digits: 4) == "0.0002")    // stored as 0.000149999…
        #expect(DecimalText.fixed(0.7 * 0.05, digits: 3) == "0.035")
        #expect(DecimalText.fixed(0.7 * 0.05, digits: 2) == "0.04")   // 0.034999…96 is 0.035 on paper
        #expect(DecimalText.fixed(0.125, digits: 2) == "0.13")
        #expect(DecimalText.fixed(-0.125, digits: 2) == "\u{2212}0.13")
        #expect(DecimalText.fixed(9.99995, digits: 4) == "10.0000")   // the carry reaches the integer part
        #expect(DecimalText.fixed(0.99996, digits: 4) == "1.0000")
        #expect(DecimalText.rounded(0.00015, digits: 4) == 0.0002)
    }

    @Test func zeroHasNoSign() {
        #expect(DecimalText.fixed(-0.0, digits: 4) == "0.0000")
        #expect(DecimalText.fixed(-0.00004, digits: 4) == "0.0000")
        #expect(DecimalText.fixed(2.7755575615628914e-17, digits: 4) == "0.0000")
        #expect(DecimalText.rounded(-0.00004, digits: 4).sign == .plus)
    }

    @Test func minusIsTheMinusSignUnlessAskedForTeX() {
        #expect(DecimalText.fixed(-0.25, digits: 4) == "−0.2500")
        #expect(DecimalText.fixed(-0.25, digits: 4, minus: "-") == "-0.2500")
        #expect(!DecimalText.fixed(-3.5, digits: 1).contains("-"))
    }

    @Test func bigAndSmallMagnitudes() {
        #expect(DecimalText.fixed(123456.789, digits: 2) == "123456.79")
        #expect(DecimalText.fixed(1e-300, digits: 4) == "0.0000")
        #expect(DecimalText.fixed(.nan, digits: 4) == "NaN")
        #expect(DecimalText.fixed(-.infinity, digits: 4) == "−∞")
    }

    @Test func givenValuesAsWritten() {
        #expect(DecimalText.asWritten(0.05) == "0.05")
        #expect(DecimalText.asWritten(1) == "1")
        #expect(DecimalText.asWritten(-2) == "−2")
        #expect(DecimalText.asWritten(0.1 + 0.2) == "0.3")
    }
}
