import Canvas

/// What a placed box shows.
public enum BoxContent {
    /// A run of text in one font, its baseline at `baseline` (page y). Pango shapes it when drawn.
    case text(String, RunFont, Color, baseline: Double)
    /// The frame filled with a colour (rules, fraction bars, table lines, shading).
    case rule(Color)
    /// An outline in page coordinates (delimiters, radical signs, accents, bullets).
    case shape(PathShape, Color)
    /// A figure drawn into the frame.
    case figure(any Drawable)
}

/// A box at its place on a page. Coordinates are points from the page's top-left corner, y down.
public struct PlacedBox {
    public var frame: Rect
    public var content: BoxContent

    public init(frame: Rect, content: BoxContent) {
        self.frame = frame
        self.content = content
    }

    public var text: String? {
        if case .text(let s, _, _, _) = content { return s }
        return nil
    }

    public var baseline: Double? {
        if case .text(_, _, _, let b) = content { return b }
        return nil
    }

    func offset(dx: Double, dy: Double) -> PlacedBox {
        var b = self
        b.frame = frame.offsetBy(dx: dx, dy: dy)
        switch content {
        case .text(let s, let f, let c, let base): b.content = .text(s, f, c, baseline: base + dy)
        case .shape(var p, let c):
            p.elements = p.elements.map { $0.mapped { ($0 + dx, $1 + dy) } }
            b.content = .shape(p, c)
        default: break
        }
        return b
    }
}

/// What a page holds, for tests and for the contents: which block kind a region came from.
public enum PageRegionKind: String, Sendable, Equatable {
    case heading, paragraph, listItem, quote, code, math, table, tableHeader, caption, figure
    case title, contents, header, footer
}

/// A region of a page filled by one chunk of a block (a line, a table row, a figure…).
public struct PageRegion: Equatable, Sendable {
    public var kind: PageRegionKind
    public var frame: Rect
    /// For headings: level and text; for tables: which table (0-based in the document).
    public var level: Int
    public var label: String
}

/// A laid-out page: pure boxes with positions; `PageRenderer` draws it.
public struct Page {
    public var size: Size
    /// 1-based number of the page in its document or handout.
    public var number: Int
    public var items: [PlacedBox]
    /// Where each chunk of content went, in order (the running header and footer are last).
    public var regions: [PageRegion]

    public init(size: Size, number: Int, items: [PlacedBox] = [], regions: [PageRegion] = []) {
        self.size = size
        self.number = number
        self.items = items
        self.regions = regions
    }

    /// All text on the page, in placement order, runs joined by spaces.
    public var plainText: String {
        items.compactMap(\.text).joined(separator: " ")
    }
}
