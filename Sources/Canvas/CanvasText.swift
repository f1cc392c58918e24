import CCairo
import CPangoCairo

import Foundation

/// A Pango font map and a context set up so that metrics never depend on the surface: resolution 72
/// (1 pt = 1 unit), hint metrics off, hint style none, no glyph position rounding.
///
/// Setting one up and tearing it down costs fontconfig matching and font loading for every font it
/// uses: a build draws about a thousand canvases (each page of each PDF, each PNG), and doing that per
/// canvas took 40 % of `nnbook build`'s time. So sessions are pooled: a canvas takes one on its first
/// text and gives it back when neither it nor any layout made on it is alive. A session is never used
/// by two canvases at once (Pango font maps are not thread-safe); metrics do not depend on which one.
final class FontSession: @unchecked Sendable {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    private init() {
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Sessions not in use: at most as many as canvases had text at the same time.
    private final class Pool: @unchecked Sendable {
        let lock = NSLock()
        var idle: [FontSession] = []
    }
    private static let pool = Pool()

    /// An idle session, or a new one.
    static func take() -> FontSession {
        pool.lock.lock(); defer { pool.lock.unlock() }
        return pool.idle.popLast() ?? FontSession()
    }

    /// Back to the pool (the caller no longer uses it, nor does anything made with it).
    static func give(_ session: FontSession) {
        pool.lock.lock(); defer { pool.lock.unlock() }
        pool.idle.append(session)
    }
}

/// Pango state of one Canvas: a pooled font session, held while the canvas or any of its layouts
/// (each keeps its engine) is alive.
final class TextEngine {
    let session: FontSession
    var context: OpaquePointer { session.context }

    init() { session = FontSession.take() }

    deinit { FontSession.give(session) }

    func makeLayout(_ text: String, style: TextStyle, markup: Bool) throws -> TextLayout {
        guard style.size.isFinite, style.size > 0 else {
            throw CanvasError.invalidArgument("font size must be a positive number of points, not \(style.size)")
        }
        if let w = style.width, !(w.isFinite && w > 0) {
            throw CanvasError.invalidArgument("text wrap width must be a positive number of points, not \(w)")
        }
        let clean = Markup.sanitize(text)
        if markup { try Markup.validate(clean) }
        let layout = pango_layout_new(context)!
        let desc = pango_font_description_new()!
        pango_font_description_set_family(desc, style.family.familyName)
        pango_font_description_set_absolute_size(desc, style.size * pangoScale)
        pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        if let w = style.width {
            pango_layout_set_width(layout, Int32((w * pangoScale).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justify:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(layout, 1)
        }
        if style.lineSpacing != 1, style.lineSpacing.isFinite, style.lineSpacing > 0 {
            pango_layout_set_line_spacing(layout, Float(style.lineSpacing))
        }
        if markup {
            pango_layout_set_markup(layout, clean, -1)
        } else {
            pango_layout_set_text(layout, clean, -1)
        }
        let result = TextLayout(layout: layout, text: text, style: style, isMarkup: markup)
        result.engine = self
        return result
    }
}

extension Canvas {
    /// Lays out `text` with `style`. Plain text is shown literally; with `markup: true` it is Pango markup
    /// (`<b>`, `<i>`, `<sub>`, `<sup>`, `<span …>`), validated first: bad markup throws `CanvasError.markup`.
    /// NFD text is composed to NFC first, so both render the same.
    public func layout(_ text: String, style: TextStyle, markup: Bool = false) throws -> TextLayout {
        try textEngine.makeLayout(text, style: style, markup: markup)
    }

    /// The logical size `text` takes with `style`.
    public func measure(_ text: String, style: TextStyle, markup: Bool = false) throws -> Size {
        try layout(text, style: style, markup: markup).size
    }

    /// Draws `layout` with its top-left corner (the origin of its logical box, before alignment within a
    /// wrap width) at `topLeft`, in the style's colour (markup colours override it). A `halo` first
    /// strokes the glyph outlines `haloWidth` wide in that colour (a label readable over lines and heat
    /// maps); the text itself stays text, so PDF text extraction still finds it.
    public func draw(_ layout: TextLayout, at topLeft: Point, halo: Color? = nil, haloWidth: Double = 2) {
        guard finite("drawing text at \(topLeft)", topLeft.x, topLeft.y, haloWidth) else { return }
        cairo_save(cr)
        cairo_new_path(cr)
        if let halo, haloWidth > 0 {
            cairo_move_to(cr, topLeft.x, topLeft.y)
            pango_cairo_layout_path(cr, layout.layout)
            setSource(halo)
            cairo_set_line_width(cr, 2 * haloWidth)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            cairo_set_dash(cr, nil, 0, 0)
            cairo_stroke(cr)
        }
        setSource(layout.style.color)
        cairo_move_to(cr, topLeft.x, topLeft.y)
        pango_cairo_show_layout(cr, layout.layout)
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    /// Draws only lines `range` of `layout`, with the top of the first of them at `topLeft.y`:
    /// how a paragraph continues on the next page.
    public func draw(_ layout: TextLayout, lines range: Range<Int>, at topLeft: Point) {
        guard finite("drawing text at \(topLeft)", topLeft.x, topLeft.y) else { return }
        let r = range.clamped(to: 0..<layout.lineCount)
        guard !r.isEmpty else { return }
        let top = layout.verticalExtent(ofLines: r).top
        cairo_save(cr)
        setSource(layout.style.color)
        cairo_new_path(cr)
        if let iter = pango_layout_get_iter(layout.layout) {
            var i = 0
            repeat {
                if r.contains(i), let line = pango_layout_iter_get_line_readonly(iter) {
                    var logical = PangoRectangle()
                    pango_layout_iter_get_line_extents(iter, nil, &logical)
                    let baseline = Double(pango_layout_iter_get_baseline(iter)) / pangoScale
                    cairo_move_to(cr, topLeft.x + Double(logical.x) / pangoScale, topLeft.y + baseline - top)
                    pango_cairo_show_layout_line(cr, line)
                }
                i += 1
            } while i < r.upperBound && pango_layout_iter_next_line(iter) != 0
            pango_layout_iter_free(iter)
        }
        cairo_new_path(cr)
        cairo_restore(cr)
    }

    /// Lays out and draws `text` so that the `anchor` point of its logical box lies at `point`, with an
    /// optional halo (see `draw(_:at:halo:haloWidth:)`). Returns the layout (for its size).
    @discardableResult
    public func drawText(_ text: String, at point: Point, style: TextStyle, anchor: Anchor = .topLeft,
                         markup: Bool = false, halo: Color? = nil, haloWidth: Double = 2) throws -> TextLayout {
        let l = try layout(text, style: style, markup: markup)
        draw(l, at: Canvas.origin(of: l, anchor: anchor, at: point), halo: halo, haloWidth: haloWidth)
        return l
    }

    /// Where to put a layout's origin so that its `anchor` point lies at `point`.
    public static func origin(of l: TextLayout, anchor: Anchor, at point: Point) -> Point {
        let box = l.logicalRect
        let x: Double
        switch anchor {
        case .topLeft, .left, .bottomLeft, .baselineLeft: x = point.x - box.minX
        case .top, .center, .bottom, .baseline: x = point.x - box.midX
        case .topRight, .right, .bottomRight, .baselineRight: x = point.x - box.maxX
        }
        let y: Double
        switch anchor {
        case .topLeft, .top, .topRight: y = point.y - box.minY
        case .left, .center, .right: y = point.y - box.midY
        case .bottomLeft, .bottom, .bottomRight: y = point.y - box.maxY
        case .baselineLeft, .baseline, .baselineRight: y = point.y - l.baseline
        }
        return Point(x, y)
    }
}
