import Foundation
import Testing

/// In a handout, the solutions of each lesson move to the appendix; their figures and tables go on
/// with the lesson's numbers (Hình 3.2 after the lesson's Hình 3.1), as in the lesson printed alone,
/// so no two figures of one handout share a number.
@Suite(.serialized) struct AppendixNumberingTests {
    func body(_ gate: String) -> [String] {
        ["Mở đầu.", "",
         "```nn gates", "gates: [\(gate)]", "show: boundary", "caption: 'Biên của \(gate).'", "```", "",
         "## Bài tập", "", "1. Vẽ lại.", "",
         "## Lời giải", "", "### Bài 1", "",
         "```nn perceptron", "data: \(gate.lowercased())", "learning-rate: 0.1", "epochs: 20", "show: trace", "plot: [boundary]",
         "caption: 'Lời giải \(gate).'", "```", ""]
    }

    @Test func appendixFiguresContinueTheirLessonsNumbers() throws {
        let dir = try CLI.folder(["L/vi/03-and.md": lesson("AND", number: 3, body("AND")),
                                  "L/vi/04-or.md": lesson("OR", number: 4, body("OR"))])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.nnbook(["build", "L", "--out", "o", "--format", "pdf"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let handout = try CLI.pdfText(dir + "/o/vi/handout.pdf")
        // Lesson 3: its figure 3.1; the appendix: table 3.1 and figure 3.2 of lesson 3, table 4.1 and figure 4.2 of lesson 4.
        for label in ["Hình 3.1. Biên của AND", "Hình 4.1. Biên của OR", "Bảng 3.1. Lời giải AND",
                      "Hình 3.2. Lời giải AND", "Bảng 4.1. Lời giải OR", "Hình 4.2. Lời giải OR"] {
            #expect(handout.contains(label), "'\(label)' not in the handout:\n\(handout)")
        }
        // No figure numbered without its lesson ("Hình 1.") and every number once.
        #expect(handout.range(of: #"Hình [0-9]+\. "#, options: .regularExpression) == nil)
        let numbers = handout.matches(of: #/(Hình|Bảng) [0-9]+\.[0-9]+\./#).map { String($0.output.0) }
        #expect(numbers.count == Set(numbers).count, "a number appears twice: \(numbers.sorted())")
        // The lesson printed alone numbers its solutions the same way.
        let alone = try CLI.pdfText(dir + "/o/vi/03-and.pdf")
        #expect(alone.contains("Hình 3.2. Lời giải AND") && alone.contains("Bảng 3.1. Lời giải AND"))
    }
}
