import CCairo
import Foundation

/// One drawing to one file (or to bytes in memory). Files are written atomically (see `AtomicFile`).
public enum Render {
    /// A one-page PDF of `size` (A4 by default) with fixed metadata.
    public static func pdf(size: Size = .a4, title: String = "", to path: String,
                           draw: (Canvas) throws -> Void) throws {
        let doc = try PDFDocument(path: path, title: title, pageSize: size)
        let canvas = doc.beginPage(size: size)
        try draw(canvas)
        try doc.endPage()
        try doc.finish()
    }

    /// An SVG of `size` points (text becomes glyph outlines).
    public static func svg(size: Size, to path: String, draw: (Canvas) throws -> Void) throws {
        let data = try svgData(size: size, draw: draw)
        try AtomicFile.write(data, to: path)
    }

    /// The bytes of an SVG of `size` points.
    public static func svgData(size: Size, draw: (Canvas) throws -> Void) throws -> Data {
        try PDFDocument.validate(size)
        let sink = ByteSink()
        var smoothing: [Bool] = []
        try sink.withWriter { write, closure in
            let surface = cairo_svg_surface_create_for_stream(write, closure, size.width, size.height)!
            defer { cairo_surface_destroy(surface) }
            try CanvasError.check(cairo_surface_status(surface), "creating an SVG surface")
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
            do {
                let canvas = Canvas(surface: surface, size: size)
                try draw(canvas)
                try canvas.check("drawing an SVG")
                smoothing = canvas.imageSmoothing
            }
            cairo_surface_finish(surface)
            try CanvasError.check(cairo_surface_status(surface), "writing an SVG")
        }
        return SVGPostprocess.markCrispImages(SVGPostprocess.renumber(sink.data), smoothing: smoothing)
    }

    /// A PNG of `size` points at `dpi` (pixels = points × dpi / 72), on `background` (white by default;
    /// `.clear` keeps it transparent).
    public static func png(size: Size, dpi: Double = 150, background: Color = .white, to path: String,
                           draw: (Canvas) throws -> Void) throws {
        let data = try pngData(size: size, dpi: dpi, background: background, draw: draw)
        try AtomicFile.write(data, to: path)
    }

    /// The bytes of a PNG of `size` points at `dpi`.
    public static func pngData(size: Size, dpi: Double = 150, background: Color = .white,
                               draw: (Canvas) throws -> Void) throws -> Data {
        let surface = try rasterize(size: size, dpi: dpi, background: background, draw: draw)
        defer { cairo_surface_destroy(surface) }
        return try PNGEncoder.encode(surface: surface)
    }

    /// The pixels of a drawing of `size` points at `dpi`, without a PNG round trip (for pixel tests).
    public static func bitmap(size: Size, dpi: Double = 72, background: Color = .white,
                              draw: (Canvas) throws -> Void) throws -> Bitmap {
        let surface = try rasterize(size: size, dpi: dpi, background: background, draw: draw)
        defer { cairo_surface_destroy(surface) }
        return Bitmap(imageSurface: surface)
    }

    /// The most pixels a PNG may have (an A4 page at 600 DPI has 35 million).
    public static let maxPixels = 150_000_000

    /// The pixel size of `size` points at `dpi`.
    public static func pixelSize(of size: Size, dpi: Double) -> (width: Int, height: Int) {
        let w = (size.width * dpi / 72).rounded(), h = (size.height * dpi / 72).rounded()
        guard w.isFinite, h.isFinite, w >= 1, h >= 1, w <= 32767, h <= 32767 else { return (0, 0) }
        return (Int(w), Int(h))
    }

    /// Draws into a new ARGB32 image surface (caller destroys it).
    static func rasterize(size: Size, dpi: Double, background: Color, draw: (Canvas) throws -> Void) throws -> OpaquePointer {
        guard dpi.isFinite, dpi > 0 else { throw CanvasError.invalidArgument("DPI must be positive, not \(dpi)") }
        let px = pixelSize(of: size, dpi: dpi)
        guard size.width > 0, size.height > 0, px.width > 0 else {
            throw CanvasError.invalidArgument("a PNG of \(size) pt at \(dpi) DPI must be 1…32767 pixels each way")
        }
        guard px.width * px.height <= maxPixels else {
            throw CanvasError.invalidArgument("a PNG of \(size) pt at \(dpi) DPI would have \(px.width)×\(px.height) pixels; the limit is \(maxPixels / 1_000_000) million")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(px.width), Int32(px.height))!
        do {
            try CanvasError.check(cairo_surface_status(surface), "creating a \(px.width)×\(px.height) image")
            cairo_surface_set_device_scale(surface, Double(px.width) / size.width, Double(px.height) / size.height)
            let canvas = Canvas(surface: surface, size: size)
            if background.a > 0 { canvas.paint(background) }
            try draw(canvas)
            try canvas.check("drawing a PNG")
            cairo_surface_flush(surface)
            try CanvasError.check(cairo_surface_status(surface), "drawing a PNG")
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        return surface
    }
}
