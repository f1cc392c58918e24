import Canvas

/// A vertical colour bar: the colour map as a strip, with ticks and an optional title.
struct ColorBar {
    var map: ColorMap
    var domain: ClosedRange<Double>
    var label: String?
    var theme: Theme
    let barWidth = 11.0

    /// The width the bar needs beside a plot (strip, ticks, tick labels, rotated title).
    func width(on canvas: Canvas) throws -> Double {
        let ticks = Ticks.linear(domain.lowerBound, domain.upperBound, maxCount: 5)
        let w = try ticks.values.map { try canvas.measure(theme.numbers.tick($0, step: ticks.step), style: theme.tickStyle).width }.max() ?? 0
        let labelH = label?.isEmpty == false ? try canvas.measure("Ag", style: theme.labelStyle).height + 4 : 0
        return 10 + barWidth + 3 + 3 + w + labelH + 2
    }

    /// Draws the bar with its strip `barWidth` wide, its left edge 10 pt right of `x`, spanning `top…bottom`.
    func draw(x: Double, top: Double, bottom: Double, on canvas: Canvas) throws {
        let strip = Rect(x: x + 10, y: top, width: barWidth, height: bottom - top)
        // 257 rows, top row = upper end of the domain.
        var rgba = [UInt8](repeating: 255, count: 257 * 4)
        for i in 0..<257 {
            let c = map.table[256 - i]
            rgba[4 * i] = c.r; rgba[4 * i + 1] = c.g; rgba[4 * i + 2] = c.b
        }
        canvas.drawImage(rgba: rgba, width: 1, height: 257, in: strip, smooth: true)
        canvas.newPath()
        canvas.rect(strip)
        canvas.stroke(theme.axis, width: 0.6)
        let ticks = Ticks.linear(domain.lowerBound, domain.upperBound, maxCount: 5)
        let s = Scale(.linear, domain: domain, range: (strip.maxY, strip.minY))
        var widest = 0.0
        for v in ticks.values {
            guard let y = s.position(v) else { continue }
            canvas.newPath()
            canvas.line(from: Point(strip.maxX, y), to: Point(strip.maxX + 3, y))
            canvas.stroke(theme.axis, width: 0.6)
            let l = try canvas.drawText(theme.numbers.tick(v, step: ticks.step), at: Point(strip.maxX + 5, y), style: theme.tickStyle, anchor: .left)
            widest = max(widest, l.size.width)
        }
        if let t = label, !t.isEmpty {
            try canvas.withState {
                canvas.translate(strip.maxX + 5 + widest + 4, strip.midY)
                canvas.rotate(Double.pi / 2)
                try canvas.drawText(t, at: Point(0, 0), style: theme.labelStyle, anchor: .bottom)
            }
        }
    }
}
