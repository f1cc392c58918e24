/// TeX's four styles (display, text, script, scriptscript), cramped or not.
public struct MathStyle: Equatable, Sendable {
    public var level: Int  // 0 display, 1 text, 2 script, 3 scriptscript
    public var cramped: Bool

    public static let display = MathStyle(level: 0, cramped: false)
    public static let text = MathStyle(level: 1, cramped: false)

    var isDisplay: Bool { level == 0 }
    var superscript: MathStyle { MathStyle(level: level <= 1 ? 2 : 3, cramped: cramped) }
    var `subscript`: MathStyle { MathStyle(level: level <= 1 ? 2 : 3, cramped: true) }
    var numerator: MathStyle { MathStyle(level: level == 0 ? 1 : min(level + 1, 3), cramped: cramped) }
    var denominator: MathStyle { MathStyle(level: level == 0 ? 1 : min(level + 1, 3), cramped: true) }
    var crampedStyle: MathStyle { MathStyle(level: level, cramped: true) }
}

/// Lays a parsed formula out as boxes (TeX's Appendix G, with the OpenType MATH constants of
/// DejaVu Math TeX Gyre). Pure arithmetic on measured glyph runs: no drawing.
public struct MathLayout {
    public let measurer: TextMeasurer
    public let size: Double
    public let constants: MathConstants

    public init(measurer: TextMeasurer, size: Double, constants: MathConstants = MathConstants()) {
        self.measurer = measurer
        self.size = size
        self.constants = constants
    }

    /// Parse and lay out `tex` in display or text style.
    public func layout(_ tex: String, display: Bool) throws -> MathBox {
        let nodes = try MathParser.parse(tex)
        return layout(nodes, style: display ? .display : .text)
    }

    func fontSize(_ s: MathStyle) -> Double {
        switch s.level {
        case 0, 1: return size
        case 2: return size * constants.scriptScale
        default: return size * constants.scriptScriptScale
        }
    }

    /// The math axis (where fraction bars and the middle of = sit) above the baseline.
    public func axis(_ s: MathStyle) -> Double { constants.axisHeight * fontSize(s) }

    // MARK: lists and spacing

    private struct Atom {
        var box: MathBox
        var cls: MathClass
    }

    public func layout(_ nodes: [MathNode], style initial: MathStyle) -> MathBox {
        var style = initial
        var atoms: [Atom] = []
        for node in nodes {
            if case .styleChange(let display) = node {
                style = MathStyle(level: display ? 0 : 1, cramped: style.cramped)
                continue
            }
            atoms.append(atom(node, style: style))
        }
        // TeX's rules 5 and 6: a binary operator with nothing to operate on is ordinary.
        for i in atoms.indices where atoms[i].cls == .bin {
            let prev = i > 0 ? atoms[i - 1].cls : nil
            if prev == nil || [.bin, .op, .rel, .open, .punct].contains(prev!) {
                atoms[i].cls = .ord
            }
            if i + 1 < atoms.count, [.rel, .close, .punct].contains(atoms[i + 1].cls) {
                atoms[i].cls = .ord
            }
        }
        if let last = atoms.last, last.cls == .bin { atoms[atoms.count - 1].cls = .ord }
        var box = MathBox()
        let mu = fontSize(initial) / 18
        for (i, a) in atoms.enumerated() {
            let kern = i == 0 ? 0 : MathLayout.space(atoms[i - 1].cls, a.cls, script: initial.level >= 2) * mu
            box.append(a.box, kern: kern)
        }
        return box
    }

    /// Space in mu between two classes (TeXbook p. 170).
    // 0 none, 1 thin, 2 medium, 3 thick; negative = only in display/text styles
    private static let spacing: [MathClass: [MathClass: Int]] = [
        .ord: [.op: 1, .bin: -2, .rel: -3, .inner: -1],
        .op: [.ord: 1, .op: 1, .rel: -3, .inner: -1],
        .bin: [.ord: -2, .op: -2, .open: -2, .inner: -2],
        .rel: [.ord: -3, .op: -3, .open: -3, .inner: -3],
        .open: [:],
        .close: [.op: 1, .bin: -2, .rel: -3, .inner: -1],
        .punct: [.ord: -1, .op: -1, .rel: -1, .open: -1, .close: -1, .punct: -1, .inner: -1],
        .inner: [.ord: -1, .op: 1, .bin: -2, .rel: -3, .open: -1, .punct: -1, .inner: -1],
    ]

    static func space(_ l: MathClass, _ r: MathClass, script: Bool) -> Double {
        let v = spacing[l]?[r] ?? 0
        if v < 0 && script { return 0 }
        switch abs(v) {
        case 1: return 3
        case 2: return 4
        case 3: return 5
        default: return 0
        }
    }

    // MARK: atoms

    private func atom(_ node: MathNode, style: MathStyle) -> Atom {
        switch node {
        case .symbol(let s, let cls, let v):
            return Atom(box: glyphs(s, variant: v, style: style), cls: cls)
        case .group(let list):
            return Atom(box: layout(list, style: style), cls: .ord)
        case .scripts(let base, let sub, let sup):
            return scripts(base: base, sub: sub, sup: sup, style: style)
        case .fraction(let num, let den, let fs):
            return Atom(box: fraction(num, den, fs, style: style), cls: .inner)
        case .radical(let body, let index):
            return Atom(box: radical(body, index: index, style: style), cls: .ord)
        case .largeOperator(let s, _):
            return Atom(box: largeOperator(s, style: style), cls: .op)
        case .operatorName(let name, _):
            return Atom(box: operatorName(name, style: style), cls: .op)
        case .accent(let a, let base):
            return Atom(box: accent(a, base, style: style), cls: .ord)
        case .text(let s):
            let f = RunFont(.serif, size: fontSize(style))
            let m = measurer.measure(s, font: f)
            return Atom(box: MathBox(width: m.width, height: m.inkAscent, depth: m.inkDescent,
                                     items: [.glyphs(s, f, x: 0, y: 0)]), cls: .ord)
        case .leftRight(let l, let body, let r):
            return Atom(box: leftRight(l, body, r, style: style), cls: .inner)
        case .sizedDelimiter(let d, let scale, let cls):
            let em = fontSize(style)
            let h = scale * em
            let a = axis(style)
            return Atom(box: delimiterBox(d, bottom: a - h / 2, top: a + h / 2, style: style), cls: cls)
        case .environment(let env, let rows):
            return Atom(box: environment(env, rows, style: style), cls: env == .aligned || env == .split ? .ord : .inner)
        case .space(let mu):
            return Atom(box: MathBox(width: mu * fontSize(style) / 18), cls: .ord)
        case .underbrace(let body, let label):
            return Atom(box: underbrace(body, label: label, style: style), cls: .ord)
        case .styleChange:
            return Atom(box: MathBox(), cls: .ord)
        }
    }

    func glyphs(_ s: String, variant v: MathVariant, style: MathStyle) -> MathBox {
        let text = MathAlphabets.map(s, v)
        let f = RunFont(v == .text ? .serif : .math, size: fontSize(style))
        let m = measurer.measure(text, font: f)
        return MathBox(width: m.width, height: m.inkAscent, depth: m.inkDescent,
                       items: [.glyphs(text, f, x: 0, y: 0)])
    }

    // MARK: scripts and limits

    private func isCharacter(_ n: MathNode) -> Bool {
        if case .symbol = n { return true }
        return false
    }

    private func isItalic(_ n: MathNode) -> Bool {
        if case .symbol(_, _, let v) = n { return v == .italic }
        return false
    }

    /// TeX's italic correction, roughly: how far a slanted letter's top leans past its advance.
    private func italicCorrection(_ n: MathNode) -> Double {
        guard case .symbol(let s, _, .italic) = n, let last = s.last else { return 0 }
        switch last {
        case "f": return 0.1
        case "V", "W", "Y", "T", "F", "P", "U", "X", "H", "K", "I", "J", "C", "E", "N", "M", "Z": return 0.05
        default: return 0.01
        }
    }

    /// A superscript that is only primes: ′ is drawn at the base's size, on its baseline, as the
    /// Unicode math font intends (its glyph sits at superscript height), whatever the base: f′, σ′
    /// and tanh′ get the same prime.
    private func primes(_ n: MathNode?) -> String? {
        if case .symbol(let s, _, _)? = n, !s.isEmpty, s.allSatisfy({ $0 == "′" || $0 == "″" }) { return s }
        return nil
    }

    /// The kern before a prime, in em: its ink starts about 0.05 em past the base's ink. In DejaVu
    /// Math TeX Gyre a math italic ends 0.08 em short of its advance and an upright letter about
    /// 0.03 em; the prime's ink starts 0.06 em into its own box. (Adding the base's italic
    /// correction instead left f ′ with a fifth of an em between them.)
    static func primeKern(after base: MathNode) -> Double {
        switch base {
        case .symbol(_, _, .italic): return -0.09
        case .symbol, .operatorName: return -0.04
        default: return 0
        }
    }

    /// The base with its primes appended, or nil when `sup` is not primes.
    private func withPrimes(_ base: MathBox, _ node: MathNode, sup: MathNode?, style: MathStyle) -> MathBox? {
        guard let p = primes(sup) else { return nil }
        var b = base
        b.append(glyphs(p, variant: .upright, style: style), kern: MathLayout.primeKern(after: node) * fontSize(style))
        return b
    }

    private func scripts(base: MathNode, sub: MathNode?, sup: MathNode?, style: MathStyle) -> Atom {
        // Operators with limits in display style: above and below.
        switch base {
        case .largeOperator(let s, let limits):
            let b = largeOperator(s, style: style)
            if limits ?? style.isDisplay { return Atom(box: limitsBox(b, sub: sub, sup: sup, style: style), cls: .op) }
            return Atom(box: attachScripts(b, sub: sub, sup: sup, style: style, character: false, italic: 0, op: true), cls: .op)
        case .operatorName(let name, let limits):
            var b = operatorName(name, style: style)
            if limits && style.isDisplay { return Atom(box: limitsBox(b, sub: sub, sup: sup, style: style), cls: .op) }
            var sup = sup
            if let primed = withPrimes(b, base, sup: sup, style: style) {
                b = primed
                sup = nil
                if sub == nil { return Atom(box: b, cls: .op) }
            }
            return Atom(box: attachScripts(b, sub: sub, sup: sup, style: style, character: true, italic: 0, op: false), cls: .op)
        default:
            var a = atom(base, style: style)
            let cls: MathClass = a.cls == .bin || a.cls == .rel || a.cls == .open || a.cls == .close ? a.cls : (isCharacter(base) ? a.cls : .ord)
            var sup = sup
            if let primed = withPrimes(a.box, base, sup: sup, style: style) {
                a.box = primed
                sup = nil
                if sub == nil { return Atom(box: a.box, cls: cls) }
            }
            return Atom(box: attachScripts(a.box, sub: sub, sup: sup, style: style,
                                           character: isCharacter(base), italic: italicCorrection(base), op: false), cls: cls)
        }
    }

    /// Rule 18: superscript raised, subscript lowered, both kept apart.
    func attachScripts(_ base: MathBox, sub: MathNode?, sup: MathNode?, style: MathStyle,
                       character: Bool, italic: Double, op: Bool) -> MathBox {
        let em = fontSize(style)
        let c = constants
        var box = base
        let supBox = sup.map { layout([$0], style: style.superscript) }
        let subBox = sub.map { layout([$0], style: style.subscript) }
        var u = 0.0, v = 0.0
        if let p = supBox {
            u = (style.cramped ? c.superscriptShiftUpCramped : c.superscriptShiftUp) * em
            if !character { u = max(u, base.height - c.superscriptBaselineDropMax * fontSize(style.superscript)) }
            u = max(u, p.depth + c.superscriptBottomMin * em)
        }
        if let b = subBox {
            v = c.subscriptShiftDown * em
            if !character { v = max(v, base.depth + c.subscriptBaselineDropMin * fontSize(style.subscript)) }
            v = max(v, b.height - c.subscriptTopMax * em)
        }
        if let p = supBox, let b = subBox {
            let gap = (u - p.depth) - (b.height - v)
            if gap < c.subSuperscriptGapMin * em {
                v += c.subSuperscriptGapMin * em - gap
                let lift = c.superscriptBottomMaxWithSubscript * em - (u - p.depth)
                if lift > 0 { u += lift; v -= lift }
            }
        }
        let x = base.width
        let italicCorrection = op ? 0.08 * em : italic * em
        var right = x
        if let p = supBox {
            box.place(p, x: x + italicCorrection, y: u)
            right = max(right, x + italicCorrection + p.width)
        }
        if let b = subBox {
            let sx = op ? x - italicCorrection * 0.5 : x
            box.place(b, x: sx, y: -v)
            right = max(right, sx + b.width)
        }
        box.width = right + c.spaceAfterScript * em
        return box
    }

    private func limitsBox(_ base: MathBox, sub: MathNode?, sup: MathNode?, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        let c = constants
        let supBox = sup.map { layout([$0], style: style.superscript) }
        let subBox = sub.map { layout([$0], style: style.subscript) }
        let w = max(base.width, supBox?.width ?? 0, subBox?.width ?? 0)
        var box = MathBox()
        box.place(base, x: (w - base.width) / 2, y: 0)
        if let p = supBox {
            let gap = max(c.upperLimitGapMin * em, c.upperLimitBaselineRiseMin * em - p.depth)
            box.place(p, x: (w - p.width) / 2, y: base.height + gap + p.depth)
        }
        if let b = subBox {
            let gap = max(c.lowerLimitGapMin * em, c.lowerLimitBaselineDropMin * em - b.height)
            box.place(b, x: (w - b.width) / 2, y: -(base.depth + gap + b.height))
        }
        box.width = w
        return box
    }

    // MARK: operators

    private func largeOperator(_ s: String, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        if s.isEmpty { return MathBox() }  // \stackrel's invisible base
        var f = RunFont(.math, size: em)
        var m = measurer.measure(s, font: f)
        if style.isDisplay {
            // The display variant: scale the glyph up to the font's DisplayOperatorMinHeight.
            let total = max(m.inkAscent + m.inkDescent, 0.01)
            let target = constants.displayOperatorMinHeight * em
            if total < target {
                f = f.sized(em * target / total)
                m = measurer.measure(s, font: f)
            }
        }
        // Centre on the axis.
        let shift = axis(style) - (m.inkAscent - m.inkDescent) / 2
        return MathBox(width: m.width, height: m.inkAscent + shift, depth: m.inkDescent - shift,
                       items: [.glyphs(s, f, x: 0, y: shift)])
    }

    private func operatorName(_ name: String, style: MathStyle) -> MathBox {
        let shown = ["argmax": "arg max", "argmin": "arg min", "liminf": "lim inf", "limsup": "lim sup"][name] ?? name
        return glyphs(shown, variant: .upright, style: style)
    }

    // MARK: fractions and radicals

    private func fraction(_ num: MathNode, _ den: MathNode, _ fs: FractionStyle, style inStyle: MathStyle) -> MathBox {
        var style = inStyle
        if fs == .display { style = MathStyle(level: 0, cramped: style.cramped) }
        if fs == .text && style.level == 0 { style = MathStyle(level: 1, cramped: style.cramped) }
        let em = fontSize(style)
        let c = constants
        let n = layout([num], style: style.numerator)
        let d = layout([den], style: style.denominator)
        let t = fs == .binomial ? 0 : c.fractionRuleThickness * em
        let a = axis(style)
        let display = style.isDisplay
        var u = (display ? c.fractionNumeratorDisplayShiftUp : c.fractionNumeratorShiftUp) * em
        var v = (display ? c.fractionDenominatorDisplayShiftDown : c.fractionDenominatorShiftDown) * em
        let gapN = (display ? c.fractionNumeratorDisplayGapMin : c.fractionNumeratorGapMin) * em
        let gapD = (display ? c.fractionDenominatorDisplayGapMin : c.fractionDenominatorGapMin) * em
        u = max(u, a + t / 2 + gapN + n.depth)
        v = max(v, gapD + d.height - a + t / 2)
        let pad = 0.08 * em
        let w = max(n.width, d.width) + 2 * pad
        var box = MathBox()
        let side = 0.1 * em  // null delimiter space
        box.place(n, x: side + (w - n.width) / 2, y: u)
        box.place(d, x: side + (w - d.width) / 2, y: -v)
        if t > 0 { box.items.append(.rule(x: side, y: a - t / 2, width: w, height: t)) }
        box.width = w + 2 * side
        if fs == .binomial {
            return leftRightBox(.paren, box, .closeParen, style: style)
        }
        return box
    }

    private func radical(_ body: MathNode, index: MathNode?, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        let c = constants
        let b = layout([body], style: style.crampedStyle)
        let t = c.radicalRuleThickness * em
        // TeX's clearance: the rule plus a quarter of the x-height (display), a little less inline.
        let gap = (style.isDisplay ? c.radicalDisplayVerticalGap : c.radicalVerticalGap) * em + (style.isDisplay ? 0.16 * em : 0.04 * em)
        let top = max(b.height, 0.62 * em) + gap + t
        let bottom = -max(b.depth, 0.2 * em) - 0.02 * em
        let sign = MathShapes.radical(bottom: bottom, top: top, em: em, rule: t)
        var box = MathBox()
        var x0 = 0.0
        if let index {
            let ib = layout([index], style: MathStyle(level: 3, cramped: false))
            let raise = bottom + 0.55 * (top - bottom)
            box.place(ib, x: 0.1 * em, y: raise + ib.depth)
            x0 = max(0, 0.1 * em + ib.width - 0.35 * em)
        }
        box.items.append(contentsOf: sign.items.map { $0.shifted(dx: x0, dy: 0) })
        box.place(b, x: x0 + sign.width + 0.06 * em, y: 0)
        let end = x0 + sign.width + 0.06 * em + b.width + 0.06 * em
        box.items.append(.rule(x: x0 + sign.width - 0.02 * em, y: top - t, width: end - (x0 + sign.width - 0.02 * em), height: t))
        box.height = max(box.height, top + c.radicalExtraAscender * em)
        box.depth = max(box.depth, -bottom)
        box.width = end + 0.04 * em
        return box
    }

    // MARK: accents

    private func accent(_ a: MathAccent, _ base: MathNode, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        let b = layout([base], style: style.crampedStyle)
        var box = b
        let skew = isItalic(base) ? 0.08 * em : 0
        if a == .underline {
            let y = -b.depth - 0.1 * em
            let sh = MathShapes.accent(.underline, centerX: b.width / 2, bottom: y - 0.05 * em, width: b.width, em: em)
            box.items += sh.items
            box.depth = max(box.depth, -y + 0.1 * em)
            return box
        }
        let bottom = max(b.height, constants.accentBaseHeight * em) + 0.08 * em
        let sh = MathShapes.accent(a, centerX: b.width / 2 + skew, bottom: bottom,
                                   width: a == .overline || a == .vec ? b.width : b.width * 0.9, em: em)
        box.items += sh.items
        box.height = max(box.height, bottom + sh.height)
        return box
    }

    private func underbrace(_ body: MathNode, label: MathNode?, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        var box = layout([body], style: style)
        let top = -box.depth - 0.1 * em
        let brace = MathShapes.underbrace(x0: 0, width: box.width, top: top, em: em)
        box.items += brace.items
        box.depth = -(top - brace.height)
        if let label {
            let l = layout([label], style: style.subscript)
            box.place(l, x: (box.width - l.width) / 2, y: top - brace.height - 0.1 * em - l.height)
            if l.width > box.width {
                // centre the body over a wide label
                let dx = (l.width - box.width) / 2
                box.items = box.items.map { $0.shifted(dx: dx, dy: 0) }
                box.width = l.width
            }
        }
        return box
    }

    // MARK: delimiters

    func delimiterBox(_ d: MathDelimiter, bottom: Double, top: Double, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        let h = top - bottom
        let w = MathShapes.delimiterWidth(d, height: h, em: em)
        return MathBox(width: w, height: max(top, 0), depth: max(-bottom, 0),
                       items: MathShapes.delimiter(d, bottom: bottom, top: top, width: w, em: em))
    }

    private func leftRight(_ l: MathDelimiter, _ body: [MathNode], _ r: MathDelimiter, style: MathStyle) -> MathBox {
        leftRightBox(l, layout(body, style: style), r, style: style)
    }

    /// Delimiters that grow around `body`, centred on the axis (TeX: \delimiterfactor 901,
    /// \delimitershortfall 5pt).
    func leftRightBox(_ l: MathDelimiter, _ body: MathBox, _ r: MathDelimiter, style: MathStyle) -> MathBox {
        let em = fontSize(style)
        let a = axis(style)
        let delta = max(body.height - a, body.depth + a)
        let h = max(2 * delta * 0.95, 2 * delta - 0.3 * em, 1.0 * em)
        let bottom = a - h / 2, top = a + h / 2
        var box = smallDelimiter(l, height: h, style: style) ?? delimiterBox(l, bottom: bottom, top: top, style: style)
        box.append(body, kern: 0.04 * em)
        box.append(smallDelimiter(r, height: h, style: style) ?? delimiterBox(r, bottom: bottom, top: top, style: style), kern: 0.04 * em)
        return box
    }

    /// The font's own glyph when it is tall enough (so \left( x \right) matches a typed "(").
    private func smallDelimiter(_ d: MathDelimiter, height h: Double, style: MathStyle) -> MathBox? {
        guard d != .none else { return nil }
        let g = glyphs(d.rawValue, variant: .upright, style: style)
        return h <= (g.height + g.depth) * 1.02 ? g : nil
    }
}
