import Canvas

/// A piece of a set line: a glyph run or an inline formula, at x from the line's start.
struct LineFragment {
    enum Kind {
        case text(String, RunFont, Color)
        case math(MathBox, Color)
    }
    var kind: Kind
    var x: Double
    var width: Double
}

/// A line of text set to a measure: fragments on one baseline, `height` above it and `depth` below.
struct SetLine {
    var fragments: [LineFragment]
    var width: Double
    var height: Double
    var depth: Double
    /// What the line really covers above and below its baseline (text: accented capitals and
    /// descenders; formulas: their boxes), for spacing lines apart only where they would collide.
    var inkHeight: Double = 0
    var inkDepth: Double = 0

    /// The fragments as placed boxes, the line's baseline at `baseline`, its start at `x`.
    func boxes(x: Double, baseline: Double, measurer: TextMeasurer) -> [PlacedBox] {
        var out: [PlacedBox] = []
        for f in fragments {
            switch f.kind {
            case .text(let s, let font, let color):
                out.append(PlacedBox(frame: Rect(x: x + f.x, y: baseline - 0.8 * font.size, width: f.width, height: font.size),
                                     content: .text(s, font, color, baseline: baseline)))
            case .math(let box, let color):
                out += MathPlacement.boxes(box, x: x + f.x, baseline: baseline, color: color, measurer: measurer)
            }
        }
        return out
    }
}

enum TextAlign { case left, center, right, justify }

/// Sets inline Markdown into lines: words and formulas are measured, then broken into lines by
/// least total badness (Knuth–Plass without hyphenation), then justified.
struct LineBreaker {
    let measurer: TextMeasurer
    let font: RunFont          // the regular body font of this text
    let color: Color
    let linkColor: Color
    let codeColor: Color
    let leading: Double        // baseline-to-baseline distance of plain lines

    private struct Word {
        var fragments: [LineFragment]  // x relative to the word's start
        var width: Double
        var space: Double              // the space after it
        var height: Double
        var depth: Double
        var inkHeight = 0.0
        var inkDepth = 0.0
    }

    func font(for st: InlineStyle) -> RunFont {
        if st.code { return RunFont(.mono, size: font.size * 0.86, bold: st.bold, italic: false) }
        return RunFont(font.face, size: font.size, bold: st.bold || font.bold, italic: st.italic != font.italic)
    }

    /// Sets `pieces` into lines of at most `width` points.
    func set(_ pieces: [InlinePiece], width: Double, align: TextAlign) throws -> [SetLine] {
        let words = try makeWords(pieces, width: width)
        if words.isEmpty { return [] }
        let breaks = breakPoints(words, width: width)
        var lines: [SetLine] = []
        let strutH = 0.72 * leading, strutD = leading - strutH
        var start = 0
        for (n, end) in breaks.enumerated() {
            let ws = Array(words[start..<end])
            start = end
            let last = n == breaks.count - 1
            let natural = ws.map(\.width).reduce(0, +) + ws.dropLast().map(\.space).reduce(0, +)
            let stretchable = ws.dropLast().map(\.space).reduce(0, +)
            var extra = 0.0   // per unit of space
            var x0 = 0.0
            // A line the breaker chose to shrink (its glue gives up to a third of a space) is set
            // shrunk whatever the alignment, the last line of a paragraph too: it must not run into
            // the margin.
            if natural > width, stretchable > 0 { extra = max(-1.0 / 3, (width - natural) / stretchable) }
            switch align {
            case .justify:
                if !last, stretchable > 0, natural <= width {
                    let r = (width - natural) / stretchable
                    if r < 1.2 { extra = r }
                }
            case .center: x0 = max(0, (width - natural) / 2)
            case .right: x0 = max(0, width - natural)
            case .left: break
            }
            var frags: [LineFragment] = []
            var x = x0
            var h = strutH, d = strutD
            var ih = 0.0, id = 0.0
            for (k, w) in ws.enumerated() {
                ih = max(ih, w.inkHeight)
                id = max(id, w.inkDepth)
                for f in w.fragments {
                    var g = f
                    g.x += x
                    frags.append(g)
                }
                h = max(h, w.height)
                d = max(d, w.depth)
                x += w.width
                if k < ws.count - 1 { x += w.space * (1 + extra) }
            }
            lines.append(SetLine(fragments: frags, width: x, height: h, depth: d, inkHeight: ih, inkDepth: id))
        }
        return lines
    }

    /// Natural width of the text on one line (for table columns).
    func naturalWidth(_ pieces: [InlinePiece]) throws -> (total: Double, longestWord: Double) {
        let words = try makeWords(pieces, width: .infinity)
        let total = words.map(\.width).reduce(0, +) + words.dropLast().map(\.space).reduce(0, +)
        return (total, words.map(\.width).max() ?? 0)
    }

    private func makeWords(_ pieces: [InlinePiece], width: Double) throws -> [Word] {
        var words: [Word] = []
        var cur = Word(fragments: [], width: 0, space: 0, height: 0, depth: 0)
        func finish(space: Double) {
            if !cur.fragments.isEmpty {
                cur.space = space
                words.append(cur)
            } else if let last = words.indices.last {
                words[last].space = max(words[last].space, space)
            }
            cur = Word(fragments: [], width: 0, space: 0, height: 0, depth: 0)
        }
        func add(_ kind: LineFragment.Kind, width w: Double, height: Double, depth: Double) {
            cur.fragments.append(LineFragment(kind: kind, x: cur.width, width: w))
            cur.width += w
            cur.height = max(cur.height, height)
            cur.depth = max(cur.depth, depth)
            switch kind {
            case .text(_, let f, _):
                cur.inkHeight = max(cur.inkHeight, 0.78 * f.size)
                cur.inkDepth = max(cur.inkDepth, 0.22 * f.size)
            case .math(let box, _):
                cur.inkHeight = max(cur.inkHeight, box.height)
                cur.inkDepth = max(cur.inkDepth, box.depth)
            }
        }
        for piece in pieces {
            switch piece {
            case .math(let tex):
                let box = try MathLayout(measurer: measurer, size: font.size).layout(tex, display: false)
                add(.math(box, color), width: box.width, height: box.height + 0.12 * font.size,
                    depth: box.depth + 0.12 * font.size)
            case .text(let s, let st):
                let f = self.font(for: st)
                let c = st.link ? linkColor : (st.code ? codeColor : color)
                let space = measurer.measure(" ", font: f).width
                var token = ""
                func flushToken() {
                    guard !token.isEmpty else { return }
                    let m = measurer.measure(token, font: f)
                    if m.width > width && width.isFinite {
                        // A word wider than the measure: cut it where it fits.
                        for part in split(token, font: f, width: width) {
                            let pm = measurer.measure(part, font: f)
                            if !cur.fragments.isEmpty && cur.width + pm.width > width { finish(space: 0) }
                            add(.text(part, f, c), width: pm.width, height: 0, depth: 0)
                        }
                    } else {
                        add(.text(token, f, c), width: m.width, height: 0, depth: 0)
                    }
                    token = ""
                }
                for ch in s {
                    if ch == " " || ch == "\n" || ch == "\t" {
                        flushToken()
                        finish(space: space)
                    } else {
                        token.append(ch)
                    }
                }
                flushToken()
            }
        }
        finish(space: 0)
        return words
    }

    private func split(_ token: String, font f: RunFont, width: Double) -> [String] {
        var parts: [String] = []
        var rest = Substring(token)
        while !rest.isEmpty {
            // longest prefix that fits (at least one character)
            var lo = 1, hi = rest.count
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if measurer.measure(String(rest.prefix(mid)), font: f).width <= width { lo = mid } else { hi = mid - 1 }
            }
            parts.append(String(rest.prefix(lo)))
            rest = rest.dropFirst(lo)
        }
        return parts
    }

    /// End indices of the lines: minimum total demerits over all ways to break at spaces. Glue
    /// stretches by half a space and shrinks by a third, as TeX's does.
    private func breakPoints(_ words: [Word], width: Double) -> [Int] {
        let n = words.count
        var best = [Double](repeating: .infinity, count: n + 1)
        var prev = [Int](repeating: 0, count: n + 1)
        best[0] = 0
        for i in 0..<n where best[i] < .infinity {
            var natural = 0.0, stretch = 0.0, shrink = 0.0
            for j in (i + 1)...n {
                let w = words[j - 1]
                if j > i + 1 {
                    let s = words[j - 2].space
                    natural += s
                    stretch += s / 2
                    shrink += s / 3
                }
                natural += w.width
                let last = j == n
                var badness: Double
                if natural > width {
                    if j > i + 1 && natural - shrink > width { break }  // cannot shrink enough
                    let r = shrink > 0 ? (natural - width) / shrink : 1
                    badness = 100 * r * r * r
                    if j == i + 1 && natural > width { badness = 10_000 }  // overfull single word
                } else if last {
                    badness = 0
                } else {
                    // Not capped at 10 000: of two very loose lines the looser must cost more,
                    // or a short first line ("The multi-layer" alone) ties with a full one.
                    // A line without glue (one word) is measured against half a space.
                    let give = stretch > 0 ? stretch : max(w.space, 0.25 * font.size) / 2
                    let r = (width - natural) / give
                    badness = min(100 * r * r * r, 1e9)
                }
                let demerits = (10 + badness) * (10 + badness)
                if best[i] + demerits < best[j] {
                    best[j] = best[i] + demerits
                    prev[j] = i
                }
            }
        }
        var ends: [Int] = []
        var j = n
        while j > 0 { ends.append(j); j = prev[j] }
        return ends.reversed()
    }
}

/// Turns a math box into placed boxes on a page.
enum MathPlacement {
    static func boxes(_ box: MathBox, x: Double, baseline: Double, color: Color, measurer: TextMeasurer) -> [PlacedBox] {
        box.items.map { item -> PlacedBox in
            switch item {
            case .glyphs(let s, let f, let gx, let gy):
                let w = measurer.measure(s, font: f).width
                let b = baseline - gy
                return PlacedBox(frame: Rect(x: x + gx, y: b - 0.8 * f.size, width: w, height: f.size),
                                 content: .text(s, f, color, baseline: b))
            case .rule(let rx, let ry, let w, let h):
                return PlacedBox(frame: Rect(x: x + rx, y: baseline - ry - h, width: w, height: h), content: .rule(color))
            case .path(let p):
                var q = p
                q.elements = p.elements.map { $0.mapped { (x + $0, baseline - $1) } }
                return PlacedBox(frame: bounds(q), content: .shape(q, color))
            }
        }
    }

    static func bounds(_ p: PathShape) -> Rect {
        var xs: [Double] = [], ys: [Double] = []
        for e in p.elements {
            switch e {
            case .move(let x, let y), .line(let x, let y): xs.append(x); ys.append(y)
            case .curve(let x, let y, let a, let b, let c, let d): xs += [x, a, c]; ys += [y, b, d]
            case .close: break
            }
        }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return .zero }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
