import CCairo

public enum LineCap: Sendable { case butt, round, square }
public enum LineJoin: Sendable { case miter, round, bevel }
public enum FillRule: Sendable { case winding, evenOdd }

/// A drawing context on one page of a surface (PDF page, PNG image, SVG, or off-screen for measuring).
/// Units are points; y grows downwards. Drawing calls do not throw: Cairo errors are sticky, and they are
/// reported by `check()`, by `PDFDocument.endPage()`/`finish()` and by `Render`. Owns its `cairo_t`.
public final class Canvas {
    /// The `cairo_t`; only this module touches it.
    private(set) var cr: OpaquePointer
    /// The page size in points.
    public let size: Size
    /// An error found by Swift-side validation (e.g. an image buffer of the wrong length), reported like a
    /// Cairo error by `check()`.
    var deferredError: CanvasError?
    /// Whether each image drawn so far was smooth (true) or nearest-neighbour (false), in drawing order:
    /// Cairo 1.16's SVG output drops the filter, so `Render.svg` marks crisp images itself.
    var imageSmoothing: [Bool] = []
    /// The PDF this canvas draws a page of, and that page's number (1-based), for links.
    weak var document: PDFDocument?
    var pageNumber = 0
    /// Pango state for text, created on first use (see CanvasText.swift).
    lazy var textEngine: TextEngine = TextEngine()

    /// Wraps a new context on `surface` (which Cairo references for as long as the context lives).
    init(surface: OpaquePointer, size: Size) {
        self.cr = cairo_create(surface)
        self.size = size
    }

    deinit { cairo_destroy(cr) }

    /// Points the canvas at a throw-away surface: drawing on a PDF page's canvas after `endPage()` must
    /// not land on the next page.
    func detach(reason: String) {
        cairo_destroy(cr)
        let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
        cr = cairo_create(s)
        cairo_surface_destroy(s)
        if deferredError == nil { deferredError = .invalidArgument(reason) }
    }

    /// A canvas on a small off-screen surface, for measuring text. Its text metrics equal a PDF's and a
    /// PNG's at any DPI (resolution 72, no hinting, no glyph rounding); drawing on it shows nowhere.
    public static func measuring() -> Canvas {
        let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
        defer { cairo_surface_destroy(s) }
        return Canvas(surface: s, size: Size(1, 1))
    }

    /// Throws the first error met on this canvas (Cairo's sticky status or a rejected argument).
    public func check(_ during: @autoclosure () -> String = "drawing") throws {
        if let e = deferredError { throw e }
        try CanvasError.check(cairo_status(cr), during())
    }

    func reject(_ message: String) {
        if deferredError == nil { deferredError = .invalidArgument(message) }
    }

    // MARK: state

    public func save() { cairo_save(cr) }
    public func restore() { cairo_restore(cr) }
    /// Runs `body` between `save()` and `restore()`.
    @discardableResult
    public func withState<T>(_ body: () throws -> T) rethrows -> T {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        return try body()
    }
    public func translate(_ dx: Double, _ dy: Double) {
        guard finite("translate", dx, dy) else { return }
        cairo_translate(cr, dx, dy)
    }
    /// Scales user space; a zero factor is Cairo's "invalid matrix" error.
    public func scale(_ sx: Double, _ sy: Double) {
        guard finite("scale", sx, sy) else { return }
        cairo_scale(cr, sx, sy)
    }
    /// Rotates by `radians`; positive turns clockwise on the page (y grows downwards).
    public func rotate(_ radians: Double) {
        guard finite("rotate", radians) else { return }
        cairo_rotate(cr, radians)
    }

    /// Limits drawing to `rect` (intersected with the current clip) until the next `restore()`.
    public func clip(to rect: Rect) {
        guard finite("clip(to:)", rect.x, rect.y, rect.width, rect.height) else { return }
        cairo_new_path(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }
    /// Limits drawing to the current path, which is consumed.
    public func clip(rule: FillRule = .winding) {
        setFillRule(rule)
        cairo_clip(cr)
    }
    public func resetClip() { cairo_reset_clip(cr) }

    // MARK: paths

    public func newPath() { cairo_new_path(cr) }
    public func move(to p: Point) {
        guard finite("move(to:)", p.x, p.y) else { return }
        cairo_move_to(cr, p.x, p.y)
    }
    public func line(to p: Point) {
        guard finite("line(to:)", p.x, p.y) else { return }
        cairo_line_to(cr, p.x, p.y)
    }
    public func curve(to p: Point, control1 c1: Point, control2 c2: Point) {
        guard finite("curve(to:)", p.x, p.y, c1.x, c1.y, c2.x, c2.y) else { return }
        cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
    }
    public func close() { cairo_close_path(cr) }
    public func rect(_ r: Rect) {
        guard finite("rect(_:)", r.x, r.y, r.width, r.height) else { return }
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
    }
    public func roundedRect(_ r: Rect, radius: Double) {
        guard finite("roundedRect(_:radius:)", r.x, r.y, r.width, r.height, radius) else { return }
        let rad = max(0, min(radius, abs(r.width) / 2, abs(r.height) / 2))
        guard rad > 0 else { rect(r); return }
        cairo_new_sub_path(cr)
        cairo_arc(cr, r.maxX - rad, r.minY + rad, rad, -Double.pi / 2, 0)
        cairo_arc(cr, r.maxX - rad, r.maxY - rad, rad, 0, Double.pi / 2)
        cairo_arc(cr, r.minX + rad, r.maxY - rad, rad, Double.pi / 2, Double.pi)
        cairo_arc(cr, r.minX + rad, r.minY + rad, rad, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }
    /// A full circle as a closed sub-path.
    public func circle(center: Point, radius: Double) {
        guard finite("circle(center:radius:)", center.x, center.y, radius) else { return }
        cairo_new_sub_path(cr)
        cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
        cairo_close_path(cr)
    }
    public func ellipse(in r: Rect) {
        guard finite("ellipse(in:)", r.x, r.y, r.width, r.height) else { return }
        guard r.width != 0, r.height != 0 else { return }
        cairo_save(cr)
        cairo_translate(cr, r.midX, r.midY)
        cairo_scale(cr, r.width / 2, r.height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, 0, 0, 1, 0, 2 * Double.pi)
        cairo_close_path(cr)
        cairo_restore(cr)
    }
    /// An arc from `startAngle` to `endAngle` (radians, 0 along +x; increasing angles turn clockwise on
    /// the page because y grows downwards). `clockwise: false` draws the other way round.
    public func arc(center: Point, radius: Double, startAngle: Double, endAngle: Double, clockwise: Bool = true) {
        guard finite("arc(center:…)", center.x, center.y, radius, startAngle, endAngle) else { return }
        if clockwise {
            cairo_arc(cr, center.x, center.y, radius, startAngle, endAngle)
        } else {
            cairo_arc_negative(cr, center.x, center.y, radius, startAngle, endAngle)
        }
    }
    /// A polyline through `points` (closed if asked).
    public func polyline(_ points: [Point], closed: Bool = false) {
        guard let first = points.first,
              finite("polyline(_:)", points.map(\.x).reduce(0, +), points.map(\.y).reduce(0, +)) else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        if closed { cairo_close_path(cr) }
    }
    /// A single segment as its own sub-path.
    public func line(from a: Point, to b: Point) {
        guard finite("line(from:to:)", a.x, a.y, b.x, b.y) else { return }
        cairo_move_to(cr, a.x, a.y)
        cairo_line_to(cr, b.x, b.y)
    }
    /// The current point, if the path has one.
    public var currentPoint: Point? {
        guard cairo_has_current_point(cr) != 0 else { return nil }
        var x = 0.0, y = 0.0
        cairo_get_current_point(cr, &x, &y)
        return Point(x, y)
    }

    // MARK: painting

    func setSource(_ c: Color) {
        guard finite("colour \(c.r), \(c.g), \(c.b), \(c.a)", c.r, c.g, c.b, c.a) else {
            cairo_set_source_rgba(cr, 0, 0, 0, 0); return
        }
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
    }

    /// False (and the error recorded) when a value is NaN or infinite: Cairo would draw garbage silently.
    func finite(_ what: @autoclosure () -> String, _ values: Double...) -> Bool {
        if values.allSatisfy(\.isFinite) { return true }
        reject("\(what()): not a finite number in \(values)")
        return false
    }
    func setFillRule(_ rule: FillRule) {
        cairo_set_fill_rule(cr, rule == .winding ? CAIRO_FILL_RULE_WINDING : CAIRO_FILL_RULE_EVEN_ODD)
    }

    /// Fills the current path and clears it.
    public func fill(_ color: Color, rule: FillRule = .winding) {
        setSource(color); setFillRule(rule); cairo_fill(cr)
    }
    /// Fills the current path and keeps it (to stroke it next).
    public func fillPreserve(_ color: Color, rule: FillRule = .winding) {
        setSource(color); setFillRule(rule); cairo_fill_preserve(cr)
    }
    /// Strokes the current path and clears it. `dash` lists on/off lengths in points ([] is solid).
    public func stroke(_ color: Color, width: Double = 1, dash: [Double] = [], dashOffset: Double = 0,
                       cap: LineCap = .butt, join: LineJoin = .miter) {
        setStroke(color, width: width, dash: dash, dashOffset: dashOffset, cap: cap, join: join)
        cairo_stroke(cr)
    }
    /// Strokes the current path and keeps it.
    public func strokePreserve(_ color: Color, width: Double = 1, dash: [Double] = [], dashOffset: Double = 0,
                               cap: LineCap = .butt, join: LineJoin = .miter) {
        setStroke(color, width: width, dash: dash, dashOffset: dashOffset, cap: cap, join: join)
        cairo_stroke_preserve(cr)
    }
    func setStroke(_ color: Color, width: Double, dash: [Double], dashOffset: Double, cap: LineCap, join: LineJoin) {
        setSource(color)
        if !finite("stroke width", width, dashOffset) || width < 0 {
            if width < 0 { reject("stroke width \(width) is negative") }
            cairo_set_line_width(cr, 0)
        } else {
            cairo_set_line_width(cr, width)
        }
        switch cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
        if dash.contains(where: { $0 < 0 || !$0.isFinite }) || (!dash.isEmpty && dash.allSatisfy { $0 == 0 }) {
            reject("dash pattern \(dash) needs non-negative finite lengths, not all zero")
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), dashOffset) }
        }
    }

    /// Fills `rect` with `color` (a convenience for fill after rect).
    public func fill(_ rect: Rect, _ color: Color) {
        cairo_new_path(cr)
        self.rect(rect)
        fill(color)
    }
    /// Paints the whole clip region with `color`.
    public func paint(_ color: Color) {
        setSource(color)
        cairo_paint(cr)
    }
}
