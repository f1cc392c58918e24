import Canvas

/// Page size, margins and type sizes of a handout.
public struct PageStyle: Sendable {
    public struct Margins: Sendable, Equatable {
        public var top: Double, bottom: Double, left: Double, right: Double
        public init(top: Double, bottom: Double, left: Double, right: Double) {
            self.top = top; self.bottom = bottom; self.left = left; self.right = right
        }
        public static func all(_ m: Double) -> Margins { Margins(top: m, bottom: m, left: m, right: m) }
    }

    /// Type sizes in points. Body text is DejaVu Serif, headings DejaVu Sans, code DejaVu Sans Mono,
    /// math DejaVu Math TeX Gyre.
    public struct Fonts: Sendable, Equatable {
        public var body: Double
        /// Baseline-to-baseline distance of body text, as a multiple of `body`.
        public var leading: Double
        public var headings: [Double]  // levels 1…4
        public var code: Double
        public var small: Double       // captions, tables, header and footer
        public var title: Double

        public init(body: Double = 10.5, leading: Double = 1.4, headings: [Double] = [16, 13, 11.5, 10.5],
                    code: Double = 8.8, small: Double = 9, title: Double = 22) {
            self.body = body; self.leading = leading; self.headings = headings
            self.code = code; self.small = small; self.title = title
        }
    }

    public var size: Size
    public var margins: Margins
    public var fonts: Fonts
    /// Running header (course, lesson title) and footer (page X of Y).
    public var runningHeader: Bool
    public var accent: Color

    public init(size: Size = .a4, margins: Margins? = nil, fonts: Fonts = Fonts(), runningHeader: Bool = true,
                accent: Color = Color(hex: "#1F3A5F")) {
        self.size = size
        self.margins = margins ?? Margins(top: 72, bottom: 68, left: 70, right: 70)
        self.fonts = fonts
        self.runningHeader = runningHeader
        self.accent = accent
    }

    public static let a4 = PageStyle()
    public static let letter = PageStyle(size: .letter, margins: Margins(top: 72, bottom: 68, left: 72, right: 72))
    /// 16:9 slides: 720 × 405 pt, larger type, narrow margins.
    public static let slides16x9 = PageStyle(
        size: .slides16x9, margins: Margins(top: 40, bottom: 34, left: 40, right: 40),
        fonts: Fonts(body: 13, leading: 1.3, headings: [20, 17, 14, 13], code: 11, small: 9.5, title: 28))

    /// The rectangle text is set in.
    public var contentRect: Rect {
        Rect(x: margins.left, y: margins.top, width: size.width - margins.left - margins.right,
             height: size.height - margins.top - margins.bottom)
    }
}
