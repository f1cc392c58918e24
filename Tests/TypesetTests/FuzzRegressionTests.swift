import Foundation
import Testing
@testable import Typeset

/// Inputs the fuzz harness (`make fuzz`, Sources/nnbook-fuzz) found crashing Typeset, kept as
/// regression tests: each must now be refused with a MathError / MarkdownError or laid out, never trap.
@Suite struct TypesetFuzzRegressionTests {
    static let crashes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/crashes")

    /// tex-f1bc815e83e1dcff.tex: 1925 nested \left( overflowed the stack in MathParser (SIGSEGV).
    @Test func deeplyNestedFormulaIsRefusedWithWords() throws {
        let tex = String(repeating: "\\left(", count: 2000) + "x" + String(repeating: "\\right)", count: 2000)
        #expect(throws: MathError.self) { try MathParser.parse(tex) }
        do { _ = try MathParser.parse(tex) } catch let e as MathError {
            #expect(e.description.contains("nested more than 60 levels deep"), "\(e)")
        }
        // Also through arguments without braces (\frac\frac…) and scripts (x^{x^{…}}).
        #expect(throws: MathError.self) { try MathParser.parse(String(repeating: "\\frac", count: 3000) + "ab") }
        #expect(throws: MathError.self) { try MathParser.parse(String(repeating: "x^{", count: 3000) + "1" + String(repeating: "}", count: 3000)) }
        #expect(throws: MathError.self) { try MathParser.parse(String(repeating: "\\sqrt{", count: 3000) + "1" + String(repeating: "}", count: 3000)) }
        #expect(throws: MathError.self) { try MathParser.parse(String(repeating: "\\begin{pmatrix}", count: 500)) }
        // Nesting a lesson really uses still parses.
        let ok = String(repeating: "\\left(", count: 20) + "x" + String(repeating: "\\right)", count: 20)
        _ = try MathParser.parse(ok)
    }

    /// hangs/lesson-16f04d3cbae10107.md: a block quote line whose '>'s were separated by U+2028 (LINE
    /// SEPARATOR) made Markdown.parse loop forever appending empty quotes: the quote's first line was
    /// trimmed with isWhitespace to enter the branch, but only spaces inside it.
    @Test func quoteAfterLineSeparatorTerminates() throws {
        final class Box: @unchecked Sendable { var blocks: [Block]? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.blocks = try? Markdown.parse("para\n   > > \u{2028}> > 1 - [[-0.0262, 0.0833]]\n")
            done.signal()
        }
        guard done.wait(timeout: .now() + 20) == .success else {
            Issue.record("Markdown.parse still running after 20 s")
            return
        }
        let blocks = try #require(box.blocks)
        #expect(blocks.count == 2, "\(blocks)")
        guard case .quote = blocks.last else { Issue.record("expected a quote: \(blocks)"); return }
    }

    /// Every saved TeX and Markdown crash input is refused or laid out (a trap here kills the test run).
    @Test func savedCrashInputsNoLongerCrash() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.crashes.path)) ?? []
        let layout = MathLayout(measurer: PangoMeasurer(), size: 10)
        for f in files.sorted() {
            let data = try Data(contentsOf: Self.crashes.appendingPathComponent(f))
            if f.hasPrefix("tex-") {
                let tex = String(decoding: data.prefix(20_000), as: UTF8.self)
                _ = try? layout.layout(tex, display: true)
                _ = try? layout.layout(tex, display: false)
            } else if f.hasPrefix("markdown-") {
                let text = String(decoding: data.prefix(200_000), as: UTF8.self)
                if let blocks = try? Markdown.parse(text) {
                    _ = try? Typesetter(measurer: PangoMeasurer()).layout(Document(title: "fuzz", blocks: blocks))
                }
            }
        }
    }
}
