import CCairo

/// A linear colour ramp: colours at offsets 0…1 along a line (e.g. a colour bar beside a heat map).
public struct Gradient: Sendable, Hashable {
    public struct Stop: Sendable, Hashable {
        public var offset: Double
        public var color: Color
        public init(_ offset: Double, _ color: Color) { self.offset = offset; self.color = color }
    }
    public var stops: [Stop]
    public init(_ stops: [Stop]) { self.stops = stops }
    /// Evenly spaced colours from the first to the last.
    public init(colors: [Color]) {
        let n = max(1, colors.count - 1)
        stops = colors.enumerated().map { Stop(Double($0.offset) / Double(n), $0.element) }
    }
}

extension Canvas {
    /// Fills the current path with `gradient`, running from `start` (offset 0) to `end` (offset 1);
    /// beyond the ends the end colours continue. Clears the path.
    public func fill(_ gradient: Gradient, from start: Point, to end: Point) {
        guard !gradient.stops.isEmpty else { reject("a gradient needs at least one colour stop"); return }
        let pattern = cairo_pattern_create_linear(start.x, start.y, end.x, end.y)!
        defer { cairo_pattern_destroy(pattern) }
        for s in gradient.stops {
            cairo_pattern_add_color_stop_rgba(pattern, s.offset, s.color.r, s.color.g, s.color.b, s.color.a)
        }
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_set_source(cr, pattern)
        cairo_fill(cr)
    }

    /// Fills `rect` with `gradient`, bottom to top when `vertical` (a colour bar: low values at the
    /// bottom), else left to right.
    public func fill(_ rect: Rect, _ gradient: Gradient, vertical: Bool) {
        cairo_new_path(cr)
        self.rect(rect)
        if vertical {
            fill(gradient, from: Point(rect.x, rect.maxY), to: Point(rect.x, rect.minY))
        } else {
            fill(gradient, from: Point(rect.minX, rect.y), to: Point(rect.maxX, rect.y))
        }
    }
}
