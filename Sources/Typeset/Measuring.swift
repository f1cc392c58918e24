/// The faces Typeset sets text in. `math` is DejaVu Math TeX Gyre (an OpenType MATH font drawn to
/// match DejaVu); the others are the DejaVu families, which cover Vietnamese.
public enum FontFace: Hashable, Sendable {
    case serif, sans, mono, math
}

/// A font at a size: what a run of glyphs is measured and drawn with.
public struct RunFont: Hashable, Sendable {
    public var face: FontFace
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(_ face: FontFace, size: Double, bold: Bool = false, italic: Bool = false) {
        self.face = face
        self.size = size
        self.bold = bold
        self.italic = italic
    }

    public func sized(_ s: Double) -> RunFont { RunFont(face, size: s, bold: bold, italic: italic) }
}

/// What measuring a run of text gives, in points. `ascent`/`descent` are the font's line metrics
/// (the same for every run of a font); `inkAscent`/`inkDescent` are the glyphs' own extents above
/// and below the baseline (math boxes are built from these, as TeX builds them from glyph heights).
public struct RunMetrics: Equatable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public var inkAscent: Double
    public var inkDescent: Double

    public init(width: Double, ascent: Double, descent: Double, inkAscent: Double, inkDescent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
        self.inkAscent = inkAscent
        self.inkDescent = inkDescent
    }
}

/// Measures runs of text. The layout depends on nothing else about fonts, so it can be tested with
/// `FixedAdvanceMeasurer` and run for real with `PangoMeasurer`.
public protocol TextMeasurer: AnyObject {
    func measure(_ text: String, font: RunFont) -> RunMetrics
}

/// A deterministic measurer for tests: every character advances `advance × size`, every run has
/// ascent 0.8 and descent 0.2 of the size; ink rises 0.7 of the size (0.5 for x-height letters
/// only) and descends 0.2 for letters with descenders.
public final class FixedAdvanceMeasurer: TextMeasurer {
    public let advance: Double

    public init(advance: Double = 0.5) {
        self.advance = advance
    }

    public func measure(_ text: String, font: RunFont) -> RunMetrics {
        let s = font.size
        let n = Double(text.count)
        let low = Set("acemnorsuvwxz·−+=×⋅")
        let descenders = Set("gjpqy,;()[]{}|")
        let onlyLow = !text.isEmpty && text.allSatisfy { low.contains($0) }
        let inkUp = text.isEmpty ? 0 : (onlyLow ? 0.5 * s : 0.7 * s)
        let inkDown = text.contains(where: { descenders.contains($0) }) ? 0.2 * s : 0
        return RunMetrics(width: n * advance * s, ascent: 0.8 * s, descent: 0.2 * s,
                          inkAscent: inkUp, inkDescent: inkDown)
    }
}

/// Remembers measurements: documents repeat words and symbols, and measuring through Pango is the
/// costly part of layout.
public final class CachingMeasurer: TextMeasurer {
    private struct Key: Hashable {
        let text: String
        let font: RunFont
    }

    private let base: TextMeasurer
    private var cache: [Key: RunMetrics] = [:]

    public init(_ base: TextMeasurer) {
        self.base = base
    }

    public func measure(_ text: String, font: RunFont) -> RunMetrics {
        let key = Key(text: text, font: font)
        if let m = cache[key] { return m }
        let m = base.measure(text, font: font)
        cache[key] = m
        return m
    }
}
