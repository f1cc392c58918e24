import CCairo
import Foundation

// Links and bookmarks in a PDF (other surfaces ignore them). Cairo 1.16 drops the target of a
// "page=N" link to a page that does not exist yet, so links to later pages go through named
// destinations that the document places when that page begins.

extension PDFDocument {
    /// Adds a bookmark (an entry in the PDF viewer's outline) for `page` (1-based), `y` points below the
    /// top of that page. Returns its id, to pass as `parent` of nested bookmarks (0 is the top level).
    @discardableResult
    public func addBookmark(_ title: String, page: Int, y: Double = 0, parent: Int = 0, open: Bool = false) -> Int {
        let attributes = "page=\(max(1, page)) pos=[0 \(PDFLinks.number(y))]"
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
        return Int(cairo_pdf_surface_add_outline(surface, Int32(parent), Markup.sanitize(title), attributes, flags))
    }

    /// A named destination for a later page, placed when that page begins.
    func destinationName(page: Int, y: Double) -> String {
        let name = "nnbook-p\(page)-\(PDFLinks.number(y))"
        pendingDestinations[page, default: []].insert(y)
        return name
    }

    func placePendingDestinations(on canvas: Canvas, page: Int) {
        guard let ys = pendingDestinations.removeValue(forKey: page) else { return }
        for y in ys.sorted() { canvas.addDestination("nnbook-p\(page)-\(PDFLinks.number(y))", at: Point(0, y)) }
    }
}

extension Canvas {
    /// Makes `rect` a link to a web address.
    public func link(to url: String, rect: Rect) {
        PDFLinks.tag(cr, CAIRO_TAG_LINK, "uri='\(PDFLinks.quote(url))' rect=\(PDFLinks.rect(rect))")
    }

    /// Makes `rect` a link to `page` (1-based) of the same PDF, `y` points below its top; the page may
    /// come later in the document.
    public func link(toPage page: Int, y: Double = 0, rect: Rect) {
        let page = max(1, page)
        if let doc = document, page > pageNumber {
            link(toDestination: doc.destinationName(page: page, y: y), rect: rect)
        } else {
            PDFLinks.tag(cr, CAIRO_TAG_LINK, "page=\(page) pos=[0 \(PDFLinks.number(y))] rect=\(PDFLinks.rect(rect))")
        }
    }

    /// Names a point of this page as a link target (a heading, a figure).
    public func addDestination(_ name: String, at point: Point) {
        PDFLinks.tag(cr, CAIRO_TAG_DEST,
                     "name='\(PDFLinks.quote(name))' x=\(PDFLinks.number(point.x)) y=\(PDFLinks.number(point.y))")
    }

    /// Makes `rect` a link to the destination `name` (see `addDestination`), on any page.
    public func link(toDestination name: String, rect: Rect) {
        PDFLinks.tag(cr, CAIRO_TAG_LINK, "dest='\(PDFLinks.quote(name))' rect=\(PDFLinks.rect(rect))")
    }
}

enum PDFLinks {
    static func tag(_ cr: OpaquePointer, _ kind: String, _ attributes: String) {
        cairo_tag_begin(cr, kind, attributes)
        cairo_tag_end(cr, kind)
    }
    /// Cairo's attribute strings quote with ' and escape with \.
    static func quote(_ s: String) -> String {
        Markup.sanitize(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
    static func number(_ v: Double) -> String { v.isFinite ? String(format: "%.3f", v) : "0" }
    static func rect(_ r: Rect) -> String {
        "[\(number(r.x)) \(number(r.y)) \(number(r.width)) \(number(r.height))]"
    }
}
