import Canvas

/// The one look shared by every figure: DejaVu Sans, Okabe–Ito colours, sizes legible in print.
/// No text is smaller than `minimumTextSize` points at the figure's printed size (figures are
/// drawn at their size in points; nothing scales text down).
public struct Theme: Sendable {
    public var font: FontFamily = .sans
    public var titleSize: Double = 10.5
    public var labelSize: Double = 9
    public var tickSize: Double = 8
    /// Weights on edges, values beside nodes, counts in cells.
    public var annotationSize: Double = 7.5
    public var minimumTextSize: Double = 7

    public var text = Color(hex: "#1A1A1A")
    public var axis = Color(hex: "#404040")
    public var grid = Color(hex: "#E3E3E3")
    public var background = Color.white
    /// Positive weights and negative weights (blue and vermillion of Okabe–Ito).
    public var positive = Color(hex: "#0072B2")
    public var negative = Color(hex: "#D55E00")
    /// The same two, darkened for text on white (contrast ≥ 4.5:1).
    public var positiveText = Color(hex: "#005A8C")
    public var negativeText = Color(hex: "#A84A00")
    public var nodeFill = Color(hex: "#FFFFFF")
    public var nodeStroke = Color(hex: "#333333")
    public var biasFill = Color(hex: "#EDEDED")
    public var lineWidth: Double = 1.5
    public var numbers = NumberFormat.standard

    public init() {}

    public static let standard = Theme()

    /// The colour of class (or series) `k`.
    public func color(ofClass k: Int) -> Color { OkabeIto.color(ofClass: k).color }

    func style(_ size: Double, bold: Bool = false, color: Color? = nil) -> TextStyle {
        TextStyle(family: font, size: max(size, minimumTextSize), bold: bold, color: color ?? text)
    }
    var titleStyle: TextStyle { style(titleSize, bold: true) }
    var labelStyle: TextStyle { style(labelSize) }
    var tickStyle: TextStyle { style(tickSize) }
    var annotationStyle: TextStyle { style(annotationSize) }
}

extension RGB8 {
    var color: Color { Color(r8: Int(r), g8: Int(g), b8: Int(b)) }
}

extension XY {
    var point: Point { Point(x, y) }
}

extension Box {
    init(_ r: Rect) { self.init(minX: r.minX, minY: r.minY, maxX: r.maxX, maxY: r.maxY) }
    var rect: Rect { Rect(x: minX, y: minY, width: width, height: height) }
}

extension Rect {
    var box: Box { Box(self) }
}
