import Foundation

/// An sRGB colour with 8-bit channels: what a raster heat map is made of.
struct RGB8: Equatable, Sendable {
    var r: UInt8
    var g: UInt8
    var b: UInt8

    init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }

    /// "#RRGGBB" → colour (the hex strings below are literals, so a bad one is a programming error).
    init(hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        let v = UInt32(s, radix: 16) ?? 0
        self.init(UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
    }

    var hex: String {
        let digits = Array("0123456789ABCDEF")
        return "#" + String([r >> 4, r & 15, g >> 4, g & 15, b >> 4, b & 15].map { digits[Int($0)] })
    }

    /// Linear interpolation in sRGB: t = 0 gives self, 1 gives `o`.
    func mixed(with o: RGB8, _ t: Double) -> RGB8 {
        func m(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8(max(0, min(255, (Double(a) + (Double(b) - Double(a)) * t).rounded())))
        }
        return RGB8(m(r, o.r), m(g, o.g), m(b, o.b))
    }

    /// Relative luminance (WCAG), to pick black or white text on a coloured cell.
    var luminance: Double {
        func lin(_ c: UInt8) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    static let white = RGB8(255, 255, 255)
    static let black = RGB8(0, 0, 0)
}

/// A continuous colour map from 0…1 to colours, sampled into a 257-entry table (so 0.5 is an entry) so that a
/// 500×500 heat map is a table look-up per pixel.
struct ColorMap: Sendable {
    let anchors: [(t: Double, color: RGB8)]
    let table: [RGB8]

    init(anchors: [(Double, RGB8)]) {
        self.anchors = anchors.map { (t: $0.0, color: $0.1) }
        var table: [RGB8] = []
        table.reserveCapacity(257)
        for i in 0...256 {
            let t = Double(i) / 256
            table.append(ColorMap.interpolate(self.anchors, t))
        }
        self.table = table
    }

    private static func interpolate(_ anchors: [(t: Double, color: RGB8)], _ t: Double) -> RGB8 {
        guard let first = anchors.first, let last = anchors.last else { return .white }
        if t <= first.t { return first.color }
        if t >= last.t { return last.color }
        for i in 1..<anchors.count where t <= anchors[i].t {
            let a = anchors[i - 1], b = anchors[i]
            return a.color.mixed(with: b.color, (t - a.t) / (b.t - a.t))
        }
        return last.color
    }

    /// The colour of `v` (clamped to 0…1; NaN gives mid grey so that it is visible, not hidden).
    @inline(__always)
    func color(_ v: Double) -> RGB8 {
        guard v == v else { return RGB8(128, 128, 128) }
        let i = Int((min(1, max(0, v)) * 256).rounded())
        return table[i]
    }

    /// Blue – white – orange, after ColorBrewer's RdBu and PuOr ends: the two hues stay apart
    /// under protanopia, deuteranopia and tritanopia, and the middle (0.5, the decision
    /// threshold) is near-white so the contour drawn on it reads clearly.
    static let diverging = ColorMap(anchors: [
        (0.00, RGB8(hex: "#2166AC")),
        (0.25, RGB8(hex: "#92C5DE")),
        (0.50, RGB8(hex: "#F7F7F7")),
        (0.75, RGB8(hex: "#FDB863")),
        (1.00, RGB8(hex: "#E66101")),
    ])

    /// White to dark blue, for counts (confusion matrices).
    static let sequential = ColorMap(anchors: [
        (0.0, RGB8(hex: "#FFFFFF")),
        (0.5, RGB8(hex: "#9ECAE1")),
        (1.0, RGB8(hex: "#08519C")),
    ])

    /// White to black, for 8×8 digit images (0 = paper, 1 = ink).
    static let ink = ColorMap(anchors: [(0.0, RGB8(hex: "#FFFFFF")), (1.0, RGB8(hex: "#000000"))])
}

/// Okabe & Ito's palette of eight colours told apart by readers with any common colour-vision
/// deficiency. Class 0 is blue and class 1 vermillion, matching the ends of `ColorMap.diverging`.
enum OkabeIto {
    static let blue = RGB8(hex: "#0072B2")
    static let vermillion = RGB8(hex: "#D55E00")
    static let bluishGreen = RGB8(hex: "#009E73")
    static let reddishPurple = RGB8(hex: "#CC79A7")
    static let orange = RGB8(hex: "#E69F00")
    static let skyBlue = RGB8(hex: "#56B4E9")
    static let yellow = RGB8(hex: "#F0E442")
    static let black = RGB8(hex: "#000000")

    /// Colours in the order classes and series take them.
    static let classes: [RGB8] = [blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, yellow, black]

    /// Marker shapes cycle with the colours, so classes differ in print without colour too.
    static func color(ofClass k: Int) -> RGB8 { classes[((k % classes.count) + classes.count) % classes.count] }
}
