import Canvas

/// Breaks the vertical list into pages: a chunk goes on the current page if it fits; chunks marked
/// keep-with-next go over together (no heading or caption at the foot of a page, no single first or
/// last line of a paragraph); a table row starting a page brings its header with it; a table that
/// would fit on a page moves to the next one whole rather than split, unless most of this page
/// would be left empty.
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
                newPage()
                continue
            }
            // A figure that does not fit floats to the top of the next page; the text after it
            // fills this page first (figures never pass each other, so their numbers stay in order).
            if c.kind == .figure, hasContent, y + gap(c) + c.height > height, height - y > 0.15 * height {
                var k = i + 1
                var acc = 0.0
                var after = lastSpaceAfter
                while k < chunks.count, Paginator.floatsPast.contains(chunks[k].kind), !chunks[k].forceBreakBefore {
                    let add = after + chunks[k].spaceBefore + chunks[k].height
                    if y + acc + add > height { break }
                    acc += add
                    after = chunks[k].spaceAfter
                    k += 1
                }
                // What goes ahead must end where it may be parted from what follows: never a
                // paragraph's first line alone, nor "the truth table demands:" without its formula.
                while k > i + 1, chunks[k - 1].keepWithNext { k -= 1 }
                if k > i + 1 {
                    let moved = Array(chunks[(i + 1)..<k])
                    chunks.removeSubrange((i + 1)..<k)
                    chunks.insert(contentsOf: moved, at: i)
                    continue
                }
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

    /// What a deferred figure may let go ahead of it.
    static let floatsPast: Set<PageRegionKind> = [.paragraph, .listItem, .quote, .math]

    private func isContinuation(_ p: Placed) -> Bool {
        p.chunk.kind == .tableHeader && p.chunk.label == "continued"
    }
}
