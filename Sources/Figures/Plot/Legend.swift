import Canvas

/// A legend: one row per entry with a line sample and/or a marker, on a white box.
struct Legend {
    struct Entry {
        var text: String
        var color: Color
        var line: Bool = true
        var dash: [Double] = []
        var lineWidth: Double = 1.5
        var marker: Marker? = nil
    }

    var entries: [Entry]
    var theme: Theme
    let sample = 20.0
    let pad = 4.0

    func size(on canvas: Canvas) throws -> Size {
        guard !entries.isEmpty else { return .zero }
        let sizes = try entries.map { try canvas.measure($0.text, style: theme.labelStyle) }
        let w = (sizes.map(\.width).max() ?? 0) + sample + 6 + 2 * pad
        let h = sizes.map { max($0.height, 10) }.reduce(0, +) + 2 * pad
        return Size(w, h)
    }

    func draw(at topLeft: Point, on canvas: Canvas) throws {
        guard !entries.isEmpty else { return }
        let sz = try size(on: canvas)
        let box = Rect(x: topLeft.x, y: topLeft.y, width: sz.width, height: sz.height)
        canvas.newPath()
        canvas.roundedRect(box, radius: 2)
        canvas.fillPreserve(Color.white.withAlpha(0.92))
        canvas.stroke(theme.grid.mixed(with: theme.axis, 0.3), width: 0.6)
        var y = box.minY + pad
        for e in entries {
            let l = try canvas.layout(e.text, style: theme.labelStyle)
            let h = max(l.size.height, 10)
            let cy = y + h / 2
            if e.line {
                canvas.newPath()
                canvas.line(from: Point(box.minX + pad, cy), to: Point(box.minX + pad + sample, cy))
                canvas.stroke(e.color, width: e.lineWidth, dash: e.dash)
            }
            if let m = e.marker {
                m.draw(at: Point(box.minX + pad + sample / 2, cy), size: 6, fill: e.color, stroke: theme.text, lineWidth: 0.6, on: canvas)
            }
            canvas.draw(l, at: Point(box.minX + pad + sample + 6, cy - l.size.height / 2))
            y += h
        }
    }
}
