// How a piece of text looks: font, size, weight, colour, alignment and wrapping.

public enum FontFamily: Sendable, Hashable {
    /// DejaVu Sans (running text in figures, headings).
    case sans
    /// DejaVu Serif (body text of handouts).
    case serif
    /// DejaVu Sans Mono (code, aligned numbers).
    case mono
    /// DejaVu Math TeX Gyre (an OpenType MATH font drawn to match DejaVu).
    case math
    /// Any fontconfig family name.
    case named(String)

    /// The fontconfig family name Pango asks for.
    public var familyName: String {
        switch self {
        case .sans: return "DejaVu Sans"
        case .serif: return "DejaVu Serif"
        case .mono: return "DejaVu Sans Mono"
        case .math: return "DejaVu Math TeX Gyre"
        case .named(let s): return s
        }
    }
}

public enum TextAlignment: Sendable, Hashable {
    case left, center, right
    /// Full justification; the last line of a paragraph stays left-aligned.
    case justify
}

/// Which point of a text's logical box `Canvas.drawText(_:at:style:anchor:)` puts at the given point.
public enum Anchor: Sendable, Hashable {
    case topLeft, top, topRight
    case left, center, right
    case bottomLeft, bottom, bottomRight
    /// The first line's baseline, at the left end / middle / right end of the text.
    case baselineLeft, baseline, baselineRight
}

public struct TextStyle: Sendable, Hashable {
    public var family: FontFamily
    /// Font size in points.
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: Color
    public var alignment: TextAlignment
    /// Wrap width in points; nil lays the text out on one line per "\n".
    public var width: Double?
    /// Baseline-to-baseline distance as a multiple of the font's line height; 1 is the font's own.
    public var lineSpacing: Double

    public init(family: FontFamily = .sans, size: Double = 10, bold: Bool = false, italic: Bool = false,
                color: Color = .black, alignment: TextAlignment = .left, width: Double? = nil,
                lineSpacing: Double = 1) {
        self.family = family; self.size = size; self.bold = bold; self.italic = italic
        self.color = color; self.alignment = alignment; self.width = width; self.lineSpacing = lineSpacing
    }

    public func with(size: Double) -> TextStyle { var s = self; s.size = size; return s }
    public func with(color: Color) -> TextStyle { var s = self; s.color = color; return s }
    public func with(width: Double?) -> TextStyle { var s = self; s.width = width; return s }
    public func with(alignment: TextAlignment) -> TextStyle { var s = self; s.alignment = alignment; return s }
    public var asBold: TextStyle { var s = self; s.bold = true; return s }
    public var asItalic: TextStyle { var s = self; s.italic = true; return s }
}
