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
        let k = smooth ? 1 : svgMagnification(width: width, height: height, in: rect)
        if k > 1, let big = magnified(image, width: width, height: height, by: k) {
            defer { cairo_surface_destroy(big) }
            paintImageSurface(big, width: width * k, height: height * k, in: rect, smooth: false)
        } else {
            paintImageSurface(image, width: width, height: height, in: rect, smooth: smooth)
        }
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

    /// SVG viewers such as librsvg and Inkscape interpolate every image, whatever `image-rendering` says.
    /// On an SVG surface a crisp image is therefore embedded magnified by an integer factor `k` (each
    /// pixel a k×k block, about 2 output pixels per point at 96 dpi), so that only the last device pixel
    /// of each block can blur. Capped at 4 million pixels. 1 on other surfaces.
    func svgMagnification(width: Int, height: Int, in rect: Rect) -> Int {
        guard cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_SVG else { return 1 }
        var dx = rect.width, dy = 0.0       // the image's top edge and left edge in device space
        cairo_user_to_device_distance(cr, &dx, &dy)
        var dx2 = 0.0, dy2 = rect.height
        cairo_user_to_device_distance(cr, &dx2, &dy2)
        let shown = max((dx * dx + dy * dy).squareRoot() / Double(width), (dx2 * dx2 + dy2 * dy2).squareRoot() / Double(height))
        var k = Int((shown * 2 * 96 / 72).rounded(.up))
        while k > 1 && width * k * height * k > 4_000_000 { k -= 1 }
        return max(1, min(k, 64))
    }

    /// `image` scaled by the integer `k` with nearest-neighbour sampling (exact block copies).
    func magnified(_ image: OpaquePointer, width: Int, height: Int, by k: Int) -> OpaquePointer? {
        let big = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width * k), Int32(height * k))!
        guard cairo_surface_status(big) == CAIRO_STATUS_SUCCESS else { cairo_surface_destroy(big); return nil }
        let c = cairo_create(big)
        cairo_scale(c, Double(k), Double(k))
        cairo_set_source_surface(c, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(c), CAIRO_FILTER_NEAREST)
        cairo_set_operator(c, CAIRO_OPERATOR_SOURCE)
        cairo_paint(c)
        cairo_destroy(c)
        cairo_surface_flush(big)
        return big
    }

    func paintImageSurface(_ image: OpaquePointer, width: Int, height: Int, in rect: Rect, smooth: Bool) {
        guard rect.width != 0, rect.height != 0 else { return }
        imageSmoothing.append(smooth)
        cairo_save(cr)
        cairo_new_path(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(cr, image, 0, 0)
        let pattern = cairo_get_source(cr)
        cairo_rectangle(cr, 0, 0, Double(width), Double(height))
        if smooth {
            // PAD: the edge pixels continue outwards, so interpolation does not fade the border.
            cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD)
            cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
            cairo_fill(cr)
        } else {
            // Clip and paint (not a pattern fill): Cairo's SVG then places the <image> itself, scaled,
            // where `image-rendering` applies, instead of a tile that viewers magnify smoothly.
            cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
            cairo_pattern_set_extend(pattern, CAIRO_EXTEND_NONE)
            cairo_clip(cr)
            cairo_paint(cr)
        }
        cairo_restore(cr)
    }
}
