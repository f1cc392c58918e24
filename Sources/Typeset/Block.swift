import Foundation
import Canvas

/// A piece of a document, in reading order. Text fields hold inline Markdown: **bold**, *italic*,
/// `code`, [links](…) shown as text, and $inline math$.
public indirect enum Block {
    case heading(level: Int, text: String)
    case paragraph(String)
    case list(ordered: Bool, items: [[Block]])
    case quote([Block])
    /// Monospace, kept line by line (never re-wrapped at words).
    case code(String)
    /// Display math in the TeX subset ($$…$$, or a cell's worked formula).
    case math(String)
    case table(Table)
    /// A figure drawn on the page at its preferred size (scaled down to fit), numbered when captioned.
    case figure(any Drawable, caption: String?)
    case pageBreak
    /// Draws nothing: from here on figures and tables are numbered as lesson `lesson`'s, continuing its
    /// count when that lesson was set earlier in the same handout (a lesson's solutions in the appendix
    /// go on from its last figure: Hình 3.3 in the lesson, Hình 3.4 in the appendix).
    case numbering(lesson: Int?)
}

/// How a table column is aligned; `.decimal` lines up the decimal points of numbers.
public enum Alignment: Sendable, Equatable {
    case left, center, right, decimal
}

/// A table: header rows, body rows (cells are inline Markdown), one alignment per column, and an
/// optional caption (numbered "Bảng 2.1" / "Table 2.1"). Long tables continue on the next page
/// under a repeated header.
public struct Table {
    public var header: [[String]]
    public var rows: [[String]]
    public var alignments: [Alignment]
    public var caption: String?

    public init(header: [[String]], rows: [[String]], alignments: [Alignment] = [], caption: String? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments
        self.caption = caption
    }

    public var columnCount: Int {
        max(alignments.count, (header + rows).map(\.count).max() ?? 0)
    }

    /// The alignments to use: given ones, then `.decimal` for columns of numbers, `.left` otherwise.
    public var resolvedAlignments: [Alignment] {
        (0..<columnCount).map { j in
            if j < alignments.count { return alignments[j] }
            let cells = rows.compactMap { j < $0.count ? $0[j] : nil }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(Table.isNumber) ? .decimal : .left
        }
    }

    /// "-0.25", "−1.5", "12", "3.2e-4", "45%": numbers that line up on their point.
    public static func isNumber(_ s: String) -> Bool {
        var t = Substring(s.trimmingSpaces())
        if t.hasSuffix("%") { t = t.dropLast() }
        if t.hasPrefix("-") || t.hasPrefix("−") || t.hasPrefix("+") { t = t.dropFirst() }
        guard let first = t.first, first.isNumber || first == "." else { return false }
        var seenDot = false, seenE = false, prevE = false
        for c in t {
            if c.isASCII && c.isNumber { prevE = false; continue }
            if c == "." && !seenDot && !seenE { seenDot = true; prevE = false; continue }
            if (c == "e" || c == "E") && !seenE { seenE = true; prevE = true; continue }
            if (c == "-" || c == "+") && prevE { prevE = false; continue }
            return false
        }
        return !prevE
    }
}

/// One lesson (or any document): its blocks and what the pages say around them.
public struct Document {
    public var title: String
    public var subtitle: String?
    public var course: String
    public var author: String
    public var lesson: Int?
    public var language: Language
    public var blocks: [Block]

    public init(title: String, subtitle: String? = nil, course: String = "", author: String = "",
                lesson: Int? = nil, language: Language = .vi, blocks: [Block]) {
        self.title = title
        self.subtitle = subtitle
        self.course = course
        self.author = author
        self.lesson = lesson
        self.language = language
        self.blocks = blocks
    }
}
