import Testing
@testable import Typeset

/// Random input must give blocks or a clear error, never a crash.
@Suite struct RobustnessTests {
    struct Rng {
        var s: UInt64
        mutating func next() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
    }

    static let pieces = ["a", "x", " ", "\n", "\n\n", "$", "$$", "\\", "{", "}", "^", "_", "&", "\\\\", "*", "**", "`", "```",
                         "#", "## ", "- ", "1. ", "> ", "|", "|---|", ":", "[", "]", "(", ")", "\\frac", "\\left(", "\\right)",
                         "\\begin{bmatrix}", "\\end{bmatrix}", "\\begin{aligned}", "\\end{aligned}", "\\sqrt", "[3]",
                         "\\sum", "\\limits", "\\text{ố}", "\\mathbb", "\\hat", "\\operatorname", "'", "  ", "\t", "ệ",
                         "\\left.", "\\right|", "\\big(", "\\not", "=", "-", "0.5", "Table: c", "\\newpage", "%"]

    @Test func randomMarkdownNeverCrashes() throws {
        var rng = Rng(s: 2024)
        let typesetter = Typesetter(style: .a4, measurer: FixedAdvanceMeasurer())
        var parsed = 0, rejected = 0
        for _ in 0..<1500 {
            let n = 1 + Int(rng.next() % 40)
            let text = (0..<n).map { _ in rng.pick(RobustnessTests.pieces) }.joined()
            do {
                let blocks = try Markdown.parse(text)
                _ = try typesetter.layout(Document(title: "T", blocks: blocks))
                parsed += 1
            } catch is MathError {
                rejected += 1
            } catch is MarkdownError {
                rejected += 1
            }
        }
        #expect(parsed > 100 && rejected > 100)
    }

    @Test func randomTeXNeverCrashes() {
        var rng = Rng(s: 7)
        let math = MathLayout(measurer: FixedAdvanceMeasurer(), size: 10)
        for _ in 0..<3000 {
            let n = 1 + Int(rng.next() % 25)
            let tex = (0..<n).map { _ in rng.pick(RobustnessTests.pieces) }.joined()
            for display in [true, false] {
                if let box = try? math.layout(tex, display: display) {
                    #expect(box.width.isFinite && box.height.isFinite && box.depth.isFinite)
                }
            }
        }
    }
}
