/// Delimiters, radical signs and accents drawn as outlines, so they grow to any height (Pango does not
/// reach the font's glyph variants). `em` is the font size; coordinates are box coordinates (y up).
enum MathShapes {
    /// Width of a delimiter box of total height `h`.
    static func delimiterWidth(_ d: MathDelimiter, height h: Double, em: Double) -> Double {
        switch d {
        case .none: return 0.12 * em
        case .paren, .closeParen: return min(0.26 * em + 0.05 * h, 0.62 * em) + 0.12 * em
        case .bracket, .closeBracket, .floor, .closeFloor, .ceil, .closeCeil: return 0.42 * em
        case .brace, .closeBrace: return min(0.4 * em + 0.04 * h, 0.7 * em)
        case .vert: return 0.3 * em
        case .doubleVert: return 0.45 * em
        case .angle, .closeAngle: return min(0.3 * em + 0.05 * h, 0.6 * em) + 0.1 * em
        }
    }

    /// The shapes of delimiter `d` filling x ∈ [0, w], y ∈ [bottom, top].
    static func delimiter(_ d: MathDelimiter, bottom yb: Double, top yt: Double, width w: Double,
                          em: Double) -> [MathItem] {
        let h = yt - yb
        let ym = (yb + yt) / 2
        let mirror = [.closeParen, .closeBracket, .closeBrace, .closeAngle, .closeFloor, .closeCeil]
            .contains(d)
        func fx(_ x: Double) -> Double { mirror ? w - x : x }
        func shape(_ els: [PathElement], fill: Bool, lw: Double = 0) -> MathItem {
            .path(PathShape(els.map { $0.mapped { (fx($0), $1) } }, fill: fill, lineWidth: lw))
        }
        switch d {
        case .none:
            return []
        case .paren, .closeParen:
            // A crescent: two cubic arcs from end to end, thick in the middle, thin at the tips.
            let sb = 0.06 * em
            let xr = w - sb
            let bulge = w - 2 * sb
            let thick = min(0.075 * em + 0.012 * h, 0.13 * em)
            let thin = 0.035 * em
            let a = 0.2 * h
            let cOut = 4.0 / 3.0 * bulge
            let cIn = 4.0 / 3.0 * max(bulge - thick - thin, 0.05 * em)
            return [shape([
                .move(xr, yt),
                .curve(xr, yb, c1x: xr - cOut, c1y: yt - a, c2x: xr - cOut, c2y: yb + a),
                .line(xr - thin, yb + 0.01 * em),
                .curve(xr - thin, yt - 0.01 * em, c1x: xr - thin - cIn, c1y: yb + a, c2x: xr - thin - cIn, c2y: yt - a),
                .close,
            ], fill: true)]
        case .bracket, .closeBracket:
            let x0 = 0.1 * em, stem = min(0.06 * em + 0.006 * h, 0.09 * em), arm = 0.24 * em
            let t = 0.045 * em
            return [shape([
                .move(x0, yt), .line(x0 + arm, yt), .line(x0 + arm, yt - t), .line(x0 + stem, yt - t),
                .line(x0 + stem, yb + t), .line(x0 + arm, yb + t), .line(x0 + arm, yb), .line(x0, yb), .close,
            ], fill: true)]
        case .floor, .closeFloor, .ceil, .closeCeil:
            let x0 = 0.1 * em, stem = 0.06 * em, arm = 0.24 * em, t = 0.045 * em
            let floor = d == .floor || d == .closeFloor
            if floor {
                return [shape([.move(x0, yt), .line(x0 + stem, yt), .line(x0 + stem, yb + t),
                               .line(x0 + arm, yb + t), .line(x0 + arm, yb), .line(x0, yb), .close], fill: true)]
            }
            return [shape([.move(x0, yt), .line(x0 + arm, yt), .line(x0 + arm, yt - t),
                           .line(x0 + stem, yt - t), .line(x0 + stem, yb), .line(x0, yb), .close], fill: true)]
        case .brace, .closeBrace:
            let lw = min(0.055 * em + 0.004 * h, 0.08 * em)
            let xr = w - 0.08 * em, xl = 0.08 * em, xc = (xl + xr) / 2
            let q = min(0.18 * em + 0.05 * h, h / 4)
            return [shape([
                .move(xr, yt),
                .curve(xc, yt - q, c1x: xc, c1y: yt, c2x: xc, c2y: yt - q * 0.4),
                .line(xc, ym + q),
                .curve(xl, ym, c1x: xc, c1y: ym + q * 0.4, c2x: xc - 0.2 * (xc - xl), c2y: ym),
                .curve(xc, ym - q, c1x: xc - 0.2 * (xc - xl), c1y: ym, c2x: xc, c2y: ym - q * 0.4),
                .line(xc, yb + q),
                .curve(xr, yb, c1x: xc, c1y: yb + q * 0.4, c2x: xc, c2y: yb),
            ], fill: false, lw: lw)]
        case .vert:
            let t = 0.06 * em
            return [.rule(x: (w - t) / 2, y: yb, width: t, height: h)]
        case .doubleVert:
            let t = 0.06 * em, gap = 0.12 * em
            return [.rule(x: w / 2 - gap / 2 - t, y: yb, width: t, height: h),
                    .rule(x: w / 2 + gap / 2, y: yb, width: t, height: h)]
        case .angle, .closeAngle:
            let lw = 0.055 * em
            return [shape([.move(w - 0.08 * em, yt), .line(0.1 * em, ym), .line(w - 0.08 * em, yb)],
                          fill: false, lw: lw)]
        }
    }

    /// A radical sign whose long stroke ends at (width, top); returns the items and the sign's width.
    static func radical(bottom yb: Double, top yt: Double, em: Double, rule t: Double) -> (items: [MathItem], width: Double) {
        let h = yt - yb
        let w = min(0.62 * em + 0.06 * h, 1.1 * em)
        let tickY = yb + min(0.5 * h, 0.48 * em)
        let vx = 0.36 * em + min(0.04 * h, 0.12 * em)
        let items: [MathItem] = [
            .path(PathShape([.move(0.04 * em, tickY - 0.02 * em), .line(0.15 * em, tickY + 0.05 * em)],
                            fill: false, lineWidth: t * 1.1)),
            // the thick down-stroke
            .path(PathShape([.move(0.12 * em, tickY + 0.06 * em), .line(0.19 * em, tickY + 0.08 * em),
                             .line(vx + 0.03 * em, yb + 0.02 * em), .line(vx - 0.03 * em, yb),
                             .close], fill: true)),
            // the thin up-stroke to the bar
            .path(PathShape([.move(vx - 0.02 * em, yb), .line(vx + 0.03 * em, yb),
                             .line(w, yt), .line(w - 0.05 * em, yt), .close], fill: true)),
        ]
        return (items, w)
    }

    /// An accent centred at `cx` with its bottom at `y`; `w` is the width it should cover.
    static func accent(_ a: MathAccent, centerX cx: Double, bottom y: Double, width w: Double,
                       em: Double) -> (items: [MathItem], height: Double) {
        let lw = 0.05 * em
        switch a {
        case .hat:
            let hw = max(0.17 * em, min(w / 2 - 0.05 * em, 0.9 * em)), hh = 0.12 * em + 0.08 * hw
            return ([.path(PathShape([.move(cx - hw, y), .line(cx, y + hh), .line(cx + hw, y)],
                                      fill: false, lineWidth: lw))], hh + lw)
        case .tilde:
            let hw = max(0.2 * em, min(w / 2 - 0.04 * em, 0.9 * em)), a = 0.06 * em
            return ([.path(PathShape([
                .move(cx - hw, y + a * 0.6),
                .curve(cx, y + a, c1x: cx - hw * 0.6, c1y: y + a * 2.6, c2x: cx - hw * 0.25, c2y: y + a * 1.6),
                .curve(cx + hw, y + a * 1.4, c1x: cx + hw * 0.25, c1y: y + a * 0.4, c2x: cx + hw * 0.6, c2y: y - a * 0.6),
            ], fill: false, lineWidth: lw))], 2.4 * a)
        case .bar, .overline:
            let hw = a == .bar ? max(0.18 * em, min(w / 2 - 0.04 * em, 0.6 * em)) : w / 2
            return ([.rule(x: cx - hw, y: y, width: 2 * hw, height: lw)], lw)
        case .vec:
            let hw = max(0.25 * em, w / 2), head = 0.13 * em
            return ([
                .rule(x: cx - hw, y: y + head - lw / 2, width: 2 * hw - 0.04 * em, height: lw),
                .path(PathShape([.move(cx + hw - head * 1.1, y + 2 * head), .line(cx + hw, y + head),
                                 .line(cx + hw - head * 1.1, y)], fill: false, lineWidth: lw)),
            ], 2 * head)
        case .dot, .ddot:
            let r = 0.055 * em
            let xs = a == .dot ? [cx] : [cx - 0.13 * em, cx + 0.13 * em]
            return (xs.map { .path(circle(cx: $0, cy: y + r, r: r)) }, 2 * r)
        case .ring:
            let r = 0.08 * em
            var c = circle(cx: cx, cy: y + r + lw, r: r)
            c.fill = false
            c.lineWidth = lw * 0.8
            return ([.path(c)], 2 * r + 2 * lw)
        case .underline:
            return ([.rule(x: cx - w / 2, y: y, width: w, height: lw)], lw)
        }
    }

    static func circle(cx: Double, cy: Double, r: Double) -> PathShape {
        let k = 0.5523 * r
        return PathShape([
            .move(cx + r, cy),
            .curve(cx, cy + r, c1x: cx + r, c1y: cy + k, c2x: cx + k, c2y: cy + r),
            .curve(cx - r, cy, c1x: cx - k, c1y: cy + r, c2x: cx - r, c2y: cy + k),
            .curve(cx, cy - r, c1x: cx - r, c1y: cy - k, c2x: cx - k, c2y: cy - r),
            .curve(cx + r, cy, c1x: cx + k, c1y: cy - r, c2x: cx + r, c2y: cy - k),
            .close,
        ], fill: true)
    }

    /// A horizontal brace under width w, top at y.
    static func underbrace(x0: Double, width w: Double, top y: Double, em: Double) -> (items: [MathItem], height: Double) {
        let lw = 0.055 * em, d = 0.3 * em
        let xm = x0 + w / 2, q = min(0.25 * em, w / 4)
        let mid = y - d / 2
        return ([.path(PathShape([
            .move(x0, y),
            .curve(x0 + q, mid, c1x: x0, c1y: mid, c2x: x0 + q * 0.4, c2y: mid),
            .line(xm - q, mid),
            .curve(xm, y - d, c1x: xm - q * 0.4, c1y: mid, c2x: xm, c2y: mid - d * 0.1),
            .curve(xm + q, mid, c1x: xm, c1y: mid - d * 0.1, c2x: xm + q * 0.4, c2y: mid),
            .line(x0 + w - q, mid),
            .curve(x0 + w, y, c1x: x0 + w - q * 0.4, c1y: mid, c2x: x0 + w, c2y: mid),
        ], fill: false, lineWidth: lw))], d)
    }
}
