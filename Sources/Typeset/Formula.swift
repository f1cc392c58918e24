import Canvas

/// A formula on its own as a `Drawable`: for a label inside a figure or a line of an exercise sheet.
/// Throws `MathError` for a formula outside the TeX subset.
public struct Formula: Drawable {
    public let tex: String
    public let box: MathBox
    public let color: Color
    private let measurer: TextMeasurer

    public init(_ tex: String, size: Double = 12, display: Bool = true, color: Color = .black,
                measurer: TextMeasurer? = nil) throws {
        let m = measurer ?? CachingMeasurer(PangoMeasurer())
        self.tex = tex
        self.box = try MathLayout(measurer: m, size: size).layout(tex, display: display)
        self.color = color
        self.measurer = m
    }

    /// Width and height (height + depth of the box), with a hair of padding.
    public var preferredSize: Size { Size(box.width + 2, box.height + box.depth + 2) }

    /// Draws the formula centred in `rect`, scaled down if `rect` is smaller than the formula.
    public func draw(in rect: Rect, on canvas: Canvas) throws {
        let s = min(1, rect.width / preferredSize.width, rect.height / preferredSize.height)
        let b = s < 1 ? box.scaled(s) : box
        let x = rect.midX - b.width / 2
        let baseline = rect.midY - (b.height + b.depth) / 2 + b.height
        let page = Page(size: rect.size, number: 0,
                        items: MathPlacement.boxes(b, x: x, baseline: baseline, color: color, measurer: measurer))
        try PageRenderer.draw(page, on: canvas)
    }
}
