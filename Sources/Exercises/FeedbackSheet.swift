// The one-page feedback sheet of `nnbook verify --pdf`.

import Canvas
import Figures
import Foundation
import Typeset

/// A page for the student: the network diagram, the summary naming the first mistake, a row with
/// the formula and its numbers for every wrong or carried value, and the values that are right.
public struct FeedbackSheet {
    public var result: CheckResult
    public var file: String
    public var language: Language

    public init(result: CheckResult, file: String, language: Language = .vi) {
        self.result = result
        self.file = file
        self.language = language
    }

    public func blocks() -> [Block] {
        let vi = language == .vi
        let ex = result.exercise
        let md = ExerciseSheets.md
        let w = ExerciseSheets.Words(language)
        var blocks: [Block] = [.paragraph(ExerciseSheets.statement(ex, w))]
        var d = ExerciseSheets.diagram(ex)
        d.nodeRadius = 11
        blocks.append(.figure(d, caption: nil))

        // Summary.
        var summary = vi
            ? "**\(result.right) đúng**, **\(result.wrong) sai**, \(result.carried) sai theo (đúng nếu tính từ giá trị sai trước đó của bạn), \(result.unanswered) để trống."
            : "**\(result.right) right**, **\(result.wrong) wrong**, \(result.carried) carried (right from your own earlier wrong values), \(result.unanswered) blank."
        if let m = result.firstMistake {
            summary += vi ? " Lỗi đầu tiên: **\(md(m.name))** (dòng \(m.written.line))."
                          : " First mistake: **\(md(m.name))** (line \(m.written.line))."
        } else if !result.values.isEmpty {
            summary += vi ? " Tất cả câu trả lời đều đúng." : " All answers are right."
        }
        blocks.append(.paragraph(summary))

        // Mistakes get a row with the formula and its numbers (at most `maxRows`, to keep one page);
        // carried and right values are listed compactly.
        let maxRows = 8
        let wrong = result.values.filter { $0.verdict == .wrong }
        if !wrong.isEmpty {
            blocks.append(.heading(level: 2, text: vi ? "Lỗi" : "Mistakes"))
            let rows = wrong.prefix(maxRows).map { v -> [String] in
                let mark = v.quantity == result.firstMistake?.quantity ? (vi ? "✗ lỗi đầu tiên" : "✗ first mistake") : "✗"
                return [md(v.name), md(v.written.text), md(Notation.number(v.expected, decimals: ex.rounding)), md(mark),
                        md(v.symbols + " = " + v.expectedNumbers)]
            }
            let header = vi ? ["Đại lượng", "Của bạn", "Đáp án", "", "Công thức"] : ["Value", "Yours", "Expected", "", "Formula"]
            blocks.append(.table(Table(header: [header], rows: Array(rows), alignments: [.left, .decimal, .decimal, .left, .left])))
            if wrong.count > maxRows {
                let more = Self.capped(wrong.dropFirst(maxRows).map { md($0.name) }, 30)
                blocks.append(.paragraph((vi ? "Các lỗi khác: " : "Other mistakes: ") + more + "."))
            }
        }
        let carried = result.values.filter { $0.verdict == .carried }
        if !carried.isEmpty {
            blocks.append(.heading(level: 2, text: vi ? "Sai theo (đúng nếu tính từ giá trị của bạn)" : "Carried (right from your own values)"))
            blocks.append(.paragraph(Self.capped(carried.map {
                md($0.name) + " = " + md($0.written.text) + " (" + (vi ? "đáp án " : "expected ")
                    + md(Notation.number($0.expected, decimals: ex.rounding)) + ")"
            }, 16, separator: "; ")))
        }
        let right = result.values.filter { $0.verdict == .right }
        if !right.isEmpty {
            blocks.append(.heading(level: 2, text: vi ? "Đúng" : "Right"))
            blocks.append(.paragraph(Self.capped(right.map { "✓ " + md($0.name) + " = " + md($0.written.text) }, 48)))
        }
        return blocks
    }

    /// The first `n` items joined, then "… (k more)".
    static func capped(_ items: [String], _ n: Int, separator: String = ", ") -> String {
        let head = items.prefix(n).joined(separator: separator)
        return items.count > n ? head + separator + "… (+\(items.count - n))" : head
    }

    /// Lays the sheet out with Typeset and writes the PDF (temporary file, then rename).
    public func write(to path: String) throws {
        let vi = language == .vi
        let style = PageStyle(margins: PageStyle.Margins(top: 52, bottom: 50, left: 60, right: 60),
                              fonts: PageStyle.Fonts(body: 9.5, headings: [13, 11.5, 10.5, 10], small: 8.5, title: 17))
        let name = (file as NSString).lastPathComponent
        let title = (vi ? "Kiểm tra bài làm: " : "Check of ") + ExerciseSheets.md(name)
        let doc = Document(title: title, subtitle: result.exercise.variant.map { (vi ? "Mã đề " : "Variant ") + $0 },
                           course: vi ? "Mạng nơ-ron nhân tạo" : "Neural networks", language: language, blocks: blocks())
        try PageRenderer.pdf(try Typesetter(style: style).layout(doc), to: path, title: title)
    }
}
