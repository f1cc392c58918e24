import CCairo

extension Canvas {
    /// Draws a raster image given as non-premultiplied RGBA bytes (row-major, top row first, 4 bytes per
    /// pixel, `width × height × 4` bytes), stretched to fill `rect`. `smooth: false` keeps pixels crisp
    /// (nearest neighbour; a heat map cell stays a sharp square), `true` interpolates.
    public func drawImage(rgba: [UInt8], width: Int, height: Int, in rect: Rect, smooth: Bool = false) {
        guard finite("drawImage(in:)", rect.x, rect.y, rect.width, rect.height) else { return }
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            reject("image size \(width)×\(height) must be 1…32767 pixels each way"); return
        }
        guard rgba.count == width * height * 4 else {
            reject("image of \(width)×\(height) pixels needs \(width * height * 4) RGBA bytes, got \(rgba.count)"); return
        }
        guard let image = makeImageSurface(rgba: rgba, width: width, height: height) else { return }
        defer { cairo_surface_destroy(image) }
        paintImageSurface(image, width: width, height: height, in: rect, smooth: smooth)
    }

    /// Draws a bitmap (e.g. one read from a PNG) stretched to fill `rect`.
    public func drawImage(_ bitmap: Bitmap, in rect: Rect, smooth: Bool = true) {
        drawImage(rgba: bitmap.rgba, width: bitmap.width, height: bitmap.height, in: rect, smooth: smooth)
    }

    /// A Cairo ARGB32 surface (native-endian, premultiplied) holding the pixels, or nil (with the error
    /// recorded) if Cairo could not make one.
    func makeImageSurface(rgba: [UInt8], width: Int, height: Int) -> OpaquePointer? {
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        let status = cairo_surface_status(image)
        guard status == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else {
            if deferredError == nil {
                deferredError = .cairo(status: String(cString: cairo_status_to_string(status)),
                                       during: "creating a \(width)×\(height) image")
            }
            cairo_surface_destroy(image)
            return nil
        }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        rgba.withUnsafeBufferPointer { src in
            for y in 0..<height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                var i = y * width * 4
                for x in 0..<width {
                    let a = UInt32(src[i + 3])
                    // Premultiply with rounding: c·a/255.
                    func pm(_ c: UInt8) -> UInt32 { let t = UInt32(c) * a + 128; return (t + (t >> 8)) >> 8 }
                    row[x] = a << 24 | pm(src[i]) << 16 | pm(src[i + 1]) << 8 | pm(src[i + 2])
                    i += 4
                }
            }
        }
        cairo_surface_mark_dirty(image)
        return image
    }

    func paintImageSurface(_ image: OpaquePointer, width: Int, height: Int, in rect: Rect, smooth: Bool) {
        guard rect.width != 0, rect.height != 0 else { return }
        cairo_save(cr)
        cairo_new_path(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(cr, image, 0, 0)
        let pattern = cairo_get_source(cr)
        cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_GOOD : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_rectangle(cr, 0, 0, Double(width), Double(height))
        cairo_fill(cr)
        cairo_restore(cr)
    }
}
