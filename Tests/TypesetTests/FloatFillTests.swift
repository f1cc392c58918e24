import Testing
import Canvas
@testable import Typeset

/// LaTeX-style floats, on boxes: a figure (or a table that moves whole) that does not fit goes to
/// the top of the next page, and the blocks after it that fit, headings with their first lines
/// included, fill this page first. Lesson 13 (English) had page 3 end 45% empty: Table 13.2 at its
/// top, Figure 13.3 too tall for the rest, and the heading "The images the network gets wrong" with
/// its paragraphs was not allowed ahead of the figure.
@Suite struct FloatFillTests {
    // A 100-pt page. Lines are 5 pt; a paragraph's first and next-to-last lines keep with the next
    // (orphans and widows), every heading line keeps with the next, as BlockSetter sets them.
    func paragraph(_ name: String, lines: Int, space: Double = 0) -> [Chunk] {
        var out = (0..<lines).map { k in Chunk(height: 5, items: [], kind: .paragraph, label: "\(name).\(k)") }
        if lines >= 2 { out[0].keepWithNext = true }
        if lines >= 3 { out[lines - 2].keepWithNext = true }
        out[0].spaceBefore = space
        out[lines - 1].spaceAfter = space
        return out
    }
    func heading(_ name: String) -> Chunk {
        Chunk(height: 6, items: [], spaceBefore: 2, spaceAfter: 1, keepWithNext: true, kind: .heading, level: 2, label: name)
    }
    func figure(_ name: String, height: Double) -> Chunk {
        Chunk(height: height, items: [], spaceBefore: 2, spaceAfter: 2, kind: .figure, label: name)
    }
    func table(_ name: String, rows: Int) -> [Chunk] {
        var out = [Chunk(height: 4, items: [], spaceBefore: 2, keepWithNext: true, kind: .caption, label: name),
                   Chunk(height: 4, items: [], keepWithNext: true, kind: .tableHeader, label: name)]
        let m = TableSetter.rowsOnEachSide
        for i in 0..<rows {
            out.append(Chunk(height: 5, items: [], keepWithNext: i < rows - 1 && (i < m - 1 || i >= rows - m),
                             kind: .table, label: name))
        }
        out[out.count - 1].spaceAfter = 2
        out[0].tableHeight = out.reduce(0) { $0 + $1.height }
        return out
    }
    func labels(_ page: [Paginator.Placed]) -> [String] { page.map(\.chunk.label) }

    @Test func aHeadingWithItsParagraphFillsThePageBeforeAFigureThatMoved() {
        // 60 pt used, a 70-pt figure does not fit in the 40 left. After it: a heading, a 4-line
        // paragraph and a 3-line one (which goes whole or not at all). The heading and its
        // paragraph, 2 + 6 + 1 + 20 = 29 pt, fit; the next paragraph does not. Before, the heading
        // stopped the float and 40 pt (40% of the page) stayed empty.
        let chunks = paragraph("a", lines: 12) + [figure("Figure 1", height: 70), heading("Wrong")]
            + paragraph("b", lines: 4) + paragraph("c", lines: 3)
        let pages = Paginator(height: 100).paginate(chunks)
        #expect(pages.count == 2)
        #expect(labels(pages[0]) == (0..<12).map { "a.\($0)" } + ["Wrong"] + (0..<4).map { "b.\($0)" })
        #expect(pages[1].first?.chunk.label == "Figure 1" && pages[1].first?.y == 0)
        #expect(labels(pages[1]).dropFirst().elementsEqual((0..<3).map { "c.\($0)" }))
        // The page ends no more than 30% empty.
        let end = pages[0].last.map { $0.y + $0.chunk.height } ?? 0
        #expect(end >= 70, "page 1 ends at \(end)")
    }

    @Test func neverAHeadingAloneAtTheFootOfThePage() {
        // Room for the heading and one line only (40 + 2 + 6 + 1 + 5 = 54 of 55 left before the
        // figure could be placed): the heading would end the page alone with its paragraph's first
        // line (an orphan), so it stays after the figure and a lone heading never ends page 1.
        for used in stride(from: 30.0, through: 85, by: 1) {
            let chunks = paragraph("a", lines: Int(used / 5)) + [figure("Figure 1", height: 70), heading("Wrong")]
                + paragraph("b", lines: 6)
            let pages = Paginator(height: 100).paginate(chunks)
            for page in pages.dropLast() {
                #expect(page.last?.chunk.keepWithNext == false, "\(used): page ends with \(labels(page).last ?? "")")
            }
            // The heading, if it went ahead, has at least the two lines the orphan rule asks for.
            if let h = pages[0].firstIndex(where: { $0.chunk.label == "Wrong" }) {
                #expect(pages[0].count - h - 1 >= 2, "\(used): \(labels(pages[0]))")
            }
            // The figure is at the top of a page or placed where it fits; never drifts past page 2.
            let f = pages.firstIndex { $0.contains { $0.chunk.label == "Figure 1" } }
            #expect(f != nil && f! <= 1)
        }
    }

    @Test func aTableThatMovesWholeLetsTheTextAfterItFillThePage() {
        // 70 pt used; the table (8 + 11·5 = 63 pt) moves whole to page 2. The heading and the
        // 4-line paragraph after it (2 + 6 + 1 + 20 = 29 pt) fit in the 30 left: they go first.
        let chunks = paragraph("a", lines: 14) + table("Table 1", rows: 11) + [heading("Next")] + paragraph("b", lines: 4)
            + paragraph("c", lines: 3)
        let pages = Paginator(height: 100).paginate(chunks)
        #expect(pages.count == 2)
        #expect(labels(pages[0]).suffix(5) == ["Next", "b.0", "b.1", "b.2", "b.3"])
        #expect(pages[1].first?.chunk.kind == .caption && pages[1].first?.y == 0)
        #expect(pages[1].filter { $0.chunk.kind == .table }.count == 11)
    }

    @Test func aWholeSectionDoesNotGoAheadOfAFigure() {
        // Lesson 4: "Summary" (heading and three lines) fits in the 40 pt left, "Exercises" after it
        // does not. Had "Summary" gone ahead, the XOR figure would sit between "Summary" and
        // "Exercises", in neither of its sections: the page ends instead.
        let chunks = paragraph("a", lines: 12) + [figure("Figure 1", height: 70), heading("Summary")]
            + paragraph("s", lines: 3) + [heading("Exercises")] + paragraph("e", lines: 6)
        let pages = Paginator(height: 100).paginate(chunks)
        #expect(labels(pages[0]) == (0..<12).map { "a.\($0)" })
        #expect(labels(pages[1]).prefix(2) == ["Figure 1", "Summary"])
        // A subsection heading (level 3) after "Summary" does not end it: it may go ahead.
        var sub = heading("Detail")
        sub.level = 3
        let more = paragraph("a", lines: 12) + [figure("Figure 1", height: 70), heading("Summary")]
            + paragraph("s", lines: 3) + [sub] + paragraph("e", lines: 6)
        let filled = Paginator(height: 100).paginate(more)
        #expect(labels(filled[0]).contains("Summary"), "\(labels(filled[0]))")
        #expect(filled[1].first?.chunk.label == "Figure 1")
    }

    @Test func aTableLedInByTextDoesNotLetTheTextAfterItGoAhead() {
        // "…as the table shows:" (its last line keeps with the caption) goes over with the table;
        // the paragraph after the table may not go ahead of it: that would put prose out of order
        // (lesson 1: "ReLU" and "PReLU" went ahead of "ArcTan" and its formula above Table 1.2).
        var intro = paragraph("intro", lines: 3, space: 1)
        intro[2].keepWithNext = true
        let chunks = paragraph("a", lines: 12, space: 1) + intro + table("Table 1", rows: 11) + paragraph("b", lines: 2, space: 1)
        let pages = Paginator(height: 100).paginate(chunks)
        #expect(pages.count == 2)
        #expect(labels(pages[0]) == (0..<12).map { "a.\($0)" })
        #expect(labels(pages[1]).prefix(4) == ["intro.0", "intro.1", "intro.2", "Table 1"])
        #expect(labels(pages[1]).suffix(2) == ["b.0", "b.1"])
    }

    @Test func textGoesAheadOfOneFloatOnlyAndFloatsKeepTheirOrder() {
        // Figure 1 does not fit; after it a paragraph, then Figure 2, then more text. Only the
        // paragraph before Figure 2 may go ahead: Figure 2 never comes before Figure 1.
        let chunks = paragraph("a", lines: 10) + [figure("Figure 1", height: 60)] + paragraph("b", lines: 2)
            + [figure("Figure 2", height: 10)] + paragraph("c", lines: 2)
        let pages = Paginator(height: 100).paginate(chunks)
        let order = pages.flatMap { $0.map(\.chunk.label) }.filter { $0.hasPrefix("Figure") }
        #expect(order == ["Figure 1", "Figure 2"])
        #expect(labels(pages[0]).suffix(2) == ["b.0", "b.1"])
        #expect(pages[1].first?.chunk.label == "Figure 1")
    }
}
