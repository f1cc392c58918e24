import Foundation
import Testing

/// Every figure of a rendered lesson is numbered (Hình N.k / Figure N.k), read back from the PDF text:
/// a perceptron's errors plot and boundary (no caption in the cell), gate boundaries (one figure for
/// several gates), the XOR diagram; and the engine's words follow the lesson's language.
@Suite(.serialized) struct CaptionNumberingTests {
    func render(_ lang: String, _ body: [String]) throws -> String {
        let dir = try CLI.folder(["L/\(lang)/04-c.md": lesson("Captions", lang: lang, number: 4, body)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.nnbook(["render", "L/\(lang)/04-c.md", "--out", "o", "--format", "pdf"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return try CLI.pdfText(dir + "/o/\(lang)/04-c.pdf")
    }

    let cells = ["```nn perceptron", "name: p", "data: and", "learning-rate: 0.1", "epochs: 20", "show: summary",
                 "plot: [errors, boundary]", "```", "",
                 "```nn gates", "gates: [AND, OR]", "show: boundary", "```", "",
                 "```nn gates", "gates: [XOR]", "show: diagram", "```"]

    @Test func everyFigureIsNumberedVietnamese() throws {
        let text = try render("vi", cells)
        for k in 1...4 { #expect(text.contains("Hình 4.\(k)."), "figure 4.\(k) has no numbered caption:\n\(text)") }
        #expect(!text.contains("Hình 4.5."))        // AND and OR boundaries share one figure
        #expect(text.contains("Hội tụ sau") && !text.contains("Converged"))
    }

    @Test func everyFigureIsNumberedEnglishAndEpochsArePlural() throws {
        let text = try render("en", cells)
        for k in 1...4 { #expect(text.contains("Figure 4.\(k)."), "figure 4.\(k) has no numbered caption:\n\(text)") }
        // AND with η = 0.1 from zero weights converges after several epochs (the test's own count is not
        // needed: any count above one must read "epochs").
        #expect(text.range(of: #"Converged after [0-9]+ epochs:"#, options: .regularExpression) != nil, "\(text)")
    }
}
