import Testing
@testable import Typeset

@Suite struct MarkdownTests {
    @Test func headingsParagraphsListsQuotesCodeMath() throws {
        let md = """
        # Bài 1
        ## Mục **đậm**
        Đoạn một dòng một
        dòng hai.

        - a
        - b
          - b1
          - b2
        - c

        1. một
        2. hai

        > trích dẫn
        > hai dòng

        ```swift
        let x = 1
          indented
        ```

        $$
        E = \\frac{1}{2}\\sum_k (\\hat y_k - y_k)^2
        $$

        $$a = b$$
        \\newpage
        ##### năm
        """
        let blocks = try Markdown.parse(md)
        guard blocks.count == 11 else { Issue.record("got \(blocks.count) blocks: \(blocks)"); return }
        guard case .heading(1, "Bài 1") = blocks[0], case .heading(2, "Mục **đậm**") = blocks[1] else {
            Issue.record("headings: \(blocks[0]) \(blocks[1])"); return
        }
        guard case .paragraph(let p) = blocks[2] else { Issue.record("paragraph"); return }
        #expect(p == "Đoạn một dòng một\ndòng hai.")
        guard case .list(false, let items) = blocks[3] else { Issue.record("bullet list"); return }
        #expect(items.count == 3)
        guard case .list(false, let nested) = items[1].last else { Issue.record("nested list: \(items)"); return }
        #expect(nested.count == 2)
        guard case .list(true, let numbered) = blocks[4] else { Issue.record("numbered list"); return }
        #expect(numbered.count == 2)
        guard case .quote(let q) = blocks[5], case .paragraph("trích dẫn\nhai dòng") = q.first else { Issue.record("quote \(blocks[5])"); return }
        guard case .code("let x = 1\n  indented") = blocks[6] else { Issue.record("code \(blocks[6])"); return }
        guard case .math(let m) = blocks[7] else { Issue.record("math"); return }
        #expect(m.hasPrefix("E = \\frac"))
        guard case .math("a = b") = blocks[8] else { Issue.record("one-line math \(blocks[8])"); return }
        guard case .pageBreak = blocks[9] else { Issue.record("page break"); return }
        guard case .heading(4, "năm") = blocks[10] else { Issue.record("h5 is set as h4"); return }
    }

    @Test func pipeTablesWithAlignmentAndCaption() throws {
        let md = """
        Table: Kết quả $z$ và $a$.

        | Tầng | $z$ | nhãn | giữa |
        |:---|---:|---|:---:|
        | 1 | -0.25 | có \\| gạch | x |
        | 2 | 1.5 | không | y |
        """
        let blocks = try Markdown.parse(md)
        guard blocks.count == 1, case .table(let t) = blocks[0] else { Issue.record("\(blocks)"); return }
        #expect(t.header == [["Tầng", "$z$", "nhãn", "giữa"]])
        #expect(t.rows == [["1", "-0.25", "có | gạch", "x"], ["2", "1.5", "không", "y"]])
        #expect(t.alignments == [.left, .decimal, .left, .center])
        #expect(t.caption == "Kết quả $z$ và $a$.")
    }

    @Test func inlineMarkup() {
        #expect(Inline.parse("a **b** *c* `d*e` $x_1$ [link](http://x) \\*f") == [
            .text("a ", InlineStyle()), .text("b", InlineStyle(bold: true)), .text(" ", InlineStyle()),
            .text("c", InlineStyle(italic: true)), .text(" ", InlineStyle()), .text("d*e", InlineStyle(code: true)),
            .text(" ", InlineStyle()), .math("x_1"), .text(" ", InlineStyle()), .text("link", InlineStyle(link: true)),
            .text(" *f", InlineStyle()),
        ])
        // snake_case and a lone $ stay text
        #expect(Inline.parse("snake_case_name costs $5 and $6") == [.text("snake_case_name costs $5 and $6", InlineStyle())])
        #expect(Inline.parse("***both***") == [.text("both", InlineStyle(bold: true, italic: true))])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: MathError("unknown command \\bogus", line: 3)) {
            try Markdown.parse("# T\n\nText $a + \\bogus$ here.")
        }
        #expect(throws: MathError("unknown command \\nope", line: 5)) {
            try Markdown.parse("# T\n\n$$\na = b\n\\nope\n$$")
        }
        #expect(throws: MarkdownError("code block opened with ``` is never closed", line: 2)) {
            try Markdown.parse("x\n```\ncode")
        }
        #expect(throws: MarkdownError("display math opened with $$ is never closed", line: 1)) {
            try Markdown.parse("$$\na")
        }
    }

    @Test func numbersAreRecognisedForDecimalAlignment() {
        for s in ["0.5", "-12.25", "−3", "1e-4", "45%", "+2"] { #expect(Table.isNumber(s), "\(s)") }
        for s in ["", "-", "1.2.3", "abc", "1e", "x1"] { #expect(!Table.isNumber(s), "\(s)") }
    }
}
