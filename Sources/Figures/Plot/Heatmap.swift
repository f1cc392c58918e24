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

    public var preferredSize: Size {
        if let size { return size }
        let w = Double(cols) * cellSize + 90, h = Double(rows) * cellSize + 80
        return Size(w, h)
    }

    public func draw(in rect: Rect, on canvas: Canvas) throws {
        guard rows > 0, cols > 0, values.allSatisfy({ $0.count == cols }) else {
            throw FigureError.invalid("a heat map needs rows of equal length, got lengths \(values.map(\.count))")
        }
        let ts = theme.tickStyle
        let rowW = try rowLabels.map { try canvas.measure($0, style: ts).width }.max() ?? 0
        let colH = try canvas.measure("Ag", style: ts).height
        let labelH = try canvas.measure("Ag", style: theme.labelStyle).height
        var titleH = 0.0
        if let t = title, !t.isEmpty {
            titleH = try canvas.layout(t, style: theme.titleStyle.with(width: rect.width - 8).with(alignment: .center)).size.height + 6
        }
        let left = 4 + (rowTitle?.isEmpty == false ? labelH + 4 : 0) + rowW + 4
        let bottom = 4 + colH + (columnTitle?.isEmpty == false ? labelH + 4 : 0) + 4
        let cell = min((rect.width - left - 6) / Double(cols), (rect.height - titleH - bottom - 4) / Double(rows))
        guard cell > 4 else { throw FigureError.invalid("a \(rows)×\(cols) heat map does not fit in \(rect.size)") }
        let gridW = cell * Double(cols), gridH = cell * Double(rows)
        let x0 = rect.minX + left + (rect.width - left - 6 - gridW) / 2
        let y0 = rect.minY + titleH + 4
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
            try canvas.drawText(l, at: Point(x0 + (Double(j) + 0.5) * cell, y0 + gridH + 3), style: ts, anchor: .top)
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
            let l = try canvas.layout(t, style: theme.titleStyle.with(width: rect.width - 8).with(alignment: .center))
            canvas.draw(l, at: Point(rect.minX + 4, rect.minY + 2))
        }
        try canvas.check("drawing a heat map")
    }
}
