import Testing
@testable import Figures

@Suite struct ColorMapTests {
    @Test func divergingEndsAndMiddle() {
        let m = ColorMap.diverging
        #expect(m.color(0).hex == "#2166AC")
        #expect(m.color(1).hex == "#E66101")
        #expect(m.color(0.5).hex == "#F7F7F7")
        #expect(m.color(-3) == m.color(0) && m.color(7) == m.color(1))   // clamped
        #expect(m.color(.nan) == RGB8(128, 128, 128))
        // Lightness rises to the middle and falls after it, so 0.5 reads as "undecided" on both sides.
        let lum = stride(from: 0.0, through: 1.0, by: 0.05).map { m.color($0).luminance }
        let mid = lum.count / 2
        for i in 0..<mid { #expect(lum[i] <= lum[i + 1] + 1e-9) }
        for i in mid..<(lum.count - 1) { #expect(lum[i] >= lum[i + 1] - 1e-9) }
        // Blue side is blue, orange side is orange.
        let lo = m.color(0.1), hi = m.color(0.9)
        #expect(lo.b > lo.r && hi.r > hi.b)
    }

    @Test func classColoursAreOkabeIto() {
        #expect(OkabeIto.color(ofClass: 0).hex == "#0072B2")
        #expect(OkabeIto.color(ofClass: 1).hex == "#D55E00")
        #expect(OkabeIto.color(ofClass: 8) == OkabeIto.color(ofClass: 0))
        #expect(RGB8.white.luminance == 1 && RGB8.black.luminance == 0)
    }
}
