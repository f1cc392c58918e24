import CPangoCairo

/// One line of a laid-out text, in points relative to the layout's top-left corner.
public struct TextLine: Sendable, Hashable {
    /// Distance from the layout's top to this line's baseline.
    public var baseline: Double
    /// The line's logical box (x may be non-zero for centred or right-aligned lines).
    public var logicalRect: Rect
    /// The line's ink box (what the glyphs actually cover).
    public var inkRect: Rect
}

/// A paragraph laid out by Pango, ready to measure and draw. Created by `Canvas.layout(_:style:markup:)`;
/// its metrics are the same on every canvas (PDF, PNG at any DPI, SVG, measuring). Owns its PangoLayout.
public final class TextLayout {
    let layout: OpaquePointer
    /// The text as given (plain or markup).
    public let text: String
    public let style: TextStyle
    public let isMarkup: Bool
    /// Logical size (independent of ink: includes the font's ascent and descent, not the glyphs' shapes).
    public let size: Size
    /// The logical box relative to the drawing origin; x is non-zero when a wrap width centres or
    /// right-aligns the text.
    public let logicalRect: Rect
    /// The box the glyphs cover, relative to the drawing origin.
    public let inkRect: Rect
    /// Distance from the top to the first line's baseline.
    public let baseline: Double
    public let lines: [TextLine]
    /// The canvas's Pango state the layout was made with: its font session is not lent to another canvas
    /// while the layout lives (set by the engine that makes it).
    var engine: TextEngine?

    public var lineCount: Int { lines.count }
    /// Baselines of all lines, from the top.
    public var lineBaselines: [Double] { lines.map(\.baseline) }

    init(layout: OpaquePointer, text: String, style: TextStyle, isMarkup: Bool) {
        self.layout = layout
        self.text = text
        self.style = style
        self.isMarkup = isMarkup
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        self.inkRect = Rect(pango: ink)
        self.logicalRect = Rect(pango: logical)
        self.size = Size(Double(logical.width) / pangoScale, Double(logical.height) / pangoScale)
        self.baseline = Double(pango_layout_get_baseline(layout)) / pangoScale
        var lines: [TextLine] = []
        if let iter = pango_layout_get_iter(layout) {
            repeat {
                var li = PangoRectangle(), ll = PangoRectangle()
                pango_layout_iter_get_line_extents(iter, &li, &ll)
                lines.append(TextLine(baseline: Double(pango_layout_iter_get_baseline(iter)) / pangoScale,
                                      logicalRect: Rect(pango: ll), inkRect: Rect(pango: li)))
            } while pango_layout_iter_next_line(iter) != 0
            pango_layout_iter_free(iter)
        }
        self.lines = lines
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// The y range [top, bottom) of lines `range`, relative to the layout's top: what a page break
    /// between lines needs. Uses the lines' logical boxes.
    public func verticalExtent(ofLines range: Range<Int>) -> (top: Double, bottom: Double) {
        let r = range.clamped(to: 0..<lines.count)
        guard let first = r.first, let last = r.last else { return (0, 0) }
        return (lines[first].logicalRect.minY, lines[last].logicalRect.maxY)
    }
}

let pangoScale = Double(PANGO_SCALE)

extension Rect {
    init(pango r: PangoRectangle) {
        self.init(x: Double(r.x) / pangoScale, y: Double(r.y) / pangoScale,
                  width: Double(r.width) / pangoScale, height: Double(r.height) / pangoScale)
    }
}
