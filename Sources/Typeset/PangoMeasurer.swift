import Canvas

/// Measures runs with Pango on an off-screen Canvas: the same fonts and metrics the pages are
/// drawn with (resolution 72, no hinting, so PDF and PNG agree).
public final class PangoMeasurer: TextMeasurer {
    private let canvas = Canvas.measuring()

    public init() {}

    static func textStyle(_ f: RunFont, color: Color = .black) -> TextStyle {
        let family: FontFamily
        switch f.face {
        case .serif: family = .serif
        case .sans: family = .sans
        case .mono: family = .mono
        case .math: family = .math
        }
        return TextStyle(family: family, size: f.size, bold: f.bold, italic: f.italic, color: color)
    }

    public func measure(_ text: String, font: RunFont) -> RunMetrics {
        guard font.size.isFinite, font.size > 0,
              let l = try? canvas.layout(text, style: PangoMeasurer.textStyle(font)) else {
            return RunMetrics(width: 0, ascent: 0, descent: 0, inkAscent: 0, inkDescent: 0)
        }
        let base = l.baseline
        let ink = l.inkRect
        let hasInk = ink.width > 0 && ink.height > 0
        return RunMetrics(width: l.logicalRect.width, ascent: base, descent: l.size.height - base,
                          inkAscent: hasInk ? max(0, base - ink.minY) : 0,
                          inkDescent: hasInk ? max(0, ink.maxY - base) : 0)
    }
}
