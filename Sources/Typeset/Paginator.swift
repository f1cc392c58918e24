import Canvas

/// Breaks the vertical list into pages: a chunk goes on the current page if it fits; chunks marked
/// keep-with-next go over together (no heading or caption at the foot of a page, no single first or
/// last line of a paragraph); a table row starting a page brings its header with it; a table that
/// would fit on a page moves to the next one whole rather than split, unless most of this page
/// would be left empty. A figure, or a table that moves whole, that does not fit lets the text
/// after it (headings with their first lines included) fill this page first, as LaTeX's floats do.
struct Paginator {
    let height: Double

    struct Placed {
        var chunk: Chunk
        var y: Double
    }

    func paginate(_ input: [Chunk]) -> [[Placed]] {
        var chunks = input
        var pages: [[Placed]] = []
        var page: [Placed] = []
        var y = 0.0
        var lastSpaceAfter = 0.0
        func newPage() {
            pages.append(page)
            page = []
            y = 0
            lastSpaceAfter = 0
        }
        func gap(_ c: Chunk) -> Double { page.isEmpty ? 0 : lastSpaceAfter + c.spaceBefore }
        func place(_ c: Chunk) {
            let top = y + gap(c)
            page.append(Placed(chunk: c, y: top))
            y = top + c.height
            lastSpaceAfter = c.spaceAfter
        }
        var i = 0
        while i < chunks.count {
            let c = chunks[i]
            if c.forceBreakBefore && !page.isEmpty {
                newPage()
                continue
            }
            if page.isEmpty && !c.continuation.isEmpty {
                for h in c.continuation { place(h) }
            }
            // The keep-with-next chain starting here.
            // `whole`: the chain up to the end of a table that starts in it.
            var chain = gap(c) + c.height
            var whole = c.tableHeight.map { gap(c) + $0 }
            var k = i
            while chunks[k].keepWithNext && k + 1 < chunks.count && !chunks[k + 1].forceBreakBefore {
                let step = chunks[k].spaceAfter + chunks[k + 1].spaceBefore
                if whole == nil, let t = chunks[k + 1].tableHeight { whole = chain + step + t }
                chain += step + chunks[k + 1].height
                k += 1
            }
            let hasContent = page.contains { !isContinuation($0) }
            // A table that does not fit in what is left of the page but fits on a page of its own
            // goes over whole (with what leads into it), unless that leaves most of this page empty:
            // then it is split, and the table setter's keeps leave enough rows on each side.
            if let w = whole, hasContent, y + w > height, w - gap(c) <= height,
               height - y < Paginator.tableSplitRoom * height {
                // A table alone (its caption or header starts the chain) lets the text after it fill
                // this page first, like a figure. One led into by text ("…as follows:", a heading
                // and its formula) does not: the text after it would go ahead of that text.
                if c.tableHeight != nil,
                   floatAhead(&chunks, float: i..<tableEnd(chunks, from: i), y: y, lastSpaceAfter: lastSpaceAfter) {
                    continue
                }
                newPage()
                continue
            }
            // A figure that does not fit floats to the top of the next page; the text after it
            // fills this page first (figures never pass each other, so their numbers stay in order).
            if c.kind == .figure, hasContent, y + gap(c) + c.height > height, height - y > 0.15 * height,
               floatAhead(&chunks, float: i..<(i + 1), y: y, lastSpaceAfter: lastSpaceAfter) {
                continue
            }
            if y + chain > height && hasContent && chain - gap(c) <= height {
                newPage()
                continue
            }
            if y + gap(c) + c.height > height && hasContent {
                newPage()
                continue
            }
            place(c)
            i += 1
        }
        if !page.isEmpty { pages.append(page) }
        return pages
    }

    /// A table that would fit on a page is split only when more than this share of the page is
    /// left for it; otherwise it moves whole to the next page.
    static let tableSplitRoom = 0.5

    /// What a deferred figure or table may let go ahead of it: text, and headings with the text
    /// under them (never a heading alone: it keeps with next, see `floatAhead`).
    static let floatsPast: Set<PageRegionKind> = [.paragraph, .listItem, .quote, .math, .heading]

    /// LaTeX's floats: `float` (a figure, or a table with its caption) goes to the next page;
    /// the blocks after it that fit in the `height − y` left here move ahead of it. What moves ends
    /// where it may be parted from what follows (never a heading or a paragraph's first line alone,
    /// nor "the truth table demands:" without its formula), and stops at the next figure, table or
    /// forced break, so figures and tables keep their order and their numbers. Returns whether
    /// anything moved.
    private func floatAhead(_ chunks: inout [Chunk], float: Range<Int>, y: Double, lastSpaceAfter: Double) -> Bool {
        var k = float.upperBound
        var acc = 0.0
        var after = lastSpaceAfter
        while k < chunks.count, Paginator.floatsPast.contains(chunks[k].kind), !chunks[k].forceBreakBefore {
            let add = after + chunks[k].spaceBefore + chunks[k].height
            if y + acc + add > height { break }
            acc += add
            after = chunks[k].spaceAfter
            k += 1
        }
        while k > float.upperBound, chunks[k - 1].keepWithNext { k -= 1 }
        // A whole section may not go ahead: the figure would come after it, between two sections
        // that are not its own (lesson 4: "Summary" read before the XOR figure, which then sat
        // above "Exercises"). A heading goes ahead only when its section continues after the figure.
        while let h = chunks[float.upperBound..<k].lastIndex(where: { $0.kind == .heading }),
              sectionEnds(chunks, at: k, level: chunks[h].level) {
            k = chunks[float.upperBound..<h].lastIndex(where: { $0.kind != .heading }).map { $0 + 1 } ?? float.upperBound
            while k > float.upperBound, chunks[k - 1].keepWithNext { k -= 1 }
        }
        guard k > float.upperBound else { return false }
        let moved = Array(chunks[float.upperBound..<k])
        chunks.removeSubrange(float.upperBound..<k)
        chunks.insert(contentsOf: moved, at: float.lowerBound)
        return true
    }

    /// Whether a section of heading `level` ends before chunk `k`: at the end, a forced break, or
    /// a heading of the same level or above.
    private func sectionEnds(_ chunks: [Chunk], at k: Int, level: Int) -> Bool {
        k >= chunks.count || chunks[k].forceBreakBefore || (chunks[k].kind == .heading && chunks[k].level <= level)
    }

    /// One past the last chunk of the table that starts at `i` (its caption, header and rows).
    private func tableEnd(_ chunks: [Chunk], from i: Int) -> Int {
        var k = i
        while k < chunks.count, chunks[k].tableHeight == nil { k += 1 }
        k += 1
        while k < chunks.count, chunks[k].tableHeight == nil,
              chunks[k].kind == .table || chunks[k].kind == .tableHeader { k += 1 }
        return min(k, chunks.count)
    }

    private func isContinuation(_ p: Placed) -> Bool {
        p.chunk.kind == .tableHeader && p.chunk.label == "continued"
    }
}
