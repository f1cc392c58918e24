import Canvas

/// Several figures of one cell drawn as one (the loss curve beside the decision boundary), so they
/// share one number and one caption. Up to `columns` per row; each keeps its own proportions.
struct FigureGrid: Drawable {
    var items: [any Drawable]
    var columns = 2
    var gap = 14.0

    private var rows: [[any Drawable]] {
        stride(from: 0, to: items.count, by: columns).map { Array(items[$0..<min($0 + columns, items.count)]) }
    }

    var preferredSize: Size {
        var width = 0.0, height = 0.0
        for row in rows {
            width = max(width, row.reduce(0) { $0 + $1.preferredSize.width } + gap * Double(row.count - 1))
            height += row.map(\.preferredSize.height).max() ?? 0
        }
        return Size(width, height + gap * Double(max(rows.count - 1, 0)))
    }

    func draw(in rect: Rect, on canvas: Canvas) throws {
        let full = preferredSize
        let s = min(rect.width / max(full.width, 1), rect.height / max(full.height, 1))
        var y = rect.minY
        for row in rows {
            let rowWidth = (row.reduce(0) { $0 + $1.preferredSize.width } + gap * Double(row.count - 1)) * s
            let rowHeight = (row.map(\.preferredSize.height).max() ?? 0) * s
            var x = rect.minX + (rect.width - rowWidth) / 2
            for item in row {
                let p = item.preferredSize
                let h = p.height * s
                try item.draw(in: Rect(x: x, y: y + (rowHeight - h) / 2, width: p.width * s, height: h), on: canvas)
                x += p.width * s + gap * s
            }
            y += rowHeight + gap * s
        }
    }
}
