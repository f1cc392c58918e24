/// One step of an outline drawn for a delimiter, radical sign or accent. Coordinates are points.
public enum PathElement: Equatable, Sendable {
    case move(Double, Double)
    case line(Double, Double)
    case curve(Double, Double, c1x: Double, c1y: Double, c2x: Double, c2y: Double)
    case close

    func mapped(_ f: (Double, Double) -> (Double, Double)) -> PathElement {
        switch self {
        case .move(let x, let y): let (a, b) = f(x, y); return .move(a, b)
        case .line(let x, let y): let (a, b) = f(x, y); return .line(a, b)
        case .curve(let x, let y, let c1x, let c1y, let c2x, let c2y):
            let (a, b) = f(x, y), (c, d) = f(c1x, c1y), (e, g) = f(c2x, c2y)
            return .curve(a, b, c1x: c, c1y: d, c2x: e, c2y: g)
        case .close: return .close
        }
    }
}

/// A drawn shape: filled, or stroked with `lineWidth`.
public struct PathShape: Equatable, Sendable {
    public var elements: [PathElement]
    public var fill: Bool
    public var lineWidth: Double

    public init(_ elements: [PathElement], fill: Bool, lineWidth: Double = 0) {
        self.elements = elements
        self.fill = fill
        self.lineWidth = lineWidth
    }
}

/// What a math box is made of, in the box's own coordinates: x to the right from the box's left
/// edge, y UP from its baseline (TeX's convention; the page flips it).
public enum MathItem: Equatable, Sendable {
    /// A glyph run whose baseline is at (x, y).
    case glyphs(String, RunFont, x: Double, y: Double)
    /// A filled rectangle (fraction bar, overline) with its bottom-left corner at (x, y).
    case rule(x: Double, y: Double, width: Double, height: Double)
    case path(PathShape)

    func shifted(dx: Double, dy: Double) -> MathItem {
        switch self {
        case .glyphs(let s, let f, let x, let y): return .glyphs(s, f, x: x + dx, y: y + dy)
        case .rule(let x, let y, let w, let h): return .rule(x: x + dx, y: y + dy, width: w, height: h)
        case .path(var p):
            p.elements = p.elements.map { $0.mapped { ($0 + dx, $1 + dy) } }
            return .path(p)
        }
    }
}

/// TeX's box: a width, a height above the baseline and a depth below it, and what is inside.
public struct MathBox: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public var depth: Double
    public var items: [MathItem]

    public init(width: Double = 0, height: Double = 0, depth: Double = 0, items: [MathItem] = []) {
        self.width = width
        self.height = height
        self.depth = depth
        self.items = items
    }

    /// Puts `box` with its origin at (x, y) (y up), growing this box's height and depth to hold it.
    mutating func place(_ box: MathBox, x: Double, y: Double) {
        items.append(contentsOf: box.items.map { $0.shifted(dx: x, dy: y) })
        height = max(height, box.height + y)
        depth = max(depth, box.depth - y)
        width = max(width, x + box.width)
    }

    /// Appends `box` on the right, on the same baseline, `kern` points after the current width.
    mutating func append(_ box: MathBox, kern: Double = 0) {
        let x = width + kern
        place(box, x: x, y: 0)
        width = x + box.width
    }

    /// The glyph runs inside, with their baseline positions: handy for tests.
    public var glyphRuns: [(text: String, x: Double, y: Double, size: Double)] {
        items.compactMap {
            if case .glyphs(let s, let f, let x, let y) = $0 { return (s, x, y, f.size) }
            return nil
        }
    }

    public var rules: [(x: Double, y: Double, width: Double, height: Double)] {
        items.compactMap {
            if case .rule(let x, let y, let w, let h) = $0 { return (x, y, w, h) }
            return nil
        }
    }

    public var paths: [PathShape] {
        items.compactMap { if case .path(let p) = $0 { return p }; return nil }
    }
}

/// The font's MATH constants (DejaVu Math TeX Gyre, read from its MATH table; units of the em).
public struct MathConstants: Sendable {
    public var scriptScale = 0.80, scriptScriptScale = 0.65
    public var axisHeight = 0.275
    public var accentBaseHeight = 0.539
    public var subscriptShiftDown = 0.277, subscriptTopMax = 0.33, subscriptBaselineDropMin = 0.138
    public var superscriptShiftUp = 0.381, superscriptShiftUpCramped = 0.312
    public var superscriptBottomMin = 0.22, superscriptBaselineDropMax = 0.277
    public var subSuperscriptGapMin = 0.12, superscriptBottomMaxWithSubscript = 0.335
    public var spaceAfterScript = 0.04
    public var upperLimitGapMin = 0.096, upperLimitBaselineRiseMin = 0.096
    public var lowerLimitGapMin = 0.096, lowerLimitBaselineDropMin = 0.511
    public var fractionNumeratorShiftUp = 0.403, fractionNumeratorDisplayShiftUp = 0.635
    public var fractionDenominatorShiftDown = 0.268, fractionDenominatorDisplayShiftDown = 0.637
    public var fractionNumeratorGapMin = 0.096, fractionNumeratorDisplayGapMin = 0.12
    public var fractionDenominatorGapMin = 0.096, fractionDenominatorDisplayGapMin = 0.12
    public var fractionRuleThickness = 0.064
    public var stackTopShiftUp = 0.403, stackTopDisplayShiftUp = 0.635
    public var stackBottomShiftDown = 0.268, stackBottomDisplayShiftDown = 0.637
    public var overbarVerticalGap = 0.096, overbarRuleThickness = 0.052
    public var radicalVerticalGap = 0.096, radicalDisplayVerticalGap = 0.096
    public var radicalRuleThickness = 0.052, radicalExtraAscender = 0.096
    public var displayOperatorMinHeight = 1.333
    public var delimitedSubFormulaMinHeight = 1.333

    public init() {}
}
