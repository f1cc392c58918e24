import Canvas

/// Draws laid-out pages with Canvas: a multi-page PDF, or one page as PNG.
public enum PageRenderer {
    /// All pages into one PDF (written to a temporary file and renamed when complete).
    public static func pdf(_ pages: [Page], to path: String, title: String, author: String? = nil) throws {
        let doc = try PDFDocument(path: path, title: title, author: author)
        for page in pages {
            let canvas = doc.beginPage(size: page.size)
            try draw(page, on: canvas)
            try doc.endPage()
        }
        try doc.finish()
    }

    /// One page as a PNG at `dpi`.
    public static func png(_ page: Page, dpi: Double = 150, to path: String) throws {
        try Render.png(size: page.size, dpi: dpi, background: .white, to: path) { canvas in
            try draw(page, on: canvas)
        }
    }

    /// Draws a page's boxes on `canvas` (origin at the page's top-left corner).
    public static func draw(_ page: Page, on canvas: Canvas) throws {
        for item in page.items {
            switch item.content {
            case .rule(let color):
                canvas.fill(item.frame, color)
            case .text(let s, let font, let color, let baseline):
                let layout = try canvas.layout(s, style: PangoMeasurer.textStyle(font, color: color))
                canvas.draw(layout, at: Point(item.frame.minX, baseline - layout.baseline))
            case .shape(let shape, let color):
                canvas.newPath()
                for e in shape.elements {
                    switch e {
                    case .move(let x, let y): canvas.move(to: Point(x, y))
                    case .line(let x, let y): canvas.line(to: Point(x, y))
                    case .curve(let x, let y, let c1x, let c1y, let c2x, let c2y):
                        canvas.curve(to: Point(x, y), control1: Point(c1x, c1y), control2: Point(c2x, c2y))
                    case .close: canvas.close()
                    }
                }
                if shape.fill {
                    canvas.fill(color)
                } else {
                    canvas.stroke(color, width: shape.lineWidth, cap: .round, join: .round)
                }
            case .figure(let drawable):
                canvas.save()
                canvas.clip(to: item.frame.insetBy(-2))
                try drawable.draw(in: item.frame, on: canvas)
                canvas.restore()
            }
        }
        try canvas.check("drawing page \(page.number)")
    }
}
