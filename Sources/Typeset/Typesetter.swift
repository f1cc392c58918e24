import Canvas

/// Lays documents onto pages: pure boxes with positions, no drawing (PageRenderer draws them).
/// Its measurer caches, so one Typesetter belongs to one thread: make one per concurrent build.
public struct Typesetter {
    public var style: PageStyle
    public let measurer: TextMeasurer

    /// With no measurer, text is measured by Pango (the fonts the pages are drawn with).
    public init(style: PageStyle = .a4, measurer: TextMeasurer? = nil) {
        self.style = style
        self.measurer = measurer ?? CachingMeasurer(PangoMeasurer())
    }

    /// One document: its title block, then its blocks; running header and "Trang X/Y" footer.
    public func layout(_ doc: Document) throws -> [Page] {
        let lesson = try lessonChunks(doc, newPage: false)
        var pages = place(Paginator(height: style.contentRect.height).paginate(lesson.chunks), firstNumber: 1)
        decorate(&pages, total: pages.count, docs: [(doc, 0..<pages.count)], language: doc.language)
        return pages
    }

    /// A handout: a title page, the contents, then each lesson starting on a new page.
    public func layout(handout docs: [Document], title: String, subtitle: String? = nil, author: String = "",
                       course: String? = nil, language: Language? = nil) throws -> [Page] {
        let lang = language ?? docs.first?.language ?? .vi
        let paginator = Paginator(height: style.contentRect.height)
        // Each lesson paginated alone (each starts on a new page anyway).
        var lessonPages: [[[Paginator.Placed]]] = []
        let numbering = Numbering()
        for doc in docs {
            lessonPages.append(paginator.paginate(try lessonChunks(doc, newPage: false, numbering: numbering).chunks))
        }
        // Contents: its length does not depend on the page numbers in it.
        let entries = tocEntries(docs, lessonPages)
        let draftToc = try contentsChunks(entries.map { ($0.level, $0.text, 999) }, language: lang)
        let tocCount = max(1, paginator.paginate(draftToc).count)
        var first = 1 + tocCount + 1
        var starts: [Int] = []
        for pages in lessonPages { starts.append(first); first += pages.count }
        let numbered = entries.map { ($0.level, $0.text, starts[$0.doc] + $0.pageInDoc) }
        let toc = paginator.paginate(try contentsChunks(numbered, language: lang))

        var pages: [Page] = [try titlePage(title: title, subtitle: subtitle, author: author,
                                            course: course ?? docs.first?.course ?? "", language: lang)]
        pages += place(toc, firstNumber: 2, kind: .contents)
        var ranges: [(Document, Range<Int>)] = [(Document(title: lang.contents, course: course ?? docs.first?.course ?? "", language: lang, blocks: []), 1..<pages.count)]
        for (k, lp) in lessonPages.enumerated() {
            let start = pages.count
            pages += place(lp, firstNumber: start + 1)
            ranges.append((docs[k], start..<pages.count))
        }
        decorate(&pages, total: pages.count, docs: ranges, language: lang, skipFirst: true)
        return pages
    }

    // MARK: building

    struct LessonChunks {
        var chunks: [Chunk]
    }

    func lessonChunks(_ doc: Document, newPage: Bool, numbering: Numbering = Numbering()) throws -> LessonChunks {
        let setter = BlockSetter(measurer: measurer, style: style, language: doc.language, lesson: doc.lesson, numbering: numbering)
        let width = style.contentRect.width
        var chunks = try titleBlock(doc, setter: setter, width: width)
        chunks += try setter.chunks(doc.blocks, x: 0, width: width)
        if newPage, !chunks.isEmpty { chunks[0].forceBreakBefore = true }
        return LessonChunks(chunks: chunks)
    }

    /// "BÀI 3" over the lesson title, its subtitle, and a rule.
    func titleBlock(_ doc: Document, setter: BlockSetter, width: Double) throws -> [Chunk] {
        let f = style.fonts
        var items: [PlacedBox] = []
        var y = 0.0
        if let n = doc.lesson {
            let font = RunFont(.sans, size: f.small, bold: true)
            let text = "\(doc.language.lesson) \(n)".uppercased()
            y += f.small
            items.append(PlacedBox(frame: Rect(x: 0, y: y - 0.8 * f.small, width: measurer.measure(text, font: font).width, height: f.small),
                                   content: .text(text, font, style.accent.withAlpha(0.75), baseline: y)))
            y += 0.6 * f.small
        }
        let titleFont = RunFont(.sans, size: f.title * 0.95, bold: true)
        let tb = setter.breaker(titleFont, color: style.accent, leading: f.title * 1.2)
        for line in try tb.set(Inline.parse(doc.title), width: width, align: .left) {
            y += line.height
            items += line.boxes(x: 0, baseline: y, measurer: measurer)
            y += line.depth
        }
        if let sub = doc.subtitle, !sub.isEmpty {
            let sf = RunFont(.serif, size: f.body * 1.15, italic: true)
            y += 0.2 * f.body
            for line in try setter.breaker(sf, color: setter.muted).set(Inline.parse(sub), width: width, align: .left) {
                y += line.height
                items += line.boxes(x: 0, baseline: y, measurer: measurer)
                y += line.depth
            }
        }
        y += 0.5 * f.body
        items.append(PlacedBox(frame: Rect(x: 0, y: y, width: width, height: 1.2), content: .rule(style.accent)))
        y += 1.2
        var c = Chunk(height: y, items: items, spaceAfter: 0.9 * f.body, keepWithNext: true, kind: .title,
                      label: Inline.plainText(doc.title))
        c.tocEntry = (0, Inline.plainText(doc.title))
        return [c]
    }

    struct TocEntry {
        var level: Int
        var text: String
        var doc: Int
        var pageInDoc: Int
    }

    func tocEntries(_ docs: [Document], _ lessonPages: [[[Paginator.Placed]]]) -> [TocEntry] {
        var out: [TocEntry] = []
        for (d, pages) in lessonPages.enumerated() {
            for (p, page) in pages.enumerated() {
                for placed in page {
                    guard let e = placed.chunk.tocEntry, e.level <= 2 else { continue }
                    var text = e.text
                    if e.level == 0, let n = docs[d].lesson { text = "\(docs[d].language.lesson) \(n). \(text)" }
                    out.append(TocEntry(level: e.level, text: text, doc: d, pageInDoc: p))
                }
            }
        }
        return out
    }

    func contentsChunks(_ entries: [(Int, String, Int)], language: Language) throws -> [Chunk] {
        let f = style.fonts
        let width = style.contentRect.width
        let setter = BlockSetter(measurer: measurer, style: style, language: language, lesson: nil)
        var chunks = try setter.heading(level: 1, text: language.contents, x: 0, width: width)
        for k in chunks.indices { chunks[k].tocEntry = nil; chunks[k].kind = .contents }
        for (level, text, page) in entries {
            let top = level == 0
            let font = RunFont(top ? .sans : .serif, size: top ? f.body * 1.05 : f.body, bold: top)
            let indent = top ? 0 : 1.6 * f.body
            let num = "\(page)"
            let nw = measurer.measure(num, font: font).width
            let b = setter.breaker(font, color: top ? style.accent : setter.ink, leading: f.body * 1.45)
            let hang = 1.5 * f.body  // wrapped entries hang under the first line's text
            let lines = try b.set([.text(text, InlineStyle())], width: width - indent - hang - 3 * f.body, align: .left)
            var items: [PlacedBox] = []
            var y = 0.0
            for (k, line) in lines.enumerated() {
                y += line.height
                items += line.boxes(x: indent + (k == 0 ? 0 : hang), baseline: y, measurer: measurer)
                if k == lines.count - 1 {
                    items.append(PlacedBox(frame: Rect(x: width - nw, y: y - 0.8 * font.size, width: nw, height: font.size),
                                           content: .text(num, font, setter.ink, baseline: y)))
                    // dot leaders
                    let dot = RunFont(.serif, size: f.body)
                    let dw = 0.55 * f.body
                    var dx = indent + (k == 0 ? 0 : hang) + line.width + 0.8 * f.body
                    dx = (dx / dw).rounded(.up) * dw
                    while dx < width - nw - 0.8 * f.body {
                        items.append(PlacedBox(frame: Rect(x: dx, y: y - 2, width: 2, height: 2),
                                               content: .text(".", dot, Color(hex: "#999999"), baseline: y)))
                        dx += dw
                    }
                }
                y += line.depth
            }
            chunks.append(Chunk(height: y, items: items, spaceBefore: top ? 0.7 * f.body : 0.1 * f.body,
                                keepWithNext: top, kind: .contents, label: text))
        }
        return chunks
    }

    func titlePage(title: String, subtitle: String?, author: String, course: String, language: Language) throws -> Page {
        let f = style.fonts
        let area = style.contentRect
        let setter = BlockSetter(measurer: measurer, style: style, language: language, lesson: nil)
        var items: [PlacedBox] = []
        var y = area.minY + area.height * 0.28
        func block(_ text: String, _ font: RunFont, _ color: Color, leading: Double) throws {
            for line in try setter.breaker(font, color: color, leading: leading).set(Inline.parse(text), width: area.width, align: .center) {
                y += line.height
                items += line.boxes(x: area.minX, baseline: y, measurer: measurer)
                y += line.depth
            }
        }
        if !course.isEmpty && course != title {
            try block(course.uppercased(), RunFont(.sans, size: f.body, bold: true), style.accent.withAlpha(0.75), leading: f.body * 1.5)
            y += f.body
        }
        items.append(PlacedBox(frame: Rect(x: area.midX - 60, y: y, width: 120, height: 1.5), content: .rule(style.accent)))
        y += 1.5 * f.body
        try block(title, RunFont(.sans, size: f.title * 1.3, bold: true), style.accent, leading: f.title * 1.6)
        if let subtitle, !subtitle.isEmpty {
            y += 0.8 * f.body
            try block(subtitle, RunFont(.serif, size: f.body * 1.4, italic: true), setter.muted, leading: f.body * 2)
        }
        y += 1.2 * f.body
        items.append(PlacedBox(frame: Rect(x: area.midX - 60, y: y, width: 120, height: 1.5), content: .rule(style.accent)))
        if !author.isEmpty {
            y = area.maxY - area.height * 0.12
            try block(author, RunFont(.serif, size: f.body * 1.2), setter.ink, leading: f.body * 1.7)
        }
        return Page(size: style.size, number: 1, items: items,
                    regions: [PageRegion(kind: .title, frame: area, level: 0, label: title)])
    }

    // MARK: pages

    func place(_ pages: [[Paginator.Placed]], firstNumber: Int, kind: PageRegionKind? = nil) -> [Page] {
        let area = style.contentRect
        return pages.enumerated().map { (n, placed) in
            var page = Page(size: style.size, number: firstNumber + n)
            for p in placed {
                let dy = area.minY + p.y
                page.items += p.chunk.items.map { $0.offset(dx: area.minX, dy: dy) }
                page.regions.append(PageRegion(kind: kind ?? p.chunk.kind,
                                               frame: Rect(x: area.minX, y: dy, width: area.width, height: p.chunk.height),
                                               level: p.chunk.level, label: p.chunk.label))
            }
            return page
        }
    }

    /// Running header (course left, lesson title right, a hairline under) and the footer.
    func decorate(_ pages: inout [Page], total: Int, docs: [(Document, Range<Int>)], language: Language,
                  skipFirst: Bool = false) {
        guard style.runningHeader else { return }
        let f = style.fonts
        let area = style.contentRect
        let font = RunFont(.sans, size: f.small * 0.9)
        let color = Color(hex: "#666666")
        for (doc, range) in docs {
            for i in range where i < pages.count {
                if skipFirst && i == 0 { continue }
                var items: [PlacedBox] = []
                // No header over a lesson's opening page.
                if i != range.lowerBound {
                    let base = area.minY - 0.9 * f.body - 4
                    let left = doc.course
                    var right = doc.title
                    if let n = doc.lesson { right = "\(doc.language.lesson) \(n) · \(Inline.plainText(doc.title))" }
                    let rw = measurer.measure(right, font: font).width
                    let lw = measurer.measure(left, font: font).width
                    if !left.isEmpty && lw + rw + 20 <= area.width {
                        items.append(PlacedBox(frame: Rect(x: area.minX, y: base - 0.8 * font.size, width: lw, height: font.size),
                                               content: .text(left, font, color, baseline: base)))
                    }
                    let rx = max(area.minX, area.maxX - rw)
                    items.append(PlacedBox(frame: Rect(x: rx, y: base - 0.8 * font.size, width: rw, height: font.size),
                                           content: .text(right, font, color, baseline: base)))
                    items.append(PlacedBox(frame: Rect(x: area.minX, y: base + 0.45 * f.body, width: area.width, height: 0.5),
                                           content: .rule(Color(hex: "#AAAAAA"))))
                    pages[i].regions.append(PageRegion(kind: .header, frame: Rect(x: area.minX, y: base - f.small, width: area.width, height: f.small * 1.5), level: 0, label: right))
                }
                let label = language.pageLabel(pages[i].number, of: total)
                let lw = measurer.measure(label, font: font).width
                let base = area.maxY + 0.55 * style.margins.bottom
                items.append(PlacedBox(frame: Rect(x: area.midX - lw / 2, y: base - 0.8 * font.size, width: lw, height: font.size),
                                       content: .text(label, font, color, baseline: base)))
                pages[i].regions.append(PageRegion(kind: .footer, frame: Rect(x: area.minX, y: base - f.small, width: area.width, height: f.small * 1.5), level: 0, label: label))
                pages[i].items += items
            }
        }
    }
}
