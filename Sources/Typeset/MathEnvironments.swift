/// Matrices, cases and aligned derivations: rows of cells, columns aligned, centred on the axis.
extension MathLayout {
    func environment(_ env: MathEnvironment, _ rows: [[[MathNode]]], style: MathStyle) -> MathBox {
        let em = fontSize(style)
        let cellStyle: MathStyle
        switch env {
        case .aligned, .split, .gathered: cellStyle = MathStyle(level: 0, cramped: false)
        default: cellStyle = MathStyle(level: style.level == 0 ? 1 : style.level, cramped: false)
        }
        let columns = rows.map(\.count).max() ?? 0
        // Aligned pairs: "right & left", and the left cell starts with an empty ord so that
        // "&= x" keeps the space around "=".
        let cells: [[MathBox]] = rows.map { row in
            (0..<columns).map { j in
                guard j < row.count else { return MathBox() }
                var nodes = row[j]
                if (env == .aligned || env == .split), j % 2 == 1 { nodes.insert(.group([]), at: 0) }
                return layout(nodes, style: cellStyle)
            }
        }
        enum Align { case left, right, center, decimal }
        let aligns: [Align] = (0..<columns).map { j in
            switch env {
            case .aligned, .split: return j % 2 == 0 ? .right : .left
            case .cases: return .left
            case .gathered: return .center
            default:
                let numeric = rows.allSatisfy { j >= $0.count || MathLayout.numericText($0[j]) != nil }
                return numeric ? .decimal : .center
            }
        }
        // Decimal columns: the part after the point, measured.
        var fracWidth = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows.count)
        for (i, row) in rows.enumerated() {
            for j in 0..<columns where aligns[j] == .decimal && j < row.count {
                if let s = MathLayout.numericText(row[j]), let dot = s.firstIndex(of: ".") {
                    let f = RunFont(.math, size: fontSize(cellStyle))
                    fracWidth[i][j] = measurer.measure(String(s[dot...]), font: f).width
                }
            }
        }
        var colWidth = [Double](repeating: 0, count: columns)
        var maxFrac = [Double](repeating: 0, count: columns)
        var maxInt = [Double](repeating: 0, count: columns)
        for i in rows.indices {
            for j in 0..<columns {
                if aligns[j] == .decimal {
                    maxFrac[j] = max(maxFrac[j], fracWidth[i][j])
                    maxInt[j] = max(maxInt[j], cells[i][j].width - fracWidth[i][j])
                } else {
                    colWidth[j] = max(colWidth[j], cells[i][j].width)
                }
            }
        }
        for j in 0..<columns where aligns[j] == .decimal { colWidth[j] = maxInt[j] + maxFrac[j] }
        let colGap: (Int) -> Double = { j in
            switch env {
            case .aligned, .split: return j % 2 == 0 ? 0 : 2 * em
            case .cases: return 1 * em
            default: return 1 * em
            }
        }
        // Rows: at least a strut (0.85 em high, 0.35 em deep); \jot extra in aligned.
        let strutH = 0.85 * em, strutD = 0.35 * em
        let extra = env == .aligned || env == .split || env == .gathered ? 0.55 * em : (env == .cases ? 0.15 * em : 0.1 * em)
        var body = MathBox()
        var y = 0.0
        for (i, row) in cells.enumerated() {
            let h = max(strutH, row.map(\.height).max() ?? 0)
            let d = max(strutD, row.map(\.depth).max() ?? 0)
            if i > 0 { y -= h + extra }
            var x = 0.0
            for j in 0..<columns {
                let cell = row[j]
                let dx: Double
                switch aligns[j] {
                case .left: dx = 0
                case .right: dx = colWidth[j] - cell.width
                case .center: dx = (colWidth[j] - cell.width) / 2
                case .decimal: dx = maxInt[j] - (cell.width - fracWidth[i][j])
                }
                body.place(cell, x: x + dx, y: y)
                x += colWidth[j] + (j + 1 < columns ? colGap(j) : 0)
            }
            body.height = max(body.height, y + h)
            body.depth = max(body.depth, -(y - d))
            y -= d
        }
        body.width = colWidth.reduce(0, +) + (0..<max(columns - 1, 0)).map(colGap).reduce(0, +)
        // Centre the block on the axis.
        let total = body.height + body.depth
        let shift = axis(style) + total / 2 - body.height
        var centred = MathBox()
        centred.place(body, x: 0, y: shift)
        centred.width = body.width
        switch env {
        case .bmatrix: return fence(.bracket, centred, .closeBracket, style: style)
        case .pmatrix: return fence(.paren, centred, .closeParen, style: style)
        case .Bmatrix: return fence(.brace, centred, .closeBrace, style: style)
        case .vmatrix: return fence(.vert, centred, .vert, style: style)
        case .Vmatrix: return fence(.doubleVert, centred, .doubleVert, style: style)
        case .cases: return fence(.brace, centred, .none, style: style)
        case .matrix:
            var m = MathBox()
            m.append(centred, kern: 0.1 * em)
            m.width += 0.1 * em
            return m
        default: return centred
        }
    }

    /// Brackets exactly spanning the rows, plus a little overhang.
    func fence(_ l: MathDelimiter, _ body: MathBox, _ r: MathDelimiter, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        let over = 0.12 * em
        let top = body.height + over, bottom = -body.depth - over
        var box = delimiterBox(l, bottom: bottom, top: top, style: style)
        box.append(body, kern: 0.06 * em)
        if r != .none {
            box.append(delimiterBox(r, bottom: bottom, top: top, style: style), kern: 0.06 * em)
        } else {
            box.width += 0.1 * em
        }
        return box
    }

    /// "-0.25" for a cell that is just a (signed) number, else nil.
    static func numericText(_ nodes: [MathNode]) -> String? {
        var s = ""
        for n in nodes {
            guard case .symbol(let t, _, _) = n else { return nil }
            s += t
        }
        let body = s.hasPrefix("−") ? String(s.dropFirst()) : s
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || $0 == "." }),
              body.filter({ $0 == "." }).count <= 1 else { return nil }
        return s
    }
}
