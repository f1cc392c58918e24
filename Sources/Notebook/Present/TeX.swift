import Neural

/// Small TeX builders in the slides' notation: z^{(l)}_j, w^{(l)}_{ij}, bmatrix with elision.
enum TeX {
    static func index(_ i: Int, _ j: Int) -> String { i < 10 && j < 10 ? "\(i)\(j)" : "\(i),\(j)" }
    static func layer(_ l: Int) -> String { "^{(\(l))}" }

    static func z(_ l: Int, _ j: Int) -> String { "z\(layer(l))_{\(j)}" }
    /// a^{(l)}_j; the input layer is written x_j.
    static func a(_ l: Int, _ j: Int) -> String { l == 0 ? "x_{\(j)}" : "a\(layer(l))_{\(j)}" }
    static func w(_ l: Int, _ i: Int, _ j: Int) -> String { "w\(layer(l))_{\(index(i, j))}" }
    static func b(_ l: Int, _ j: Int) -> String { "b\(layer(l))_{\(j)}" }
    static func delta(_ l: Int, _ j: Int) -> String { "\\delta\(layer(l))_{\(j)}" }
    /// Matrices: Z^{(l)}, A^{(l)} (A^{(0)} is X), W^{(l)}.
    static func A(_ l: Int) -> String { l == 0 ? "X" : "A\(layer(l))" }

    static func partial(_ of: String, _ by: String) -> String { "\\frac{\\partial \(of)}{\\partial \(by)}" }

    /// The function's name as an operator: \sigma, \tanh, \mathrm{ReLU}; nil for the identity.
    static func functionName(_ f: Activation) -> String? {
        switch f.kind {
        case .identity: return nil
        case .sigmoid: return "\\sigma"
        case .tanh: return "\\tanh"
        case .arctan: return "\\tan^{-1}"
        case .step: return "\\mathrm{step}"
        case .relu: return "\\mathrm{ReLU}"
        case .leakyReLU: return "\\mathrm{LReLU}"
        case .prelu: return "\\mathrm{PReLU}"
        case .elu: return "\\mathrm{ELU}"
        case .softplus: return "\\mathrm{softplus}"
        case .swish: return "\\mathrm{swish}"
        case .softmax: return "\\mathrm{softmax}"
        }
    }

    /// f(arg), or arg itself for the identity.
    static func apply(_ f: Activation, _ arg: String) -> String {
        guard let n = functionName(f) else { return arg }
        return "\(n)(\(arg))"
    }

    /// f'(arg): \sigma'(z).
    static func derivative(_ f: Activation, _ arg: String) -> String {
        "\(functionName(f) ?? "f")'(\(arg))"
    }

    /// A matrix written out; rows and columns past `limit` are elided with ⋯ and ⋮. `given`: the
    /// entries are data (an input batch, targets): when all are whole numbers they stay as written. Every entry has the same
    /// decimals, so the columns (set right-aligned on the decimal point by Typeset) line up.
    static func bmatrix(_ m: Matrix, _ fmt: NumberFormat, limit: Int = 6, given: Bool = false) -> String {
        func pick(_ n: Int) -> [Int?] {
            n <= limit ? Array(0..<n) : Array(0..<(limit - 2)) + [nil, n - 1]
        }
        let rows = pick(m.rows), cols = pick(m.cols)
        let wholeData = given && m.storage.allSatisfy(NumberFormat.isWhole)
        let body = rows.map { i -> String in
            cols.map { j -> String in
                switch (i, j) {
                case let (i?, j?): return wholeData ? fmt.texGiven(m[i, j]) : fmt.tex(m[i, j])
                case (nil, nil): return "\\ddots"
                case (nil, _): return "\\vdots"
                case (_, nil): return "\\cdots"
                }
            }.joined(separator: " & ")
        }.joined(separator: " \\\\ ")
        return "\\begin{bmatrix} \(body) \\end{bmatrix}"
    }

    /// Lines aligned at their first "=": \begin{aligned} … \end{aligned}.
    static func aligned(_ lines: [String]) -> String {
        guard lines.count > 1 else {
            // One line needs no alignment point.
            return (lines.first ?? "").replacingOccurrences(of: " &=", with: " =").replacingOccurrences(of: " &\\leftarrow", with: " \\leftarrow")
                .replacingOccurrences(of: "&= ", with: "= ")
        }
        return "\\begin{aligned} " + lines.joined(separator: " \\\\ ") + " \\end{aligned}"
    }
}
