import Testing
import Canvas
@testable import Typeset

/// Small typographic rules: curly quotes, table captions written after a blank line, and line
/// breaks before a long formula that fill the first line as far as they can.
@Suite struct TypographyTests {
    func text(_ s: String) -> String {
        Inline.parse(s).map { p -> String in
            if case .text(let t, _) = p { return t }
            return "$"
        }.joined()
    }

    @Test func straightQuotesBecomeTypographicOnes() {
        #expect(text("the \"matching\" loss") == "the “matching” loss")
        #expect(text("the slides' setting") == "the slides’ setting")
        #expect(text("\"mini MNIST\": digits") == "“mini MNIST”: digits")
        #expect(text("(\"quoted\")") == "(“quoted”)")
        #expect(text("**\"simple\"** model") == "“simple” model")           // bold around the quotes
        #expect(text("mô hình quá \"đơn giản\" để") == "mô hình quá “đơn giản” để")
    }

    @Test func codeAndMathKeepTheirQuotes() {
        let pieces = Inline.parse("`fit(X, \"y\")` and $f'(x)$")
        #expect(pieces.contains(.text("fit(X, \"y\")", InlineStyle(code: true))))
        #expect(pieces.contains(.math("f'(x)")))
    }

    func table(_ md: String) throws -> Table {
        let blocks = try Markdown.parse(md)
        for b in blocks { if case .table(let t) = b { return t } }
        throw CancellationError()
    }

    @Test func aCaptionAfterABlankLineBelongsToTheTable() throws {
        let md = "| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: The two columns.\n\nNext paragraph.\n"
        #expect(try table(md).caption == "The two columns.")
        let vi = "| a | b |\n|---|---|\n| 1 | 2 |\n\nBảng: Hai cột.\n"
        #expect(try table(vi).caption == "Hai cột.")
        // The caption line is not also a paragraph.
        let blocks = try Markdown.parse(md)
        #expect(!blocks.contains { if case .paragraph(let p) = $0 { return p.contains("Table:") } else { return false } })
    }

    @Test func aCaptionBetweenTwoTablesGoesToTheSecond() throws {
        let md = "| a |\n|---|\n| 1 |\n\nTable: Of the second.\n\n| b |\n|---|\n| 2 |\n"
        let tables = try Markdown.parse(md).compactMap { b -> Table? in if case .table(let t) = b { return t } else { return nil } }
        #expect(tables.count == 2)
        #expect(tables[0].caption == nil && tables[1].caption == "Of the second.")
    }

    @Test func shortWordsBeforeALongOneFillTheFirstLine() throws {
        // Fixed measurer at 10 pt: 5 pt per character, spaces 5 pt. Width 100 pt: "aa bb cc dd" is
        // 55 pt; the 16-letter word is 80 pt, so it fits after "dd" (95 pt) but not after "cc dd".
        // Both first lines are far too loose to justify; the fuller one must win.
        let b = LineBreaker(measurer: FixedAdvanceMeasurer(), font: RunFont(.serif, size: 10), color: .black,
                            linkColor: .black, codeColor: .black, leading: 12)
        let lines = try b.set(Inline.parse("aa bb cc dd abcdefghijklmnop"), width: 100, align: .justify)
        func words(_ l: SetLine) -> [String] {
            l.fragments.compactMap { if case .text(let t, _, _) = $0.kind { return t } else { return nil } }
                .joined(separator: " ").split(separator: " ").map(String.init)
        }
        #expect(lines.count == 2)
        #expect(words(lines[0]) == ["aa", "bb", "cc", "dd"])
        #expect(words(lines[1]) == ["abcdefghijklmnop"])
    }
}
