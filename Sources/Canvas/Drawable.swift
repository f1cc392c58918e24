/// Something that draws itself into a rectangle of any Canvas: a figure, a math formula, a page box.
public protocol Drawable {
    /// The size it is designed for, in points (its natural size on the page).
    var preferredSize: Size { get }
    /// Draws into `rect` (which may differ from `preferredSize`) on `canvas`.
    func draw(in rect: Rect, on canvas: Canvas) throws
}

/// Output formats of a single drawing.
public enum ImageFormat: String, Sendable, CaseIterable {
    case pdf, png, svg

    /// The format named by a path's extension ("loss.png" → .png), nil for anything else.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

extension Drawable {
    /// Renders this drawable alone, at its preferred size, to `path` (PNG at `dpi`, PDF or SVG).
    public func render(to path: String, format: ImageFormat, dpi: Double = 150, background: Color = .white) throws {
        let size = preferredSize
        let body: (Canvas) throws -> Void = { canvas in try self.draw(in: Rect(size), on: canvas) }
        switch format {
        case .png: try Render.png(size: size, dpi: dpi, background: background, to: path, draw: body)
        case .svg: try Render.svg(size: size, to: path, draw: body)
        case .pdf: try Render.pdf(size: size, to: path, draw: body)
        }
    }
}
