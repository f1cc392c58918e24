import Testing
import Canvas
@testable import Typeset

/// Page layout with the fixed-advance measurer: no fonts involved, so the geometry is exact.
@Suite struct TypesetterTests {
    let style = PageStyle.a4
    var typesetter: Typesetter { Typesetter(style: style, measurer: FixedAdvanceMeasurer()) }

    /// A deterministic stream of words (SplitMix64), for documents of any length.
    struct Words {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        static let vocabulary = ["mạng", "nơ-ron", "trọng", "số", "gradient", "lan", "truyền", "ngược", "tầng",
                                 "activation", "loss", "được", "tính", "bằng", "đạo", "hàm", "của", "the", "network"]
        mutating func sentence(_ n: Int) -> String {
            (0..<n).map { _ in Words.vocabulary[int(Words.vocabulary.count)] }.joined(separator: " ")
        }
    }

    func contentRegions(_ page: Page) -> [PageRegion] {
        page.regions.filter { $0.kind != .header && $0.kind != .footer }
    }

    @Test func longParagraphWrapsInsideTheMeasure() throws {
        var w = Words(state: 1)
        let doc = Document(title: "T", blocks: [.paragraph(w.sentence(400))])
        let pages = try typesetter.layout(doc)
        let area = style.contentRect
        var baselines = Set<Double>()
        for page in pages {
            for item in page.items {
                guard case .text(_, _, _, let b) = item.content, item.frame.minY >= area.minY else { continue }
                #expect(item.frame.minX >= area.minX - 1e-9)
                #expect(item.frame.maxX <= area.maxX + 1e-6)
                baselines.insert(b)
            }
        }
        #expect(baselines.count > 20)
        // Justified: a line that is not the last ends at the right margin.
        let first = pages[0].items.filter { $0.baseline == pages[0].items.compactMap { $0.frame.minY > area.minY + 40 ? $0.baseline : nil }.first }
        let right = first.map(\.frame.maxX).max()!
        #expect(abs(right - area.maxX) < 1e-6)
    }

    @Test func inlineMathSitsOnTheTextBaseline() throws {
        let doc = Document(title: "T", blocks: [.paragraph("gives $x^2$ here")])
        let page = try #require(try typesetter.layout(doc).first)
        let gives = try #require(page.items.first { $0.text == "gives" })
        let x = try #require(page.items.first { $0.text == "𝑥" })
        let two = try #require(page.items.first { $0.text == "2" })
        #expect(x.baseline == gives.baseline)
        #expect(two.baseline! < gives.baseline!)  // page y grows downwards: raised
    }

    @Test func tableLongerThanAPageContinuesWithItsHeader() throws {
        let rows = (1...120).map { ["\($0)", "\(Double($0) * 0.125)", "mẫu \($0)"] }
        let table = Table(header: [["Epoch", "Loss", "Ghi chú"]], rows: rows, caption: "Lịch sử huấn luyện")
        let doc = Document(title: "T", lesson: 3, language: .vi, blocks: [.paragraph("Trước bảng."), .table(table)])
        let pages = try typesetter.layout(doc)
        #expect(pages.count >= 3)
        var rowPages = 0
        for page in pages {
            let regions = contentRegions(page)
            guard let firstTable = regions.firstIndex(where: { $0.kind == .table }) else { continue }
            rowPages += 1
            // Every page with rows has a header above its first row.
            #expect(regions[..<firstTable].contains { $0.kind == .tableHeader })
            #expect(page.items.contains { $0.text == "Epoch" } && page.items.contains { $0.text == "Loss" })
        }
        #expect(rowPages == pages.count)
        #expect(pages[1].items.contains { $0.text == "Bảng 3.1 (tiếp theo)" })
        // Rows continue in order: the first row on page 2 follows the last on page 1.
        func numbers(_ p: Page) -> [Int] {
            p.items.compactMap { item in item.text.flatMap(Int.init) }.filter { $0 <= 120 }
        }
        let n1 = numbers(pages[0]), n2 = numbers(pages[1])
        #expect(n2.first == n1.filter { $0 > 1 }.max()! + 1)
        // Decimal points line up: "0.125" and "12.5" share the x of their point.
        let a = try #require(pages[0].items.first { $0.text == "0.125" })
        let b = try #require(pages.flatMap(\.items).first { $0.text == "12.5" })
        // 5 pt per character at 10 pt (fixed measurer, table text 9 pt → 4.5 pt): "0" vs "12".
        #expect(abs((a.frame.minX + 4.5) - (b.frame.minX + 9)) < 1e-6)
    }

    @Test func aHeadingIsNeverTheLastThingOnAPage() throws {
        for seed in UInt64(1)...12 {
            var w = Words(state: seed)
            var blocks: [Block] = []
            for _ in 0..<60 {
                switch w.int(5) {
                case 0: blocks.append(.heading(level: 1 + w.int(3), text: w.sentence(3)))
                case 1: blocks.append(.math("a_{i}^{2} = \\frac{b}{c}"))
                default: blocks.append(.paragraph(w.sentence(5 + w.int(90))))
                }
            }
            let pages = try typesetter.layout(Document(title: "T", blocks: blocks))
            #expect(pages.count > 2)
            for page in pages.dropLast() {
                let last = try #require(contentRegions(page).last)
                #expect(last.kind != .heading, "seed \(seed) page \(page.number) ends with heading \(last.label)")
            }
            // No paragraph leaves a single first line at the foot of a page: the last region of a
            // page is never a one-line start followed by the rest of its paragraph on the next.
            for k in 0..<(pages.count - 1) {
                let regions = contentRegions(pages[k])
                if let last = regions.last, last.kind == .paragraph, regions.count >= 2 {
                    let prev = regions[regions.count - 2]
                    #expect(prev.kind == .paragraph || prev.kind == .math || prev.kind == .heading)
                }
            }
        }
    }

    @Test func figuresAreNumberedPerLessonAndKeptWithTheirCaption() throws {
        struct Box: Drawable {
            var preferredSize: Size { Size(300, 200) }
            func draw(in rect: Rect, on canvas: Canvas) throws {}
        }
        var w = Words(state: 7)
        var blocks: [Block] = []
        for k in 0..<12 {
            blocks.append(.paragraph(w.sentence(120)))
            blocks.append(.figure(Box(), caption: "Hình số \(k + 1)"))
        }
        for lang in Language.allCases {
            let pages = try typesetter.layout(Document(title: "T", lesson: 2, language: lang, blocks: blocks))
            // The label is set as two words: "Hình" and "2.1."
            func labels(_ p: Page) -> [String] {
                let t = p.items.compactMap(\.text)
                return zip(t, t.dropFirst()).filter { $0.0 == lang.figure && $0.1.hasPrefix("2.") }.map { "\($0.0) \($0.1)" }
            }
            let all = pages.flatMap { labels($0) }
            #expect(all.count == 12)
            #expect(all.first == "\(lang.figure) 2.1.")
            #expect(all.last == "\(lang.figure) 2.12.")
            for page in pages {
                let figures = page.items.filter { if case .figure = $0.content { return true }; return false }
                let captions = labels(page)
                #expect(figures.count == captions.count)
                for f in figures { #expect(f.frame.maxY <= style.contentRect.maxY + 1e-6) }
            }
            #expect(pages[0].items.contains { $0.text == lang.pageLabel(1, of: pages.count) })
        }
        #expect(Language.vi.pageLabel(2, of: 9) == "Trang 2/9")
        #expect(Language.en.pageLabel(2, of: 9) == "Page 2 of 9")
    }

    @Test func displayMathIsNeverSplitAndStaysInTheMeasure() throws {
        var w = Words(state: 3)
        var blocks: [Block] = []
        for _ in 0..<30 {
            blocks.append(.paragraph(w.sentence(60)))
            blocks.append(.math("\\begin{aligned} a &= \\sum_{k=1}^{n} b_k \\\\ c &= \\frac{d}{e} \\\\ f &= g \\end{aligned}"))
        }
        let pages = try typesetter.layout(Document(title: "T", blocks: blocks))
        var count = 0
        for page in pages {
            for r in contentRegions(page) where r.kind == .math {
                count += 1
                #expect(r.frame.maxY <= style.contentRect.maxY + 1e-6)
            }
        }
        #expect(count == 30)
    }

    @Test func handoutHasTitlePageAndContentsWithTheRightPageNumbers() throws {
        var w = Words(state: 11)
        let docs = (1...3).map { n in
            Document(title: "Bài học số \(n)", course: "Mạng nơ-ron", lesson: n, language: .vi, blocks:
                (0..<(8 * n)).flatMap { k -> [Block] in [.heading(level: 2, text: "Mục \(n).\(k)"), .paragraph(w.sentence(150))] })
        }
        let pages = try typesetter.layout(handout: docs, title: "Mạng nơ-ron nhân tạo", subtitle: "Tài liệu", author: "nnbook")
        #expect(pages[0].regions.first?.kind == .title)
        #expect(pages[0].items.contains { $0.text == "Mạng" })
        #expect(!pages[0].items.contains { $0.text?.hasPrefix("Trang") == true })
        #expect(pages[1].items.contains { $0.text == "Mục" && $0.frame.minY < style.contentRect.minY + 30 })
        let contentsPages = pages.filter { $0.regions.contains { $0.kind == .contents } }
        #expect(!contentsPages.isEmpty)
        // Each lesson starts on the page the contents names.
        for doc in docs {
            let label = "Bài \(doc.lesson!). \(doc.title)"
            let entry = try #require(contentsPages.flatMap(\.regions).first { $0.label == label })
            _ = entry
            let listed = contentsPages.flatMap(\.items).filter { $0.baseline != nil }
            // the page number is the rightmost text on the entry's line
            let line = listed.filter { $0.text == "\(doc.lesson!)." }
            #expect(!line.isEmpty)
            let actual = try #require(pages.first { $0.regions.contains { $0.kind == .title && $0.label == doc.title } })
            let numberOnLine = listed.filter { $0.baseline == line[0].baseline }.max { $0.frame.maxX < $1.frame.maxX }!.text
            #expect(numberOnLine == "\(actual.number)")
        }
        let total = pages.count
        #expect(pages.last!.items.contains { $0.text == "Trang \(total)/\(total)" })
    }

    @Test func pageSizes() throws {
        let doc = Document(title: "T", blocks: [.paragraph("x")])
        #expect(try Typesetter(style: .letter, measurer: FixedAdvanceMeasurer()).layout(doc)[0].size == Size(612, 792))
        #expect(try Typesetter(style: .slides16x9, measurer: FixedAdvanceMeasurer()).layout(doc)[0].size == Size(720, 405))
        #expect(try typesetter.layout(doc)[0].size == .a4)
    }

    @Test func badMathInALessonIsAnErrorNotText() {
        let doc = Document(title: "T", blocks: [.math("a + \\oops")])
        #expect(throws: MathError("unknown command \\oops", line: 1)) { try typesetter.layout(doc) }
    }
}

@Suite struct OversizeTests {
    @Test func aFormulaTallerThanAPageShrinksToFitIt() throws {
        let rows = (1...80).map { "a_{\($0)} &= \($0)" }.joined(separator: " \\\\ ")
        let pages = try Typesetter(style: .a4, measurer: FixedAdvanceMeasurer())
            .layout(Document(title: "T", blocks: [.math("\\begin{aligned} \(rows) \\end{aligned}")]))
        let area = PageStyle.a4.contentRect
        for page in pages {
            for item in page.items where item.baseline != nil && item.frame.minY > area.minY && item.text?.hasPrefix("Trang") != true {
                #expect(item.frame.maxY <= area.maxY + 1e-6)
            }
        }
    }
}

@Suite struct FloatTests {
    struct Tall: Drawable {
        var preferredSize: Size { Size(300, 420) }
        func draw(in rect: Rect, on canvas: Canvas) throws {}
    }

    @Test func aFigureThatDoesNotFitFloatsToTheNextPageAndTextFillsThisOne() throws {
        var w = TypesetterTests.Words(state: 5)
        let blocks: [Block] = [.paragraph(w.sentence(400)), .figure(Tall(), caption: "Cao"),
                               .paragraph(w.sentence(300)), .figure(Tall(), caption: "Cao nữa"), .paragraph(w.sentence(50))]
        let style = PageStyle.a4
        let pages = try Typesetter(style: style, measurer: FixedAdvanceMeasurer()).layout(Document(title: "T", lesson: 1, blocks: blocks))
        let area = style.contentRect
        // Page 1 is filled with text (the figure did not leave a hole) …
        let regions1 = pages[0].regions.filter { $0.kind == .paragraph }
        #expect(regions1.last!.frame.maxY > area.maxY - 0.1 * area.height)
        #expect(!pages[0].regions.contains { $0.kind == .figure })
        // … and the figure opens page 2, with its caption.
        let first2 = pages[1].regions.first { $0.kind != .header && $0.kind != .footer }
        #expect(first2?.kind == .figure && first2?.label == "Hình 1.1")
        // Figure numbers stay in reading order.
        let labels = pages.flatMap(\.regions).filter { $0.kind == .figure }.map(\.label)
        #expect(labels == ["Hình 1.1", "Hình 1.2"])
    }
}
