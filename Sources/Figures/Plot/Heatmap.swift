import Canvas
import Foundation

/// A matrix of numbers as coloured cells with the number written in each: a confusion matrix
/// (rows: true class, columns: predicted class, as scikit-learn draws it).
public struct Heatmap: Drawable, Sendable {
    public var values: [[Double]]
    /// The text in each cell; nil: the value, compactly.
    public var cellTexts: [[String]]?
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var rowTitle: String?
    public var columnTitle: String?
    public var title: String?
    public var cellSize = 26.0
    public var size: Size?
    public var theme = Theme.standard

    public init(_ values: [[Double]], rowLabels: [String], columnLabels: [String], title: String? = nil) {
        self.values = values; self.rowLabels = rowLabels; self.columnLabels = columnLabels; self.title = title
    }

    /// A confusion matrix: `counts[t][p]` samples of true class t predicted as p.
    public static func confusionMatrix(_ counts: [[Int]], classNames: [String], trueTitle: String?,
                                       predictedTitle: String?, title: String? = nil) -> Heatmap {
        var h = Heatmap(counts.map { $0.map(Double.init) }, rowLabels: classNames, columnLabels: classNames, title: title)
        h.cellTexts = counts.map { $0.map(String.init) }
        h.rowTitle = trueTitle
        h.columnTitle = predictedTitle
        return h
    }

    var rows: Int { values.count }
    var cols: Int { values.first?.count ?? 0 }

    /// Margins around the grid, measured with the real font; column labels wider than a cell are
    /// written vertically.
    struct Metrics {
        var left: Double, top: Double, bottom: Double, rowW: Double, colH: Double, rotated: Bool, titleH: Double
    }

    func metrics(width: Double, cell: Double, on canvas: Canvas) throws -> Metrics {
        let ts = theme.tickStyle
        let rowW = try rowLabels.map { try canvas.measure($0, style: ts).width }.max() ?? 0
        let colSizes = try columnLabels.map { try canvas.measure($0, style: ts) }
        let rotated = (colSizes.map(\.width).max() ?? 0) > cell - 3
        let colH = rotated ? (colSizes.map(\.width).max() ?? 0) : (colSizes.map(\.height).max() ?? 0)
        let labelH = try canvas.measure("Ag", style: theme.labelStyle).height
        var titleH = 0.0
        if let t = title, !t.isEmpty {
            titleH = try canvas.layout(t, style: theme.titleStyle.with(width: max(20, width - 8)).with(alignment: .center)).size.height + 6
        }
        let left = 4 + (rowTitle?.isEmpty == false ? labelH + 4 : 0) + rowW + 4
        let bottom = 4 + colH + (columnTitle?.isEmpty == false ? labelH + 4 : 0) + 4
        return Metrics(left: left, top: titleH + 4, bottom: bottom, rowW: rowW, colH: colH, rotated: rotated, titleH: titleH)
    }

    public var preferredSize: Size {
        if let size { return size }
        let gridW = Double(cols) * cellSize, gridH = Double(rows) * cellSize
        guard let m = try? metrics(width: gridW + 100, cell: cellSize, on: Canvas.measuring()) else {
            return Size(gridW + 90, gridH + 80)
        }
        return Size(max(gridW + m.left + 8, 120), gridH + m.top + m.bottom)
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        guard rows > 0, cols > 0, values.allSatisfy({ $0.count == cols }) else {
            throw FigureError.invalid("a heat map needs rows of equal length, got lengths \(values.map(\.count))")
        }
        let ts = theme.tickStyle
        // The cell size depends on the margins and the margins (rotated labels) on the cell size.
        var m = try metrics(width: rect.width, cell: cellSize, on: canvas)
        var cell = min((rect.width - m.left - 8) / Double(cols), (rect.height - m.top - m.bottom) / Double(rows))
        m = try metrics(width: rect.width, cell: cell, on: canvas)
        cell = min((rect.width - m.left - 8) / Double(cols), (rect.height - m.top - m.bottom) / Double(rows))
        guard cell > 4 else { throw FigureError.invalid("a \(rows)×\(cols) heat map does not fit in \(rect.size)") }
        let (rowW, colH) = (m.rowW, m.colH)
        let gridW = cell * Double(cols), gridH = cell * Double(rows)
        let x0 = rect.minX + m.left + max(0, (rect.width - m.left - 8 - gridW) / 2)
        let y0 = rect.minY + m.top
        let maxV = max(1e-12, values.flatMap { $0 }.filter(\.isFinite).max() ?? 1)
        let f = theme.numbers
        // Cell text as large as fits, between the minimum and the label size.
        let longest = (cellTexts?.flatMap { $0 } ?? values.flatMap { $0 }.map { f.compact($0) }).max { $0.count < $1.count } ?? "0"
        var cs = theme.style(theme.labelSize)
        let w = try canvas.measure(longest, style: cs).width
        if w > cell - 4 { cs = cs.with(size: max(theme.minimumTextSize, theme.labelSize * (cell - 4) / w)) }
        for i in 0..<rows {
            for j in 0..<cols {
                let v = values[i][j]
                let c = ColorMap.sequential.color(v.isFinite ? v / maxV : .nan)
                let r = Rect(x: x0 + Double(j) * cell, y: y0 + Double(i) * cell, width: cell, height: cell)
                canvas.fill(r, c.color)
                let text = cellTexts.map { i < $0.count && j < $0[i].count ? $0[i][j] : "" } ?? f.compact(v)
                let ink = c.luminance < 0.35 ? Color.white : theme.text
                try canvas.drawText(text, at: r.center, style: cs.with(color: ink), anchor: .center)
            }
        }
        canvas.newPath()
        canvas.rect(Rect(x: x0, y: y0, width: gridW, height: gridH))
        canvas.stroke(theme.axis, width: 0.8)
        for (i, l) in rowLabels.prefix(rows).enumerated() {
            try canvas.drawText(l, at: Point(x0 - 4, y0 + (Double(i) + 0.5) * cell), style: ts, anchor: .right)
        }
        for (j, l) in columnLabels.prefix(cols).enumerated() {
            let x = x0 + (Double(j) + 0.5) * cell
            if m.rotated {
                try canvas.withState {
                    canvas.translate(x, y0 + gridH + 3)
                    canvas.rotate(-Double.pi / 2)
                    try canvas.drawText(l, at: Point(0, 0), style: ts, anchor: .right)
                }
            } else {
                try canvas.drawText(l, at: Point(x, y0 + gridH + 3), style: ts, anchor: .top)
            }
        }
        if let t = columnTitle, !t.isEmpty {
            try canvas.drawText(t, at: Point(x0 + gridW / 2, y0 + gridH + 3 + colH + 3), style: theme.labelStyle, anchor: .top)
        }
        if let t = rowTitle, !t.isEmpty {
            try canvas.withState {
                canvas.translate(x0 - 4 - rowW - 4, y0 + gridH / 2)
                canvas.rotate(-Double.pi / 2)
                try canvas.drawText(t, at: Point(0, 0), style: theme.labelStyle, anchor: .bottom)
            }
        }
        if let t = title, !t.isEmpty {
            // Centred over the grid, moved left or right only as far as the rectangle requires.
            let l = try canvas.layout(t, style: theme.titleStyle.with(width: max(20, rect.width - 8)).with(alignment: .center))
            let w = l.logicalRect.width
            let x = min(max(rect.minX + 4, x0 + gridW / 2 - w / 2), rect.maxX - 4 - w)
            canvas.draw(l, at: Point(x - l.logicalRect.minX, rect.minY + 2))
        }
        try canvas.check("drawing a heat map")
    }
}
