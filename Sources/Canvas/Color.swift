// Colours as non-premultiplied RGBA components in 0…1 (sRGB).

public struct Color: Sendable, Hashable, CustomStringConvertible {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }
    /// 8-bit components, 0…255.
    public init(r8: Int, g8: Int, b8: Int, a8: Int = 255) {
        self.init(r: Double(r8) / 255, g: Double(g8) / 255, b: Double(b8) / 255, a: Double(a8) / 255)
    }
    /// "#0072B2", "0072B2", "#0072B280" (with alpha) or "#07B" (short form). An invalid string gives magenta
    /// so that a typo shows on the page; use `init?(parsing:)` to validate user input.
    public init(hex: String) {
        self = Color(parsing: hex) ?? Color(r: 1, g: 0, b: 1)
    }
    /// Nil when `hex` is not 3, 6 or 8 hex digits (with or without a leading "#").
    public init?(parsing hex: String) {
        var s = Substring(hex)
        if s.hasPrefix("#") { s = s.dropFirst() }
        if s.count == 3 { s = Substring(s.map { "\($0)\($0)" }.joined()) }
        guard s.count == 6 || s.count == 8, s.allSatisfy(\.isHexDigit), let v = UInt32(s, radix: 16) else { return nil }
        if s.count == 6 {
            self.init(r8: Int(v >> 16 & 0xFF), g8: Int(v >> 8 & 0xFF), b8: Int(v & 0xFF))
        } else {
            self.init(r8: Int(v >> 24 & 0xFF), g8: Int(v >> 16 & 0xFF), b8: Int(v >> 8 & 0xFF), a8: Int(v & 0xFF))
        }
    }

    public static let black = Color(r: 0, g: 0, b: 0)
    public static let white = Color(r: 1, g: 1, b: 1)
    public static let clear = Color(r: 0, g: 0, b: 0, a: 0)
    public static let red = Color(r: 1, g: 0, b: 0)
    public static let green = Color(r: 0, g: 1, b: 0)
    public static let blue = Color(r: 0, g: 0, b: 1)
    /// A grey of the given lightness: 0 is black, 1 is white.
    public static func gray(_ level: Double, alpha: Double = 1) -> Color { Color(r: level, g: level, b: level, a: alpha) }

    public func withAlpha(_ a: Double) -> Color { Color(r: r, g: g, b: b, a: a) }
    /// Linear interpolation in sRGB: t = 0 gives self, t = 1 gives `other`.
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(r: r + (other.r - r) * t, g: g + (other.g - g) * t, b: b + (other.b - b) * t, a: a + (other.a - a) * t)
    }
    /// Components clamped to 0…1 and rounded to 8 bits.
    public var rgba8: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        func q(_ v: Double) -> UInt8 { v.isNaN ? 0 : UInt8((min(max(v, 0), 1) * 255).rounded()) }
        return (q(r), q(g), q(b), q(a))
    }
    public var hexString: String {
        let c = rgba8
        func h(_ v: UInt8) -> String { let s = String(v, radix: 16, uppercase: true); return s.count == 1 ? "0" + s : s }
        return "#" + h(c.r) + h(c.g) + h(c.b) + (c.a == 255 ? "" : h(c.a))
    }
    public var description: String { hexString }
}
