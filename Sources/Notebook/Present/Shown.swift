/// What a cell shows, before it is typeset: the presenters' output. `DocumentAssembler` turns these into
/// Typeset blocks (and figure requests into Figures values), so presenters stay testable as text.
public enum Shown {
    /// Inline Markdown (may contain $math$).
    case paragraph(String)
    /// Display TeX, one formula.
    case math(String)
    case table(ShownTable)
    case figure(FigureRequest, caption: String?)
    case code(String)
    /// A small heading inside a cell's output (level 3 or 4).
    case heading(level: Int, text: String)
}

public struct ShownTable {
    public enum Alignment: Sendable { case left, center, right, decimal }
    public var header: [String]
    public var rows: [[String]]
    public var alignments: [Alignment]
    public var caption: String?

    public init(header: [String], rows: [[String]], alignments: [Alignment]? = nil, caption: String? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments ?? header.indices.map { $0 == 0 ? .left : .decimal }
        self.caption = caption
    }
}
