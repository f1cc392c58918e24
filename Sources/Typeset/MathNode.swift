/// TeX's classes of atoms: they decide the spacing between neighbours (TeXbook, chapter 18).
public enum MathClass: Sendable, Equatable {
    case ord, op, bin, rel, open, close, punct, inner
}

/// Which face a run of math is set in.
public enum MathVariant: Sendable, Equatable {
    case italic        // variables: 𝑥 (Unicode mathematical italic)
    case upright       // digits, operators, \mathrm, \operatorname
    case bold          // \mathbf: 𝐖
    case boldItalic    // \boldsymbol
    case blackboard    // \mathbb: ℝ
    case script        // \mathcal: ℒ
    case text          // \text{…}: the body font, so Vietnamese works
}

public enum MathAccent: Sendable, Equatable {
    case hat, bar, tilde, vec, dot, ddot, ring, overline, underline
}

public enum MathDelimiter: String, Sendable, Equatable {
    case paren = "(", closeParen = ")"
    case bracket = "[", closeBracket = "]"
    case brace = "{", closeBrace = "}"
    case vert = "|", doubleVert = "‖"
    case angle = "⟨", closeAngle = "⟩"
    case floor = "⌊", closeFloor = "⌋"
    case ceil = "⌈", closeCeil = "⌉"
    case none = "."
}

public enum MathEnvironment: String, Sendable, Equatable {
    case matrix, bmatrix, pmatrix, Bmatrix, vmatrix, Vmatrix, cases, aligned, split, gathered
}

/// The parsed formula: a tree of atoms, before any measuring.
public indirect enum MathNode: Sendable, Equatable {
    /// One symbol or a run of letters/digits in a face, with its class.
    case symbol(String, MathClass, MathVariant)
    /// A group `{…}`: behaves as one ordinary atom.
    case group([MathNode])
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    case fraction(numerator: MathNode, denominator: MathNode, style: FractionStyle)
    case radical(MathNode, index: MathNode?)
    /// \sum, \prod, \int: `limits` nil means "above/below in display, beside inline".
    case largeOperator(String, limits: Bool?)
    /// \log, \max, \operatorname{…}: upright name; \max and \lim take limits in display.
    case operatorName(String, limits: Bool)
    case accent(MathAccent, MathNode)
    case text(String)
    case leftRight(left: MathDelimiter, body: [MathNode], right: MathDelimiter)
    /// \big( … fixed sizes: scale 1.2, 1.8, 2.4, 3.0 of the body size.
    case sizedDelimiter(MathDelimiter, scale: Double, MathClass)
    case environment(MathEnvironment, rows: [[[MathNode]]])
    /// Horizontal space in mu (1/18 em).
    case space(Double)
    case underbrace(MathNode, label: MathNode?)
    case styleChange(display: Bool)
}

public enum FractionStyle: Sendable, Equatable {
    case auto, display, text, binomial
}
