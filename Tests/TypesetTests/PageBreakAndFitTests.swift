import Testing
import Canvas
@testable import Typeset

/// What reading the printed handouts found: lines running into the margin, a lone short first line,
/// small tables split across pages, a figure wedged between "…demands:" and its formula.
@Suite struct PageBreakAndFitTests {
    let style = PageStyle.a4
    var typesetter: Typesetter { Typesetter(style: style, measurer: FixedAdvanceMeasurer()) }

    @Test func noLineRunsIntoTheRightMargin() throws {
        // The breaker may shrink a line's spaces by a third; the last line of a paragraph was then
        // set at its natural width, up to a few points past the margin. Paragraphs of every length,
        // so that some last lines need the shrink.
        let area = style.contentRect
        var shrunkLastLines = 0
        for seed in UInt64(1)...80 {
            var w = TypesetterTests.Words(state: seed)
            let doc = Document(title: "T", blocks: [.paragraph(w.sentence(8 + w.int(120)))])
            for page in try typesetter.layout(doc) {
                let body = page.items.filter { $0.frame.minY > area.minY + 60 && $0.frame.maxY < area.maxY && $0.text != nil }
                for item in body { #expect(item.frame.maxX <= area.maxX + 1e-6, "seed \(seed): '\(item.text!)' ends at \(item.frame.maxX)") }
                // A line that needed shrinking ends exactly at the margin.
                let baselines = Set(body.compactMap(\.baseline))
                if let last = baselines.max() {
                    let lastLine = body.filter { $0.baseline == last }
                    if abs((lastLine.map(\.frame.maxX).max() ?? 0) - area.maxX) < 1e-6 { shrunkLastLines += 1 }
                }
            }
        }
        #expect(shrunkLastLines > 0)   // the case arose, so the check above was exercised
    }

    @Test func aLooseFirstLineIsNotLeftShort() throws {
        // "aa bb cc" then a word too long to join them: every first line is very loose. Badness was
        // capped at 10 000, so all tied and the earliest break won: "aa" alone.
        let breaker = LineBreaker(measurer: FixedAdvanceMeasurer(), font: RunFont(.sans, size: 10),
                                  color: Color(hex: "#000000"), linkColor: Color(hex: "#000000"),
                                  codeColor: Color(hex: "#000000"), leading: 12)
        let text = "aa bb cc " + String(repeating: "d", count: 35)
        let lines = try breaker.set(Inline.parse(text), width: 200, align: .left)   // 40 characters
        #expect(lines.count == 2)
        let first = lines[0].fragments.compactMap { f -> String? in if case .text(let s, _, _) = f.kind { return s } else { return nil } }
        #expect(first == ["aa", "bb", "cc"])
    }

    @Test func aShortTableIsNeverSplitAcrossPages() throws {
        // Push a four-row table down the page by a growing paragraph: wherever it lands, its rows
        // share one page (before: a header and one row at the foot, three rows on the next page).
        let table = Table(header: [["", "min-max", "z-score"]],
                          rows: [["Uses", "min, max", "mean, σ"], ["When", "ranges differ", "roughly normal"],
                                 ["Range", "[0, 1]", "unbounded"], ["Outliers", "squeeze", "move μ, σ"]])
        var splits = 0, placements = Set<Int>()
        for n in stride(from: 300, through: 700, by: 9) {
            var w = TypesetterTests.Words(state: 3)
            let doc = Document(title: "T", blocks: [.paragraph(w.sentence(n)), .table(table), .paragraph("after")])
            let pages = try typesetter.layout(doc)
            let withRows = pages.filter { $0.regions.contains { $0.kind == .table } }
            if withRows.count != 1 { splits += 1 }
            if let p = withRows.first { placements.insert(p.number) }
        }
        #expect(splits == 0)
        #expect(placements.count >= 2)   // the table did reach the foot of a page
        // A long table still breaks, leaving at least two rows on each side.
        let long = Table(header: [["k", "v"]], rows: (1...60).map { ["\($0)", "\($0 * 3)"] })
        for n in stride(from: 100, through: 400, by: 23) {
            var w = TypesetterTests.Words(state: 4)
            let pages = try typesetter.layout(Document(title: "T", blocks: [.paragraph(w.sentence(n)), .table(long)]))
            for page in pages {
                let rows = page.regions.filter { $0.kind == .table }.count
                #expect(rows == 0 || rows >= 2, "a lone row on page \(page.number) (paragraph of \(n) words)")
            }
        }
    }

    @Test func aLineIntroducingATableStaysWithIt() throws {
        // "**XOR** = AND(OR, NAND)" above its truth table was left at the foot of a page with the
        // table on the next. Wherever the pair lands, the line and the table's first row share a page.
        let table = Table(header: [["x1", "x2", "y"]], rows: [["0", "0", "0"], ["0", "1", "1"], ["1", "0", "1"], ["1", "1", "0"]],
                          caption: "XOR")
        var apart = 0, pagesSeen = Set<Int>()
        for n in stride(from: 300, through: 700, by: 7) {
            var w = TypesetterTests.Words(state: 6)
            let doc = Document(title: "T", lesson: 3, blocks: [.paragraph(w.sentence(n)), .paragraph("**XOR** = AND(OR, NAND)"), .table(table)])
            let pages = try typesetter.layout(doc)
            let intro = pages.first { $0.items.contains { $0.text == "NAND)" } }!.number
            let firstRow = pages.first { $0.regions.contains { $0.kind == .table } }!.number
            if intro != firstRow { apart += 1 }
            pagesSeen.insert(intro)
        }
        #expect(apart == 0)
        #expect(pagesSeen.count >= 2)
    }

    @Test func aShortNumberedListIsNotSplit() throws {
        // Three exercises at the foot of a page: all three move together, never two here and one there.
        let items: [[Block]] = (1...3).map { k in [.paragraph("Exercise \(k) asks for the weights of the gate and the bias after one update of the rule.")] }
        var split = 0, pagesSeen = Set<Int>()
        for n in stride(from: 300, through: 700, by: 7) {
            var w = TypesetterTests.Words(state: 8)
            let doc = Document(title: "T", blocks: [.paragraph(w.sentence(n)), .heading(level: 2, text: "Exercises"), .list(ordered: true, items: items)])
            let pages = try typesetter.layout(doc)
            let listPages = Set(pages.filter { $0.regions.contains { $0.kind == .listItem } }.map(\.number))
            if listPages.count != 1 { split += 1 }
            pagesSeen.formUnion(listPages)
        }
        #expect(split == 0)
        #expect(pagesSeen.count >= 2)
    }

    @Test func textFloatingPastAFigureKeepsItsFormula() throws {
        // A figure too tall for the rest of the page floats; the text after it goes ahead, and a
        // paragraph that introduces a display formula goes with its formula or not at all.
        struct Tall: Drawable {
            var preferredSize: Size { Size(300, 420) }
            func draw(in rect: Rect, on canvas: Canvas) throws {}
        }
        for n in stride(from: 120, through: 420, by: 20) {
            var w = TypesetterTests.Words(state: 9)
            let blocks: [Block] = [.paragraph(w.sentence(n)), .figure(Tall(), caption: "F"),
                                   .paragraph(w.sentence(25) + " demands:"), .math("b < 0, \\quad w_2 + b \\ge 0"),
                                   .paragraph(w.sentence(40))]
            let pages = try typesetter.layout(Document(title: "T", lesson: 1, blocks: blocks))
            // Reading order of the regions, page after page.
            let regions = pages.flatMap { p in p.regions.filter { $0.kind != .header && $0.kind != .footer }.map { (p.number, $0) } }
            guard let m = regions.firstIndex(where: { $0.1.kind == .math }) else { Issue.record("no formula"); continue }
            // The formula's introduction is right above it, on its page: no figure in between.
            #expect(regions[m - 1].1.kind == .paragraph, "paragraph of \(n) words: \(regions[m - 1].1.kind) before the formula")
            #expect(regions[m - 1].0 == regions[m].0)
        }
    }
}
