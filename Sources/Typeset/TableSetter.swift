import Canvas

/// Sets a table: columns sized to their contents (text columns wrap when the table is too wide,
/// then the type gets smaller), numbers lined up on the decimal point, booktabs rules, a caption
/// above, and a header that is repeated when the table continues on the next page.
struct TableSetter {
    let setter: BlockSetter

    private struct Cell {
        var pieces: [InlinePiece]
        var number: String?        // a plain number in a decimal column
        var natural = 0.0
        var longestWord = 0.0
        var intWidth = 0.0         // before the point
        var fracWidth = 0.0        // the point and after
    }

    static func typographicNumber(_ s: String) -> String {
        var t = s.trimmingSpaces()
        if t.hasPrefix("-") { t = "−" + t.dropFirst() }
        return t
    }

    func chunks(_ table: Table, x: Double, width: Double) throws -> [Chunk] {
        let fonts = setter.fonts
        let columns = table.columnCount
        guard columns > 0 else { return [] }
        let aligns = table.resolvedAlignments
        var sizes = [fonts.small, fonts.small * 0.9, fonts.small * 0.8, fonts.small * 0.7]
        sizes = sizes.filter { $0 >= 6 }
        var chosen: (size: Double, widths: [Double])? = nil
        var cellsAtSize: ([[Cell]], [[Cell]]) = ([], [])
        for (n, size) in sizes.enumerated() {
            let pad = 0.55 * size
            let body = try measure(table.rows, columns: columns, aligns: aligns, size: size, bold: false)
            let head = try measure(table.header, columns: columns, aligns: aligns, size: size, bold: true)
            var natural = [Double](repeating: 0, count: columns)
            var minimum = [Double](repeating: 0, count: columns)
            for j in 0..<columns {
                let all = head.map { $0[j] } + body.map { $0[j] }
                if aligns[j] == .decimal {
                    let ints = body.map { $0[j] }.filter { $0.number != nil }
                    let numW = (ints.map(\.intWidth).max() ?? 0) + (ints.map(\.fracWidth).max() ?? 0)
                    let other = all.filter { $0.number == nil }
                    natural[j] = max(numW, other.map(\.natural).max() ?? 0) + 2 * pad
                    minimum[j] = max(numW, other.map(\.longestWord).max() ?? 0) + 2 * pad
                } else {
                    natural[j] = (all.map(\.natural).max() ?? 0) + 2 * pad
                    minimum[j] = (all.map(\.longestWord).max() ?? 0) + 2 * pad
                }
            }
            var widths = natural
            if natural.reduce(0, +) > width {
                guard minimum.reduce(0, +) <= width || n == sizes.count - 1 else { continue }
                // Water-filling: cap every column at a common limit chosen so the table fits.
                var lo = 0.0, hi = natural.max()!
                for _ in 0..<40 {
                    let mid = (lo + hi) / 2
                    let total = (0..<columns).map { max(minimum[$0], min(natural[$0], mid)) }.reduce(0, +)
                    if total > width { hi = mid } else { lo = mid }
                }
                widths = (0..<columns).map { max(minimum[$0], min(natural[$0], lo)) }
            }
            chosen = (size, widths)
            cellsAtSize = (head, body)
            break
        }
        guard let (size, widths) = chosen else { return [] }
        let (head, body) = cellsAtSize
        let pad = 0.55 * size
        let total = widths.reduce(0, +)
        let x0 = x + max(0, (width - total) / 2)
        var colX: [Double] = []
        var acc = x0
        for w in widths { colX.append(acc); acc += w }
        // decimal column geometry
        var numBlock = [Double](repeating: 0, count: columns), maxInt = numBlock
        for j in 0..<columns where aligns[j] == .decimal {
            let ints = body.map { $0[j] }.filter { $0.number != nil }
            maxInt[j] = ints.map(\.intWidth).max() ?? 0
            numBlock[j] = maxInt[j] + (ints.map(\.fracWidth).max() ?? 0)
        }
        let lineRule = 0.4, heavy = 0.8
        let vpad = 0.28 * size

        func row(_ cells: [Cell], bold: Bool) throws -> (items: [PlacedBox], height: Double) {
            var items: [PlacedBox] = []
            var height = 0.0
            let font = RunFont(.serif, size: size, bold: bold)
            let b = setter.breaker(font, leading: size * 1.3)
            for j in 0..<columns {
                let cell = cells[j]
                let inner = widths[j] - 2 * pad
                if let num = cell.number {
                    let offset = (inner - numBlock[j]) / 2 + (maxInt[j] - cell.intWidth)
                    let baseline = vpad + 0.72 * size * 1.3
                    items.append(PlacedBox(frame: Rect(x: colX[j] + pad + offset, y: baseline - 0.8 * size, width: cell.natural, height: size),
                                           content: .text(num, font, setter.ink, baseline: baseline)))
                    height = max(height, size * 1.3)
                    continue
                }
                let align: TextAlign
                switch aligns[j] {
                case .left: align = .left
                case .center: align = .center
                case .right: align = .right
                case .decimal: align = bold ? .center : .right
                }
                // Never narrower than the cell's longest word: the column was sized for it, and
                // (width + 2·pad) − 2·pad can come back a hair short, which would cut "44" into "4"/"4".
                let lines = try b.set(cell.pieces, width: max(inner, cell.longestWord, 1) + 1e-6, align: align)
                var y = vpad
                for line in lines {
                    y += line.height
                    items += line.boxes(x: colX[j] + pad, baseline: y, measurer: setter.measurer)
                    y += line.depth
                }
                height = max(height, y - vpad)
            }
            return (items, height + 2 * vpad)
        }

        func rule(_ y: Double, _ t: Double) -> PlacedBox {
            PlacedBox(frame: Rect(x: x0, y: y, width: total, height: t), content: .rule(setter.ruleColor))
        }

        // Header: all header rows, top rule above, mid rule below.
        var headItems: [PlacedBox] = [rule(0, heavy)]
        var y = heavy
        for cells in head {
            let r = try row(cells, bold: true)
            headItems += r.items.map { $0.offset(dx: 0, dy: y) }
            y += r.height
        }
        headItems.append(rule(y, lineRule))
        y += lineRule
        let header = Chunk(height: y, items: headItems, keepWithNext: true, kind: .tableHeader,
                           label: table.header.first?.joined(separator: " | ") ?? "")

        var out: [Chunk] = []
        var label = ""
        setter.tableCount += table.caption == nil ? 0 : 1
        if let caption = table.caption {
            label = setter.language.tableLabel(lesson: setter.lesson, index: setter.tableCount)
            let lines = try setter.caption(label: label, text: caption, x: x, width: width)
            var items: [PlacedBox] = []
            var cy = 0.0
            for line in lines {
                cy += line.height
                items += line.boxes(x: lines.count == 1 ? x : x + width * 0.04, baseline: cy, measurer: setter.measurer)
                cy += line.depth
            }
            out.append(Chunk(height: cy + 0.35 * fonts.body, items: items, keepWithNext: true, kind: .caption, label: label))
        }
        // Continuation: "Bảng 2.1 (tiếp theo)" and the header again.
        var cont = header
        cont.label = "continued"
        if !label.isEmpty {
            let f = RunFont(.serif, size: fonts.small, italic: true)
            let text = "\(label) (\(setter.language.continued))"
            let m = setter.measurer.measure(text, font: f)
            let capH = fonts.small * 1.6
            cont.shift(dx: 0, dy: capH)
            cont.items.append(PlacedBox(frame: Rect(x: x + (width - m.width) / 2, y: capH - 0.45 * fonts.small - 0.8 * fonts.small, width: m.width, height: fonts.small),
                                        content: .text(text, f, setter.muted, baseline: capH - 0.45 * fonts.small)))
            cont.height += capH
        }
        if !head.isEmpty { out.append(header) }
        for (i, cells) in body.enumerated() {
            var r = try row(cells, bold: false)
            if i % 2 == 1 {
                r.items.insert(PlacedBox(frame: Rect(x: x0, y: 0, width: total, height: r.height), content: .rule(Color(hex: "#F4F4F1"))), at: 0)
            }
            var h = r.height
            if i == body.count - 1 {
                r.items.append(rule(h, heavy))
                h += heavy
            }
            var c = Chunk(height: h, items: r.items, kind: .table, label: label)
            if !head.isEmpty { c.continuation = [cont] }
            // A page break leaves at least `rowsOnEachSide` rows on either side (never a stub of a
            // table under its caption, nor a few rows under a repeated header); a table too short
            // for that stays whole.
            let n = body.count, m = TableSetter.rowsOnEachSide
            c.keepWithNext = i < n - 1 && (i < m - 1 || i >= n - m)
            out.append(c)
        }
        if body.isEmpty, !out.isEmpty { out[out.count - 1].items.append(rule(out[out.count - 1].height, heavy)); out[out.count - 1].height += heavy }
        if !out.isEmpty {
            out[0].spaceBefore = 0.8 * fonts.body
            out[out.count - 1].spaceAfter = 0.8 * fonts.body
            out[out.count - 1].keepWithNext = false
            // The whole table, for the paginator's choice between splitting it and moving it on.
            out[0].tableHeight = out.reduce(0) { $0 + $1.height }
        }
        return out
    }

    /// A table split across pages keeps at least this many body rows on each page; one of fewer
    /// than twice as many rows is never split.
    static let rowsOnEachSide = 4

    private func measure(_ rows: [[String]], columns: Int, aligns: [Alignment], size: Double, bold: Bool) throws -> [[Cell]] {
        let font = RunFont(.serif, size: size, bold: bold)
        let b = setter.breaker(font, leading: size * 1.3)
        return try rows.map { row in
            try (0..<columns).map { j in
                let text = j < row.count ? row[j] : ""
                if !bold, aligns[j] == .decimal, Table.isNumber(text) {
                    let num = TableSetter.typographicNumber(text)
                    let m = setter.measurer.measure(num, font: font)
                    let point = num.firstIndex(of: ".") ?? num.firstIndex(where: { $0 == "e" || $0 == "E" || $0 == "%" }) ?? num.endIndex
                    let frac = setter.measurer.measure(String(num[point...]), font: font).width
                    return Cell(pieces: [], number: num, natural: m.width, longestWord: m.width,
                                intWidth: m.width - frac, fracWidth: frac)
                }
                let pieces = Inline.parse(text)
                let w = try b.naturalWidth(pieces)
                return Cell(pieces: pieces, number: nil, natural: w.total, longestWord: w.longestWord)
            }
        }
    }
}
