import CCairo
import Foundation

/// Pixels as non-premultiplied RGBA bytes, row-major, top row first. Reads PNG files (for pixel tests and
/// for images placed on a page) and is drawn with `Canvas.drawImage(_:in:)`.
public struct Bitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// width × height × 4 bytes: r, g, b, a.
    public let rgba: [UInt8]

    public init(width: Int, height: Int, rgba: [UInt8]) throws {
        guard width > 0, height > 0, rgba.count == width * height * 4 else {
            throw CanvasError.invalidArgument("a \(width)×\(height) bitmap needs \(max(0, width * height * 4)) RGBA bytes, got \(rgba.count)")
        }
        self.width = width; self.height = height; self.rgba = rgba
    }

    /// Reads a PNG file.
    public init(pngPath path: String) throws {
        let surface = cairo_image_surface_create_from_png(path)!
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw CanvasError.file(path: path, reason: "cannot read as PNG: \(String(cString: cairo_status_to_string(status)))")
        }
        self.init(imageSurface: surface)
    }

    /// Decodes PNG bytes.
    public init(pngData data: Data) throws {
        let source = ByteSource([UInt8](data))
        let surface = source.withReader { read, closure in cairo_image_surface_create_from_png_stream(read, closure)! }
        defer { cairo_surface_destroy(surface) }
        try CanvasError.check(cairo_surface_status(surface), "decoding PNG data")
        self.init(imageSurface: surface)
    }

    /// Copies any Cairo image surface (converted to ARGB32 first) into RGBA bytes.
    init(imageSurface source: OpaquePointer) {
        cairo_surface_flush(source)
        let w = Int(cairo_image_surface_get_width(source)), h = Int(cairo_image_surface_get_height(source))
        let argb: OpaquePointer
        if cairo_image_surface_get_format(source) == CAIRO_FORMAT_ARGB32 {
            argb = cairo_surface_reference(source)
        } else {
            argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))
            let cr = cairo_create(argb)
            cairo_set_source_surface(cr, source, 0, 0)
            cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
            cairo_paint(cr)
            cairo_destroy(cr)
            cairo_surface_flush(argb)
        }
        defer { cairo_surface_destroy(argb) }
        let stride = Int(cairo_image_surface_get_stride(argb))
        var out = [UInt8](repeating: 0, count: w * h * 4)
        if let data = cairo_image_surface_get_data(argb) {
            for y in 0..<h {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<w {
                    let p = row[x]
                    let a = p >> 24
                    func un(_ c: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a)) }
                    let i = (y * w + x) * 4
                    out[i] = un(p >> 16 & 0xFF); out[i + 1] = un(p >> 8 & 0xFF); out[i + 2] = un(p & 0xFF)
                    out[i + 3] = UInt8(a)
                }
            }
        }
        self.width = w; self.height = h; self.rgba = out
    }

    /// The pixel at column `x`, row `y` (0-based, from the top-left).
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
        let i = (y * width + x) * 4
        return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3])
    }

    /// The pixel under point `p` (in points) of a drawing rendered at `dpi`.
    public func pixel(atPoint p: Point, dpi: Double) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let s = dpi / 72
        return pixel(x: min(width - 1, max(0, Int(p.x * s))), y: min(height - 1, max(0, Int(p.y * s))))
    }

    /// The pixel as a Color.
    public func color(x: Int, y: Int) -> Color {
        let p = pixel(x: x, y: y)
        return Color(r8: Int(p.r), g8: Int(p.g), b8: Int(p.b), a8: Int(p.a))
    }

    /// Encodes as PNG bytes.
    public func pngData() throws -> Data {
        try Render.pngData(size: Size(Double(width), Double(height)), dpi: 72, background: .clear) { canvas in
            canvas.drawImage(rgba: rgba, width: width, height: height, in: Rect(x: 0, y: 0, width: Double(width), height: Double(height)))
        }
    }
}
