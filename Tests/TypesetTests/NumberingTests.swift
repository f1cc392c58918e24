import Canvas
import Testing
@testable import Typeset

/// Figures and tables of a lesson's solutions, set in the handout's appendix (a document without a
/// lesson number), go on with that lesson's numbers instead of starting again at "Hình 1".
@Suite struct NumberingTests {
    struct Box: Drawable {
        var preferredSize: Size { Size(200, 80) }
        func draw(in rect: Rect, on canvas: Canvas) throws {}
    }

    func labels(_ pages: [Page], _ kind: PageRegionKind) -> [String] {
        pages.flatMap(\.regions).filter { $0.kind == kind }.map(\.label)
    }

    @Test func appendixFiguresAndTablesContinueTheirLessonsNumbers() throws {
        let table = Table(header: [["a", "b"]], rows: [["1", "2"]], caption: "Bảng")
        // Lesson 3: two figures and a table; lesson 4: one figure.
        let l3 = Document(title: "Ba", lesson: 3, blocks: [.figure(Box(), caption: "một"), .table(table), .figure(Box(), caption: "hai")])
        let l4 = Document(title: "Bốn", lesson: 4, blocks: [.figure(Box(), caption: "một")])
        // The appendix: each lesson's solutions open with a `.numbering` block (as the assembler writes them).
        let appendix = Document(title: "Phụ lục", lesson: nil, blocks: [
            .heading(level: 2, text: "Bài 3"), .numbering(lesson: 3), .figure(Box(), caption: "lời giải 3"), .table(table),
            .heading(level: 2, text: "Bài 4"), .numbering(lesson: 4), .figure(Box(), caption: "lời giải 4"), .figure(Box(), caption: "nữa"),
        ])
        let pages = try Typesetter(measurer: FixedAdvanceMeasurer()).layout(handout: [l3, l4, appendix], title: "Sổ tay")
        #expect(labels(pages, .figure) == ["Hình 3.1", "Hình 3.2", "Hình 4.1", "Hình 3.3", "Hình 4.2", "Hình 4.3"])
        #expect(labels(pages, .caption) == ["Bảng 3.1", "Bảng 3.2"])
    }

    @Test func aLessonAloneKeepsCountingIntoItsSolutions() throws {
        // `nnbook render`: the solutions follow in the same document; the block changes nothing.
        let doc = Document(title: "Ba", lesson: 3, blocks: [.figure(Box(), caption: "một"), .pageBreak,
                                                            .numbering(lesson: 3), .figure(Box(), caption: "lời giải")])
        let pages = try Typesetter(measurer: FixedAdvanceMeasurer()).layout(doc)
        #expect(labels(pages, .figure) == ["Hình 3.1", "Hình 3.2"])
    }

    @Test func eachHandoutDocumentStartsItsOwnCount() throws {
        // Two documents without a lesson number each start at 1, as before.
        let a = Document(title: "A", blocks: [.figure(Box(), caption: "x")])
        let b = Document(title: "B", blocks: [.figure(Box(), caption: "y")])
        let pages = try Typesetter(measurer: FixedAdvanceMeasurer()).layout(handout: [a, b], title: "T")
        #expect(labels(pages, .figure) == ["Hình 1", "Hình 1"])
    }
}
