import Foundation
import NeuralKernels

/// An activation function f with its derivative f′ and their formulas, side by side.
///
/// `value(z)` and `derivative(z)` are both written in terms of the pre-activation z, as the
/// slides' activation table does. Softmax is vector-valued: use `apply(row:)` / `apply(_:)`;
/// its per-element `derivative` is the diagonal of the Jacobian, and the full Jacobian–vector
/// product used by backprop is `delta(upstream:z:a:)`.
public struct Activation: Equatable, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case identity, step, sigmoid, tanh, arctan, relu, leakyReLU, prelu, elu, softplus, swish, softmax
    }

    public let kind: Kind
    /// The slope parameter α of leaky ReLU, PReLU and ELU (unused by the others).
    public let alpha: Double

    public init(kind: Kind, alpha: Double = 0) {
        self.kind = kind
        self.alpha = alpha
    }

    public static let identity = Activation(kind: .identity)
    public static let step = Activation(kind: .step)
    public static let sigmoid = Activation(kind: .sigmoid)
    public static let tanh = Activation(kind: .tanh)
    public static let arctan = Activation(kind: .arctan)
    public static let relu = Activation(kind: .relu)
    public static let softplus = Activation(kind: .softplus)
    public static let swish = Activation(kind: .swish)
    public static let softmax = Activation(kind: .softmax)
    public static func leakyReLU(alpha: Double = 0.01) -> Activation { Activation(kind: .leakyReLU, alpha: alpha) }
    public static func prelu(alpha: Double = 0.25) -> Activation { Activation(kind: .prelu, alpha: alpha) }
    public static func elu(alpha: Double = 1) -> Activation { Activation(kind: .elu, alpha: alpha) }

    /// Every activation of the course, with default parameters (for tables and tests).
    public static let all: [Activation] = [
        .identity, .step, .sigmoid, .tanh, .arctan, .relu, .leakyReLU(), .prelu(), .elu(), .softplus, .swish, .softmax,
    ]

    /// False for the binary step (its derivative is 0 almost everywhere and undefined at 0).
    public var hasDerivative: Bool { kind != .step }
    /// True for softmax, which maps a whole row to a row.
    public var isVectorValued: Bool { kind == .softmax }

    // MARK: names and formulas

    /// The canonical name accepted by `named(_:)`, e.g. "leaky-relu(0.1)".
    public var name: String {
        switch kind {
        case .identity: return "identity"
        case .step: return "step"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .arctan: return "arctan"
        case .relu: return "relu"
        case .leakyReLU: return alpha == 0.01 ? "leaky-relu" : "leaky-relu(\(Activation.format(alpha)))"
        case .prelu: return "prelu(\(Activation.format(alpha)))"
        case .elu: return alpha == 1 ? "elu" : "elu(\(Activation.format(alpha)))"
        case .softplus: return "softplus"
        case .swish: return "swish"
        case .softmax: return "softmax"
        }
    }

    /// The name as the slides print it.
    public var displayName: String {
        switch kind {
        case .identity: return "Identity (linear)"
        case .step: return "Binary step"
        case .sigmoid: return "Sigmoid"
        case .tanh: return "TanH"
        case .arctan: return "ArcTan"
        case .relu: return "ReLU"
        case .leakyReLU: return "Leaky ReLU (α = \(Activation.format(alpha)))"
        case .prelu: return "PReLU (α = \(Activation.format(alpha)))"
        case .elu: return "ELU (α = \(Activation.format(alpha)))"
        case .softplus: return "SoftPlus"
        case .swish: return "Swish"
        case .softmax: return "Softmax"
        }
    }

    public var description: String { name }

    /// TeX for f(z).
    public var tex: String {
        let a = Activation.format(alpha)
        switch kind {
        case .identity: return "f(z) = z"
        case .step: return "f(z) = \\begin{cases} 0 & z < 0 \\\\ 1 & z \\ge 0 \\end{cases}"
        case .sigmoid: return "\\sigma(z) = \\frac{1}{1+e^{-z}}"
        case .tanh: return "\\tanh(z) = \\frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}"
        case .arctan: return "f(z) = \\tan^{-1}(z)"
        case .relu: return "f(z) = \\max(0, z)"
        case .leakyReLU: return "f(z) = \\max(\(a)z, z)"
        case .prelu: return "f(z) = \\begin{cases} \(a)z & z < 0 \\\\ z & z \\ge 0 \\end{cases}"
        case .elu: return "f(z) = \\begin{cases} \(a)(e^{z}-1) & z < 0 \\\\ z & z \\ge 0 \\end{cases}"
        case .softplus: return "f(z) = \\ln(1+e^{z})"
        case .swish: return "f(z) = z\\,\\sigma(z) = \\frac{z}{1+e^{-z}}"
        case .softmax: return "\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j} e^{z_j}}"
        }
    }

    /// TeX for f′(z).
    public var derivativeTeX: String {
        let a = Activation.format(alpha)
        switch kind {
        case .identity: return "f'(z) = 1"
        case .step: return "f'(z) = \\begin{cases} 0 & z \\ne 0 \\\\ ? & z = 0 \\end{cases}"
        case .sigmoid: return "\\sigma'(z) = \\sigma(z)\\,(1-\\sigma(z))"
        case .tanh: return "\\tanh'(z) = 1-\\tanh^{2}(z)"
        case .arctan: return "f'(z) = \\frac{1}{z^{2}+1}"
        case .relu: return "f'(z) = \\begin{cases} 0 & z < 0 \\\\ 1 & z \\ge 0 \\end{cases}"
        case .leakyReLU, .prelu: return "f'(z) = \\begin{cases} \(a) & z < 0 \\\\ 1 & z \\ge 0 \\end{cases}"
        case .elu: return "f'(z) = \\begin{cases} f(z) + \(a) & z < 0 \\\\ 1 & z \\ge 0 \\end{cases}"
        case .softplus: return "f'(z) = \\frac{1}{1+e^{-z}}"
        case .swish: return "f'(z) = \\sigma(z) + z\\,\\sigma(z)\\,(1-\\sigma(z))"
        case .softmax: return "\\frac{\\partial\\, \\mathrm{softmax}_i}{\\partial z_j} = s_i(\\delta_{ij} - s_j)"
        }
    }

    // MARK: values

    /// f(z) for one number. For softmax this is exp(z) alone (use `apply(row:)`).
    @inlinable
    public func value(_ z: Double) -> Double {
        switch kind {
        case .identity: return z
        case .step: return z >= 0 ? 1 : 0
        case .sigmoid: return Activation.sigmoid(z)
        case .tanh: return Foundation.tanh(z)
        case .arctan: return atan(z)
        case .relu: return z > 0 ? z : 0
        case .leakyReLU, .prelu: return z >= 0 ? z : alpha * z
        case .elu: return z >= 0 ? z : alpha * expm1(z)
        case .softplus: return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
        case .swish: return z * Activation.sigmoid(z)
        case .softmax: return VectorMath.exp(z)
        }
    }

    /// f′(z) for one number, in terms of z. Step gives 0; softmax gives the Jacobian's diagonal
    /// only when called through `derivative(_:a:)` (here: s(1−s) of a one-element row, i.e. 0).
    @inlinable
    public func derivative(_ z: Double) -> Double {
        switch kind {
        case .identity: return 1
        case .step: return 0
        case .sigmoid:
            let s = Activation.sigmoid(z)
            return s * (1 - s)
        case .tanh:
            let t = Foundation.tanh(z)
            return 1 - t * t
        case .arctan: return 1 / (z * z + 1)
        case .relu: return z >= 0 ? 1 : 0
        case .leakyReLU, .prelu: return z >= 0 ? 1 : alpha
        case .elu: return z >= 0 ? 1 : alpha * exp(z)
        case .softplus: return Activation.sigmoid(z)
        case .swish:
            let s = Activation.sigmoid(z)
            return s + z * s * (1 - s)
        case .softmax: return 0
        }
    }

    /// The logistic function 1 / (1 + e^(−z)), with the engine's exp (`VectorMath`), so a network's
    /// forward pass and the trainer agree to the bit. No overflow trouble: for z < −709.78 e^(−z) is
    /// +∞ and σ is 0 (the true value is below 10⁻³⁰⁸); σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN.
    @inlinable
    public static func sigmoid(_ z: Double) -> Double {
        VectorMath.sigmoid(z)
    }

    /// Softmax of one row, stabilised by subtracting the row's maximum.
    public static func softmax(row z: [Double]) -> [Double] {
        var out = z
        out.withUnsafeMutableBufferPointer { p in
            if let base = p.baseAddress { softmaxInPlace(base, p.count) }
        }
        return out
    }

    /// f applied to one row (a vector): element-wise, or softmax over the row.
    public func apply(row z: [Double]) -> [Double] {
        kind == .softmax ? Activation.softmax(row: z) : z.map(value)
    }

    /// f applied to every row of a batch (m×n).
    public func apply(_ z: Matrix) -> Matrix {
        guard kind == .softmax else { return z.map(value) }
        var out = z
        out.storage.withUnsafeMutableBufferPointer { p in
            for i in 0..<z.rows { Activation.softmaxInPlace(p.baseAddress! + i * z.cols, z.cols) }
        }
        return out
    }

    /// f′(z) element-wise for a batch (softmax: the Jacobian's diagonal a(1−a)).
    public func derivative(_ z: Matrix, a: Matrix) -> Matrix {
        switch kind {
        case .softmax: return a.map { $0 * (1 - $0) }
        case .sigmoid: return a.map { $0 * (1 - $0) }
        default: return z.map(derivative)
        }
    }

    /// δ = ∂J/∂z from ∂J/∂a (the general chain rule through f): upstream ⊙ f′(z) for element-wise
    /// activations; for softmax the Jacobian–vector product δᵢ = sᵢ(gᵢ − Σⱼ gⱼsⱼ) row by row.
    public func delta(upstream g: Matrix, z: Matrix, a: Matrix) -> Matrix {
        guard kind == .softmax else {
            var out = derivative(z, a: a)
            for i in 0..<out.count { out.storage[i] *= g.storage[i] }
            return out
        }
        var out = g
        for i in 0..<g.rows {
            var dot = 0.0
            for j in 0..<g.cols { dot += g[i, j] * a[i, j] }
            for j in 0..<g.cols { out[i, j] = a[i, j] * (g[i, j] - dot) }
        }
        return out
    }

    /// Softmax of the n values at p, in place: e^(zⱼ − max) four at a time, then their sum in order.
    static func softmaxInPlace(_ p: UnsafeMutablePointer<Double>, _ n: Int) {
        guard n > 0 else { return }
        var m = p[0]
        for j in 1..<max(n, 1) where p[j] > m { m = p[j] }
        for j in 0..<n { p[j] -= m }
        VectorMath.map(VectorMath.Exp.self, n, p, p)
        var s = 0.0
        for j in 0..<n { s += p[j] }
        let inv = 1 / s
        for j in 0..<n { p[j] *= inv }
    }

    // MARK: lookup by name

    /// Parses a name as lessons write it: "identity"/"linear", "step"/"binary-step", "sigmoid",
    /// "tanh", "arctan", "relu", "leaky-relu" (α = 0.01) or "leaky-relu(0.1)", "prelu(0.25)",
    /// "elu" or "elu(0.5)", "softplus", "swish", "softmax". Case and spaces are ignored;
    /// "_" may stand for "-". Returns nil for an unknown name or a malformed parameter.
    public static func named(_ text: String) -> Activation? {
        var s = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "-")
        var parameter: Double?
        if let open = s.firstIndex(of: "(") {
            guard s.hasSuffix(")") else { return nil }
            let inner = s[s.index(after: open)..<s.index(before: s.endIndex)]
            guard let v = Double(inner), v.isFinite else { return nil }
            parameter = v
            s = String(s[..<open])
        }
        let base: Activation
        switch s {
        case "identity", "linear": base = .identity
        case "step", "binary-step", "binarystep", "heaviside": base = .step
        case "sigmoid", "logistic": base = .sigmoid
        case "tanh": base = .tanh
        case "arctan", "atan": base = .arctan
        case "relu": base = .relu
        case "leaky-relu", "leakyrelu", "lrelu": return .leakyReLU(alpha: parameter ?? 0.01)
        case "prelu": return .prelu(alpha: parameter ?? 0.25)
        case "elu": return .elu(alpha: parameter ?? 1)
        case "softplus": base = .softplus
        case "swish", "silu": base = .swish
        case "softmax": base = .softmax
        default: return nil
        }
        return parameter == nil ? base : nil
    }

    /// The accepted names, for error messages ("expected one of …").
    public static let acceptedNames = [
        "identity", "linear", "step", "binary-step", "sigmoid", "tanh", "arctan", "relu",
        "leaky-relu", "leaky-relu(α)", "prelu(α)", "elu", "elu(α)", "softplus", "swish", "softmax",
    ]

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}
