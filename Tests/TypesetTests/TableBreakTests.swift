import Testing
import Canvas
@testable import Typeset

/// Where a table breaks: one that fits on a page goes over whole rather than leave a stub at the
/// foot of a page (lesson 13's Table 13.2 was split two rows / nine rows), unless that would leave
/// most of the page empty; a split leaves at least four rows on each side and repeats the header.
@Suite struct TableBreakTests {
    let style = PageStyle.a4
    var typesetter: Typesetter { Typesetter(style: style, measurer: FixedAdvanceMeasurer()) }

    // MARK: the paginator alone, on boxes

    /// A 100-pt page; a caption and a header of 4 pt and `rows` rows of 5 pt, with the keeps the
    /// table setter gives (four rows at each end stay together).
    func table(rows: Int) -> [Chunk] {
        var out = [Chunk(height: 4, items: [], keepWithNext: true, kind: .caption, label: "Bảng 1.1"),
                   Chunk(height: 4, items: [], keepWithNext: true, kind: .tableHeader)]
        let m = TableSetter.rowsOnEachSide
        for i in 0..<rows {
            out.append(Chunk(height: 5, items: [], keepWithNext: i < rows - 1 && (i < m - 1 || i >= rows - m),
                             kind: .table, label: "r\(i)"))
        }
        out[0].tableHeight = out.reduce(0) { $0 + $1.height }
        return out
    }

    func filler(_ h: Double) -> Chunk { Chunk(height: h, items: [], kind: .paragraph, label: "filler") }

    func rowsPerPage(_ pages: [[Paginator.Placed]]) -> [Int] {
        pages.map { $0.filter { $0.chunk.kind == .table }.count }
    }

    @Test func aTableThatFitsMovesWholeWhenLittleOfThePageIsLeft() {
        // 30 pt left, the table needs 4 + 4 + 11·5 = 63 pt: before, caption, header and four rows
        // (28 pt) stayed at the foot and seven rows went over.
        let pages = Paginator(height: 100).paginate([filler(70)] + table(rows: 11))
        #expect(rowsPerPage(pages) == [0, 11])
        #expect(pages[1].first?.chunk.kind == .caption && pages[1].first?.y == 0)
    }

    @Test func aTableIsSplitWhenMovingItWouldLeaveMostOfThePageEmpty() {
        // 60 pt left of 100, the table needs 8 + 16·5 = 88 pt: it starts here and continues.
        let pages = Paginator(height: 100).paginate([filler(40)] + table(rows: 16))
        let rows = rowsPerPage(pages)
        #expect(rows.count == 2 && rows.reduce(0, +) == 16, "\(rows)")
        #expect(rows.allSatisfy { $0 >= TableSetter.rowsOnEachSide }, "\(rows)")
    }

    @Test func aSplitLeavesAtLeastFourRowsOnEachSide() {
        // Wherever the table starts, no page holds one to three of its rows.
        var splits = 0
        for h in stride(from: 20.0, through: 95, by: 1) {
            let pages = Paginator(height: 100).paginate([filler(h)] + table(rows: 30))
            let rows = rowsPerPage(pages).filter { $0 > 0 }
            if rows.count > 1 { splits += 1 }
            #expect(rows.allSatisfy { $0 >= 4 }, "filler \(h): \(rows)")
            #expect(rows.reduce(0, +) == 30)
        }
        #expect(splits > 0)
    }

    @Test func theKeepsOfTheTableSetter() {
        // Rows 1–4 and 8–11 of an 11-row table are tied together; the break may fall after row 4, 5, 6 or 7.
        let m = TableSetter.rowsOnEachSide
        #expect(m >= 4)
        let keeps = table(rows: 11).filter { $0.kind == .table }.map(\.keepWithNext)
        #expect(keeps == [true, true, true, false, false, false, false, true, true, true, false])
    }

    // MARK: whole documents

    /// Table 13.2's shape: 11 rows with a caption. Wherever it lands it is on one page.
    @Test func anElevenRowTableIsNeverSplit() throws {
        let table = Table(header: [["Lớp", "Precision", "Recall"]],
                          rows: (0..<11).map { ["c\($0)", "0.97\($0 % 10)", "0.95\($0 % 10)"] }, caption: "Báo cáo phân lớp")
        var placements = Set<Int>()
        for n in stride(from: 300, through: 1000, by: 13) {
            var w = TypesetterTests.Words(state: 5)
            let doc = Document(title: "T", lesson: 13, blocks: [.paragraph(w.sentence(n)), .table(table), .paragraph("sau bảng")])
            let pages = try typesetter.layout(doc)
            let withRows = pages.filter { $0.regions.contains { $0.kind == .table } }
            #expect(withRows.count == 1, "paragraph of \(n) words: rows on pages \(withRows.map(\.number))")
            #expect(withRows.first?.regions.filter { $0.kind == .table }.count == 11)
            if let p = withRows.first { placements.insert(p.number) }
        }
        #expect(placements.count >= 2)   // the table did reach the foot of a page and moved on
    }

    @Test func aLongTableSplitsOnlyWithHalfAPageLeftAndRepeatsItsHeader() throws {
        // 25 rows fit on an A4 page but take most of it.
        let table = Table(header: [["Mẫu", "n"]], rows: (1...25).map { ["r\($0)", "\($0)"] }, caption: "Dài")
        let area = style.contentRect
        var splits = 0, moved = 0
        for n in stride(from: 100, through: 1400, by: 29) {
            var w = TypesetterTests.Words(state: 7)
            let doc = Document(title: "T", lesson: 2, blocks: [.paragraph(w.sentence(n)), .table(table)])
            let pages = try typesetter.layout(doc)
            let withRows = pages.filter { $0.regions.contains { $0.kind == .table } }
            for p in withRows {
                let rows = p.regions.filter { $0.kind == .table }.count
                #expect(rows >= TableSetter.rowsOnEachSide, "paragraph of \(n) words: \(rows) rows on page \(p.number)")
            }
            guard let first = withRows.first, let caption = first.regions.first(where: { $0.kind == .caption }) else {
                Issue.record("no caption"); continue
            }
            if withRows.count > 1 {
                splits += 1
                // More than half of the page was left when the table started.
                #expect(caption.frame.minY - area.minY < 0.5 * area.height, "paragraph of \(n) words")
                // Each later page starts with the header again.
                for p in withRows.dropFirst() {
                    #expect(p.regions.contains { $0.kind == .tableHeader }, "page \(p.number) lacks the header")
                    #expect(p.items.contains { $0.text == "Mẫu" })
                }
            } else if caption.frame.minY - area.minY < 30 && first.number > 1 {
                moved += 1
            }
        }
        #expect(splits > 0 && moved > 0, "splits \(splits), moved whole \(moved)")
    }
}
