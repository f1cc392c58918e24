import Canvas

/// A piece of the vertical list: something that goes onto a page whole (a line of a paragraph, a
/// table row, a formula, a figure with its caption). Its items are relative to its top-left corner
/// at the left edge of the text block.
struct Chunk {
    var height: Double
    var items: [PlacedBox]
    var spaceBefore: Double = 0
    var spaceAfter: Double = 0
    /// Never end a page right after this chunk (headings, first lines, table headers, captions).
    var keepWithNext = false
    var forceBreakBefore = false
    var kind: PageRegionKind
    var level = 0
    var label = ""
    /// Baseline of the first line, from the top (list markers hang on it).
    var firstBaseline: Double? = nil
    /// Chunks to set again at the top of a page when this one starts it (a table's header).
    var continuation: [Chunk] = []
    /// On a table's first chunk (its caption, else its header): the height of the whole table.
    var tableHeight: Double? = nil
    /// An entry for the contents: (level, text).
    var tocEntry: (level: Int, text: String)? = nil

    mutating func shift(dx: Double, dy: Double) {
        items = items.map { $0.offset(dx: dx, dy: dy) }
    }
}
