import Canvas

/// How many figures and tables each lesson has numbered so far (key nil: documents without a
/// lesson number, numbered 1, 2, …).
final class Numbering {
    var figures: [Int?: Int] = [:]
    var tables: [Int?: Int] = [:]
}

/// Sets blocks into chunks for the vertical list, numbering figures and tables as it goes.
final class BlockSetter {
    let measurer: TextMeasurer
    let style: PageStyle
    let language: Language
    /// The lesson whose numbers figures and tables take (the document's, or a `.numbering` block's).
    private(set) var lesson: Int?
    /// Counts per lesson, shared by the documents of one handout.
    let numbering: Numbering
    var figureCount: Int {
        get { numbering.figures[lesson, default: 0] }
        set { numbering.figures[lesson] = newValue }
    }
    var tableCount: Int {
        get { numbering.tables[lesson, default: 0] }
        set { numbering.tables[lesson] = newValue }
    }

    let ink = Color(hex: "#1A1A1A")
    let muted = Color(hex: "#555555")
    let codeInk = Color(hex: "#7A1F1F")
    let ruleColor = Color(hex: "#333333")
    let shade = Color(hex: "#F3F3F0")

    /// A document starts its own lesson's count at 0 (a handout passes one `numbering` to every
    /// document so that a later `.numbering(lesson:)` block can go on from a lesson's last number).
    init(measurer: TextMeasurer, style: PageStyle, language: Language, lesson: Int?, numbering: Numbering = Numbering()) {
        self.measurer = measurer
        self.style = style
        self.language = language
        self.lesson = lesson
        self.numbering = numbering
        numbering.figures[lesson] = 0
        numbering.tables[lesson] = 0
    }

    var fonts: PageStyle.Fonts { style.fonts }
    var bodyFont: RunFont { RunFont(.serif, size: fonts.body) }
    var leading: Double { fonts.body * fonts.leading }

    func breaker(_ font: RunFont, color: Color? = nil, leading: Double? = nil) -> LineBreaker {
        LineBreaker(measurer: measurer, font: font, color: color ?? ink, linkColor: style.accent,
                    codeColor: codeInk, leading: leading ?? font.size * fonts.leading)
    }

    // MARK: blocks

    func chunks(_ blocks: [Block], x: Double, width: Double) throws -> [Chunk] {
        var out: [Chunk] = []
        for (k, block) in blocks.enumerated() {
            var c = try chunks(block, x: x, width: width)
            // A paragraph that introduces a display formula or a table ("**NAND**: w = (−1, −1)…"
            // above its truth table) stays with it.
            if case .paragraph = block, k + 1 < blocks.count, !c.isEmpty {
                switch blocks[k + 1] {
                case .math, .table: c[c.count - 1].keepWithNext = true
                default: break
                }
            }
            // So does one that introduces a cell's worked steps (a note on rounding before
            // "1. Forward pass"): those small headings are level 4, below every lesson heading.
            if case .paragraph = block, k + 1 < blocks.count, case .heading(let level, _) = blocks[k + 1], level >= 4, !c.isEmpty {
                c[c.count - 1].keepWithNext = true
            }
            // And one that ends with a colon ("**With ½SSE:**"): it announces what comes next.
            if case .paragraph(let text) = block, k + 1 < blocks.count, !c.isEmpty, Self.endsWithColon(text) {
                c[c.count - 1].keepWithNext = true
            }
            // A formula that a table works out (x' = (x − μ)/σ above the table of μ and σ) stays with it.
            if case .math = block, k + 1 < blocks.count, case .table = blocks[k + 1], !c.isEmpty {
                c[c.count - 1].keepWithNext = true
            }
            out += c
        }
        return out
    }

    /// "… as follows:" or "**With ½SSE:**" (emphasis marks after the colon do not count).
    static func endsWithColon(_ text: String) -> Bool {
        var t = Substring(text.trimmingSpaces())
        while let last = t.last, last == "*" || last == "_" { t = t.dropLast() }
        return t.hasSuffix(":")
    }

    func chunks(_ block: Block, x: Double, width: Double) throws -> [Chunk] {
        switch block {
        case .heading(let level, let text):
            return try heading(level: level, text: text, x: x, width: width)
        case .paragraph(let text):
            return try paragraph(Inline.parse(text), x: x, width: width, kind: .paragraph)
        case .list(let ordered, let items):
            return try list(ordered: ordered, items: items, x: x, width: width, depth: 0)
        case .quote(let blocks):
            return try quote(blocks, x: x, width: width)
        case .code(let text):
            return code(text, x: x, width: width)
        case .math(let tex):
            return [try displayMath(tex, x: x, width: width)]
        case .table(let table):
            return try TableSetter(setter: self).chunks(table, x: x, width: width)
        case .figure(let drawable, let caption):
            return [try figure(drawable, caption: caption, x: x, width: width)]
        case .pageBreak:
            return [Chunk(height: 0, items: [], forceBreakBefore: true, kind: .paragraph)]
        case .numbering(let lesson):
            self.lesson = lesson
            return []
        }
    }

    /// Lines of inline text as chunks, with widow and orphan control.
    func lines(_ pieces: [InlinePiece], breaker b: LineBreaker, x: Double, width: Double, align: TextAlign,
               kind: PageRegionKind) throws -> [Chunk] {
        let set = try b.set(pieces, width: width, align: align)
        // TeX's \baselineskip: lines are `leading` apart unless what they hold would come closer
        // than `gap` (a fraction inline, a subscript over an accented capital): then just that pair
        // moves apart.
        let leading = b.leading
        let strutD = 0.28 * leading, strutH = leading - strutD
        let gap = 0.08 * b.font.size
        var baselines: [Double] = []
        for (k, line) in set.enumerated() {
            if k == 0 {
                baselines.append(max(strutH, line.inkHeight + gap))
            } else {
                baselines.append(baselines[k - 1] + max(leading, set[k - 1].inkDepth + line.inkHeight + gap))
            }
        }
        // Chunk k runs from just under line k−1 to just under line k.
        var tops: [Double] = [0]
        for k in 1..<max(set.count, 1) {
            tops.append(min(baselines[k - 1] + max(strutD, set[k - 1].inkDepth + gap / 2), baselines[k] - set[k].inkHeight))
        }
        let bottom = (baselines.last ?? 0) + max(strutD, (set.last?.inkDepth ?? 0) + gap)
        var out: [Chunk] = []
        for (k, line) in set.enumerated() {
            let top = tops[k]
            let end = k + 1 < set.count ? tops[k + 1] : bottom
            out.append(Chunk(height: end - top,
                             items: line.boxes(x: x, baseline: baselines[k] - top, measurer: measurer),
                             kind: kind, firstBaseline: baselines[k] - top))
        }
        if out.count >= 2 { out[0].keepWithNext = true }
        if out.count >= 3 { out[out.count - 2].keepWithNext = true }
        return out
    }

    func paragraph(_ pieces: [InlinePiece], x: Double, width: Double, kind: PageRegionKind) throws -> [Chunk] {
        var out = try lines(pieces, breaker: breaker(bodyFont, leading: leading), x: x, width: width,
                            align: .justify, kind: kind)
        if !out.isEmpty {
            out[0].spaceBefore = 0.55 * fonts.body
            out[out.count - 1].spaceAfter = 0.25 * fonts.body
        }
        return out
    }

    func heading(level: Int, text: String, x: Double, width: Double) throws -> [Chunk] {
        let l = min(max(level, 1), 4)
        let size = fonts.headings[l - 1]
        let font = RunFont(.sans, size: size, bold: true)
        var out = try lines(Inline.parse(text), breaker: breaker(font, color: style.accent, leading: size * 1.25),
                            x: x, width: width, align: .left, kind: .heading)
        for k in out.indices {
            out[k].keepWithNext = true
            out[k].level = l
            out[k].label = Inline.plainText(text)
        }
        if !out.isEmpty {
            out[0].spaceBefore = [1.5, 1.2, 1.0, 0.8][l - 1] * fonts.body
            out[out.count - 1].spaceAfter = [0.55, 0.4, 0.3, 0.2][l - 1] * fonts.body
            out[0].tocEntry = (l, Inline.plainText(text))
        }
        return out
    }

    func list(ordered: Bool, items: [[Block]], x: Double, width: Double, depth: Int) throws -> [Chunk] {
        let indent = 1.6 * fonts.body
        var out: [Chunk] = []
        for (n, item) in items.enumerated() {
            var body: [Chunk] = []
            for block in item {
                if case .list(let o, let sub) = block {
                    body += try list(ordered: o, items: sub, x: x + indent, width: width - indent, depth: depth + 1)
                } else {
                    body += try chunks(block, x: x + indent, width: width - indent)
                }
            }
            guard !body.isEmpty else { continue }
            // Tight lists: little space between items.
            body[0].spaceBefore = n == 0 ? 0.3 * fonts.body : 0.15 * fonts.body
            if let k = body.firstIndex(where: { $0.firstBaseline != nil }) {
                let marker = ordered ? "\(n + 1)." : ["•", "–", "◦", "·"][min(depth, 3)]
                let m = measurer.measure(marker, font: bodyFont)
                let baseline = body[k].firstBaseline!
                let mx = x + indent - m.width - 0.45 * fonts.body
                body[k].items.append(PlacedBox(frame: Rect(x: mx, y: baseline - 0.8 * fonts.body, width: m.width, height: fonts.body),
                                               content: .text(marker, bodyFont, ordered ? ink : style.accent, baseline: baseline)))
            }
            for k in body.indices where body[k].kind == .paragraph { body[k].kind = .listItem }
            out += body
        }
        if !out.isEmpty {
            out[0].spaceBefore = 0.45 * fonts.body
            out[out.count - 1].spaceAfter = 0.35 * fonts.body
        }
        // A short numbered list (the exercises, the steps of an algorithm) is read as one piece:
        // it is not split across pages, so exercise 3 never sits alone on the next page.
        if ordered, depth == 0, out.count <= BlockSetter.shortListLines {
            for k in out.indices.dropLast() { out[k].keepWithNext = true }
        }
        return out
    }

    /// Numbered lists of at most this many lines stay on one page.
    static let shortListLines = 14

    func quote(_ blocks: [Block], x: Double, width: Double) throws -> [Chunk] {
        let indent = 1.4 * fonts.body
        var out = try chunks(blocks, x: x + indent, width: width - indent - 0.5 * fonts.body)
        for k in out.indices {
            if out[k].kind == .paragraph { out[k].kind = .quote }
            let extend = k == 0 ? 0 : out[k].spaceBefore + out[k - 1].spaceAfter
            out[k].items.append(PlacedBox(frame: Rect(x: x + 0.3 * fonts.body, y: -extend, width: 2.2, height: out[k].height + extend),
                                          content: .rule(Color(hex: "#B8C4D6"))))
            // quoted text in a softer colour
            out[k].items = out[k].items.map { b in
                if case .text(let s, let f, _, let base) = b.content {
                    var c = b
                    c.content = .text(s, f, muted, baseline: base)
                    return c
                }
                return b
            }
        }
        if !out.isEmpty {
            out[0].spaceBefore = max(out[0].spaceBefore, 0.6 * fonts.body)
            out[out.count - 1].spaceAfter = max(out[out.count - 1].spaceAfter, 0.6 * fonts.body)
        }
        return out
    }

    func code(_ text: String, x: Double, width: Double) -> [Chunk] {
        let font = RunFont(.mono, size: fonts.code)
        let lh = fonts.code * 1.35
        let pad = 0.5 * fonts.code
        var rows: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // tabs to spaces; lines wider than the block are cut where they reach the edge
            var line = raw.replacingOccurrences(of: "\t", with: "    ")
            while !line.isEmpty {
                var lo = line.count, hi = line.count
                if measurer.measure(line, font: font).width > width - 2 * pad {
                    lo = 1
                    while lo < hi {
                        let mid = (lo + hi + 1) / 2
                        if measurer.measure(String(line.prefix(mid)), font: font).width <= width - 2 * pad { lo = mid } else { hi = mid - 1 }
                    }
                }
                rows.append(String(line.prefix(lo)))
                line = String(line.dropFirst(lo))
            }
            if raw.isEmpty { rows.append("") }
        }
        var out: [Chunk] = []
        for (k, row) in rows.enumerated() {
            let top = k == 0 ? pad : 0, bottom = k == rows.count - 1 ? pad : 0
            let h = lh + top + bottom
            let baseline = top + 0.78 * lh
            var items = [PlacedBox(frame: Rect(x: x, y: 0, width: width, height: h), content: .rule(shade))]
            if !row.isEmpty {
                let w = measurer.measure(row, font: font).width
                items.append(PlacedBox(frame: Rect(x: x + pad, y: baseline - 0.8 * font.size, width: w, height: font.size),
                                       content: .text(row, font, ink, baseline: baseline)))
            }
            out.append(Chunk(height: h, items: items, kind: .code, firstBaseline: baseline))
        }
        if !out.isEmpty {
            out[0].spaceBefore = 0.6 * fonts.body
            out[out.count - 1].spaceAfter = 0.6 * fonts.body
            out[0].keepWithNext = out.count > 1
            if out.count > 2 { out[out.count - 2].keepWithNext = true }
        }
        return out
    }

    func displayMath(_ tex: String, x: Double, width: Double) throws -> Chunk {
        var box = try MathLayout(measurer: measurer, size: fonts.body).layout(tex, display: true)
        if box.width > width { box = box.scaled(width / box.width) }
        // never taller than a page: a formula is not split, so it shrinks instead
        let maxH = style.contentRect.height * 0.9
        if box.height + box.depth > maxH { box = box.scaled(maxH / (box.height + box.depth)) }
        let above = 0.55 * fonts.body
        let h = box.height + box.depth + 2 * above
        let items = MathPlacement.boxes(box, x: x + (width - box.width) / 2, baseline: above + box.height,
                                        color: ink, measurer: measurer)
        return Chunk(height: h, items: items, spaceBefore: 0.2 * fonts.body, spaceAfter: 0.2 * fonts.body,
                     kind: .math, firstBaseline: above + box.height)
    }

    /// A caption: "Hình 2.1. text", label in bold, centred when it fits on one line.
    func caption(label: String, text: String?, x: Double, width: Double) throws -> [SetLine] {
        let font = RunFont(.serif, size: fonts.small)
        var pieces: [InlinePiece] = [.text(label + (text == nil ? "" : "."), InlineStyle(bold: true))]
        if let text { pieces.append(.text(" ", InlineStyle())); pieces += Inline.parse(text) }
        let b = breaker(font, leading: fonts.small * 1.35)
        let one = try b.set(pieces, width: width, align: .center)
        if one.count == 1 { return one }
        return try b.set(pieces, width: width * 0.92, align: .justify)
    }

    func figure(_ drawable: any Drawable, caption: String?, x: Double, width: Double) throws -> Chunk {
        let pref = drawable.preferredSize
        let maxH = style.contentRect.height * 0.62
        var scale = 1.0
        if pref.width > width { scale = width / pref.width }
        if pref.height * scale > maxH { scale = maxH / pref.height }
        let w = max(pref.width * scale, 1), h = max(pref.height * scale, 1)
        var items = [PlacedBox(frame: Rect(x: x + (width - w) / 2, y: 0, width: w, height: h), content: .figure(drawable))]
        var total = h
        var label = ""
        if let caption {
            figureCount += 1
            label = language.figureLabel(lesson: lesson, index: figureCount)
            let lines = try self.caption(label: label, text: caption, x: x, width: width)
            total += 0.5 * fonts.body
            for line in lines {
                let cx = lines.count == 1 ? x : x + width * 0.04
                total += line.height
                items += line.boxes(x: cx, baseline: total, measurer: measurer)
                total += line.depth
            }
        }
        return Chunk(height: total, items: items, spaceBefore: 0.8 * fonts.body, spaceAfter: 0.6 * fonts.body,
                     kind: .figure, label: label)
    }
}

extension MathBox {
    /// The same box drawn `s` times smaller or larger (a formula wider than the measure).
    func scaled(_ s: Double) -> MathBox {
        MathBox(width: width * s, height: height * s, depth: depth * s, items: items.map { item in
            switch item {
            case .glyphs(let t, let f, let x, let y): return .glyphs(t, f.sized(f.size * s), x: x * s, y: y * s)
            case .rule(let x, let y, let w, let h): return .rule(x: x * s, y: y * s, width: w * s, height: h * s)
            case .path(var p):
                p.elements = p.elements.map { $0.mapped { ($0 * s, $1 * s) } }
                p.lineWidth *= s
                return .path(p)
            }
        })
    }
}
