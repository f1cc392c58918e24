import Testing
import Canvas
@testable import Typeset

/// What page breaks must not separate: the two end rows of a long table (short tables: see
/// PageBreakAndFitTests), a paragraph that announces what follows ("… as follows:") and the block it announces.
@Suite struct KeepTogetherTests {
    var typesetter: Typesetter { Typesetter(style: .a4, measurer: FixedAdvanceMeasurer()) }

    /// A paragraph of `n` words, to move what follows down the page a little at a time.
    func filler(_ n: Int) -> Block { .paragraph(Array(repeating: "mạng", count: max(n, 1)).joined(separator: " ")) }

    /// The pages (numbered from 0) with an item that is one of `texts` (or, for `containing`, holds it).
    func pages(of texts: Set<String>, in pages: [Page]) -> [Int] {
        pages.indices.filter { k in pages[k].items.contains { $0.text.map(texts.contains) ?? false } }
    }
    func pages(containing text: String, in pages: [Page]) -> [Int] {
        pages.indices.filter { k in pages[k].items.contains { $0.text?.contains(text) ?? false } }
    }

    @Test func aLongTableLeavesAtLeastTwoRowsOnEachPage() throws {
        let rows = (1...40).map { ["r\($0)", "\($0)"] }
        var breaks = 0
        for n in stride(from: 300, through: 1500, by: 37) {
            let doc = Document(title: "T", blocks: [filler(n), .table(Table(header: [["Mẫu", "n"]], rows: rows))])
            let laid = try typesetter.layout(doc)
            for page in laid {
                let count = page.items.filter { ($0.text ?? "").hasPrefix("r") && Int(($0.text ?? "").dropFirst()) != nil }.count
                if count > 0 && count < 40 { breaks += 1 }
                #expect(count == 0 || count >= 2, "filler \(n): page \(page.number) holds \(count) row(s)")
            }
        }
        #expect(breaks > 0)   // the long table did break somewhere, so the check above was exercised
    }

    @Test func aParagraphEndingWithAColonStaysWithWhatItAnnounces() throws {
        for n in stride(from: 300, through: 1200, by: 11) {
            let blocks: [Block] = [filler(n), .paragraph("**Với ½SSE:**"), .paragraph("Ghi chú làm tròn."),
                                   .heading(level: 4, text: "Bước"), .math("a = b")]
            let laid = try typesetter.layout(Document(title: "T", blocks: blocks))
            let intro = pages(containing: "½SSE:", in: laid), note = pages(containing: "tròn.", in: laid)
            let step = pages(containing: "Bước", in: laid)
            #expect(intro.count == 1 && intro == note && note == step, "filler \(n): \(intro) \(note) \(step)")
        }
    }

    @Test func colonsInsideEmphasisCount() {
        #expect(BlockSetter.endsWithColon("**With ½SSE:**"))
        #expect(BlockSetter.endsWithColon("as follows:  "))
        #expect(!BlockSetter.endsWithColon("a ratio 1:2 here."))
        #expect(!BlockSetter.endsWithColon("*emphasis*"))
    }
}
