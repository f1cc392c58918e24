import Testing
import Canvas
@testable import Typeset

/// A table column is never narrower than its widest unbreakable token: short cells ("44", "0.0", "x₁")
/// are never broken over two lines, whatever the measurer.
@Suite struct TableColumnWidthTests {
    /// A 10-class confusion matrix as the metrics cell writes it: right-aligned counts, two-digit diagonal.
    func confusion() -> Table {
        let rows = (0..<10).map { i in ["\(i)"] + (0..<10).map { j in i == j ? "\(40 + i)" : "\((i * j) % 3)" } }
        return Table(header: [[""] + (0..<10).map(String.init)], rows: rows, alignments: [.left] + Array(repeating: .right, count: 10))
    }

    func texts(_ table: Table, measurer: TextMeasurer?) throws -> [String] {
        let doc = Document(title: "T", lesson: 13, language: .vi, blocks: [.table(table)])
        return try Typesetter(style: .a4, measurer: measurer).layout(doc).flatMap(\.items).compactMap(\.text)
    }

    @Test(arguments: [false, true]) func twoDigitCountsStayWhole(pango: Bool) throws {
        let t = try texts(confusion(), measurer: pango ? nil : FixedAdvanceMeasurer())
        for i in 0..<10 { #expect(t.contains("\(40 + i)"), "cell \(40 + i) was broken: \(t.filter { $0.count == 1 }.count) one-character boxes") }
    }

    @Test(arguments: [false, true]) func shortCellsInANarrowTableStayWhole(pango: Bool) throws {
        // Nine columns of short words and numbers in text cells (centred, so not set as numbers).
        let row = ["0.0", "x₁", "(1, 0)", "12", "−0.25", "ŷ", "0.0", "33", "1"]
        let table = Table(header: [["a", "b", "c", "d", "e", "f", "g", "h", "i"]], rows: Array(repeating: row, count: 3),
                          alignments: Array(repeating: .center, count: 9))
        let t = try texts(table, measurer: pango ? nil : FixedAdvanceMeasurer())
        for cell in ["0.0", "x₁", "12", "−0.25", "33"] { #expect(t.contains(cell), "\(cell) broken: \(t)") }
    }
}
