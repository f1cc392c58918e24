/// The TeX subset's vocabulary: which command is which Unicode symbol, and its class.
enum MathSymbols {
    struct Entry: Sendable {
        let text: String
        let cls: MathClass
        let variant: MathVariant
    }

    static func lookup(_ name: String) -> Entry? {
        if let g = greekLower[name] { return Entry(text: g, cls: .ord, variant: .italic) }
        if let g = greekUpper[name] { return Entry(text: g, cls: .ord, variant: .upright) }
        if let s = symbols[name] { return Entry(text: s.0, cls: s.1, variant: .upright) }
        return nil
    }

    static let greekLower: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    static let greekUpper: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    static let symbols: [String: (String, MathClass)] = [
        // relations and arrows
        "le": ("≤", .rel), "leq": ("≤", .rel), "ge": ("≥", .rel), "geq": ("≥", .rel),
        "ne": ("≠", .rel), "neq": ("≠", .rel), "approx": ("≈", .rel), "equiv": ("≡", .rel),
        "sim": ("∼", .rel), "simeq": ("≃", .rel), "cong": ("≅", .rel), "propto": ("∝", .rel),
        "triangleq": ("≜", .rel), "coloneqq": ("≔", .rel), "doteq": ("≐", .rel),
        "in": ("∈", .rel), "notin": ("∉", .rel), "ni": ("∋", .rel),
        "subset": ("⊂", .rel), "subseteq": ("⊆", .rel), "supset": ("⊃", .rel), "supseteq": ("⊇", .rel),
        "ll": ("≪", .rel), "gg": ("≫", .rel), "mid": ("∣", .rel), "parallel": ("∥", .rel),
        "perp": ("⊥", .rel),
        "leftarrow": ("←", .rel), "gets": ("←", .rel), "rightarrow": ("→", .rel), "to": ("→", .rel),
        "Leftarrow": ("⇐", .rel), "Rightarrow": ("⇒", .rel), "leftrightarrow": ("↔", .rel),
        "Leftrightarrow": ("⇔", .rel), "iff": ("⟺", .rel), "implies": ("⟹", .rel),
        "longrightarrow": ("⟶", .rel), "longleftarrow": ("⟵", .rel), "Longrightarrow": ("⟹", .rel),
        "mapsto": ("↦", .rel), "uparrow": ("↑", .rel), "downarrow": ("↓", .rel),
        // binary operators
        "cdot": ("⋅", .bin), "times": ("×", .bin), "div": ("÷", .bin), "pm": ("±", .bin),
        "mp": ("∓", .bin), "odot": ("⊙", .bin), "otimes": ("⊗", .bin), "oplus": ("⊕", .bin),
        "circ": ("∘", .bin), "bullet": ("∙", .bin), "ast": ("∗", .bin), "star": ("⋆", .bin),
        "cup": ("∪", .bin), "cap": ("∩", .bin), "setminus": ("∖", .bin), "wedge": ("∧", .bin),
        "land": ("∧", .bin), "vee": ("∨", .bin), "lor": ("∨", .bin),
        // ordinary symbols
        "partial": ("∂", .ord), "nabla": ("∇", .ord), "infty": ("∞", .ord), "emptyset": ("∅", .ord),
        "forall": ("∀", .ord), "exists": ("∃", .ord), "neg": ("¬", .ord), "lnot": ("¬", .ord),
        "prime": ("′", .ord), "ell": ("ℓ", .ord), "hbar": ("ℏ", .ord), "Re": ("ℜ", .ord),
        "Im": ("ℑ", .ord), "aleph": ("ℵ", .ord), "top": ("⊤", .ord), "bot": ("⊥", .ord),
        "angle": ("∠", .ord), "triangle": ("△", .ord), "square": ("□", .ord),
        "ldots": ("…", .inner), "dots": ("…", .inner), "cdots": ("⋯", .inner),
        "vdots": ("⋮", .ord), "ddots": ("⋱", .inner), "dotsc": ("…", .inner), "dotsb": ("⋯", .inner),
        "checkmark": ("✓", .ord), "degree": ("°", .ord),
        // punctuation and fences used bare
        "colon": (":", .punct), "lbrace": ("{", .open), "rbrace": ("}", .close),
        "{": ("{", .open), "}": ("}", .close), "langle": ("⟨", .open), "rangle": ("⟩", .close),
        "lfloor": ("⌊", .open), "rfloor": ("⌋", .close), "lceil": ("⌈", .open), "rceil": ("⌉", .close),
        "vert": ("|", .ord), "|": ("‖", .ord), "Vert": ("‖", .ord), "lvert": ("|", .open),
        "rvert": ("|", .close), "lVert": ("‖", .open), "rVert": ("‖", .close),
        "#": ("#", .ord), "%": ("%", .ord), "&": ("&", .ord), "$": ("$", .ord), "_": ("_", .ord),
    ]

    /// \sum and friends: large operators.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "oint": "∮",
        "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
    ]

    /// Named operators set upright; the Bool says whether they take limits in display style.
    static let operatorNames: [String: Bool] = [
        "log": false, "ln": false, "exp": false, "sin": false, "cos": false, "tan": false,
        "sinh": false, "cosh": false, "tanh": false, "arcsin": false, "arccos": false,
        "arctan": false, "cot": false, "sec": false, "csc": false, "det": true, "dim": false,
        "deg": false, "arg": false, "ker": false, "gcd": true, "sgn": false,
        "max": true, "min": true, "sup": true, "inf": true, "lim": true, "liminf": true,
        "limsup": true, "argmax": true, "argmin": true, "Pr": true,
    ]

    /// Spaces in mu (18 mu = 1 em).
    static let spaces: [String: Double] = [
        ",": 3, "thinspace": 3, ":": 4, ">": 4, "medspace": 4, ";": 5, "thickspace": 5,
        "!": -3, "negthinspace": -3, " ": 6, "quad": 18, "qquad": 36, "enspace": 9,
    ]

    static let accents: [String: MathAccent] = [
        "hat": .hat, "widehat": .hat, "bar": .bar, "tilde": .tilde, "widetilde": .tilde,
        "vec": .vec, "dot": .dot, "ddot": .ddot, "mathring": .ring, "overline": .overline,
        "underline": .underline,
    ]

    static let fences: [String: MathDelimiter] = [
        "(": .paren, ")": .closeParen, "[": .bracket, "]": .closeBracket,
        "\\{": .brace, "\\}": .closeBrace, "\\lbrace": .brace, "\\rbrace": .closeBrace,
        "|": .vert, "\\vert": .vert, "\\lvert": .vert, "\\rvert": .vert,
        "\\|": .doubleVert, "\\Vert": .doubleVert, "\\lVert": .doubleVert, "\\rVert": .doubleVert,
        "\\langle": .angle, "\\rangle": .closeAngle, "<": .angle, ">": .closeAngle,
        "\\lfloor": .floor, "\\rfloor": .closeFloor, "\\lceil": .ceil, "\\rceil": .closeCeil,
        ".": .none, "\\lbrack": .bracket, "\\rbrack": .closeBracket,
    ]

    static let sizedDelimiters: [String: (Double, MathClass)] = [
        "big": (1.2, .ord), "Big": (1.8, .ord), "bigg": (2.4, .ord), "Bigg": (3.0, .ord),
        "bigl": (1.2, .open), "Bigl": (1.8, .open), "biggl": (2.4, .open), "Biggl": (3.0, .open),
        "bigr": (1.2, .close), "Bigr": (1.8, .close), "biggr": (2.4, .close), "Biggr": (3.0, .close),
        "bigm": (1.2, .rel), "Bigm": (1.8, .rel),
    ]

    /// Characters typed directly: their class.
    static func characterClass(_ c: Character) -> MathClass {
        switch c {
        case "+", "-", "*", "−", "×", "·", "±": return .bin
        case "=", "<", ">", ":", "≤", "≥", "≠", "≈", "→", "←", "∈": return .rel
        case "(", "[": return .open
        case ")", "]": return .close
        case ",", ";": return .punct
        default: return .ord
        }
    }
}
