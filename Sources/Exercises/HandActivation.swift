// Activations as a student evaluates them by hand, with the derivative in the form the slides use.

import Foundation

/// An activation for the hand checker. Where the slides write the derivative in terms of the output
/// (sigmoid: a(1 − a), tanh: 1 − a²) the checker uses the student's a, as the student does;
/// otherwise the derivative is taken at z.
public struct HandActivation: Sendable {
    public let name: String
    /// "σ(z) = 1/(1 + e^(−z))"
    public let formula: String
    /// "a(1 − a)"
    public let derivativeFormula: String
    /// True when the derivative is written in terms of a.
    public let derivativeUsesA: Bool
    public let isSoftmax: Bool
    let valueRule: @Sendable (Double) -> Double
    let derivativeRule: @Sendable (_ z: Double, _ a: Double) -> Double

    public func value(_ z: Double) -> Double { valueRule(z) }
    /// f′ at z, or from a = f(z) where the slides write it so.
    public func derivative(z: Double, a: Double) -> Double { derivativeRule(z, a) }

    /// The names the checker knows, as written in the file.
    public static let names = ["sigmoid", "tanh", "relu", "leaky-relu", "identity", "softplus",
                               "arctan", "elu", "swish", "softmax"]
    static let aliases = ["linear": "identity", "logistic": "sigmoid", "leakyrelu": "leaky-relu",
                          "leaky_relu": "leaky-relu", "lrelu": "leaky-relu", "none": "identity"]

    public static func named(_ raw: String) -> HandActivation? {
        let key = raw.lowercased()
        let name = aliases[key] ?? key
        switch name {
        case "sigmoid":
            return HandActivation(name: name, formula: "σ(z) = 1/(1 + e^(−z))", derivativeFormula: "a(1 − a)",
                                  derivativeUsesA: true, isSoftmax: false,
                                  valueRule: { 1 / (1 + exp(-$0)) }, derivativeRule: { _, a in a * (1 - a) })
        case "tanh":
            return HandActivation(name: name, formula: "tanh(z)", derivativeFormula: "1 − a²",
                                  derivativeUsesA: true, isSoftmax: false,
                                  valueRule: { tanh($0) }, derivativeRule: { _, a in 1 - a * a })
        case "relu":
            return HandActivation(name: name, formula: "max(0, z)", derivativeFormula: "(z > 0 ? 1 : 0)",
                                  derivativeUsesA: false, isSoftmax: false,
                                  valueRule: { max(0, $0) }, derivativeRule: { z, _ in z > 0 ? 1 : 0 })
        case "leaky-relu":
            return HandActivation(name: name, formula: "max(0.01z, z)", derivativeFormula: "(z > 0 ? 1 : 0.01)",
                                  derivativeUsesA: false, isSoftmax: false,
                                  valueRule: { $0 > 0 ? $0 : 0.01 * $0 }, derivativeRule: { z, _ in z > 0 ? 1 : 0.01 })
        case "identity":
            return HandActivation(name: name, formula: "z", derivativeFormula: "1",
                                  derivativeUsesA: false, isSoftmax: false,
                                  valueRule: { $0 }, derivativeRule: { _, _ in 1 })
        case "softplus":
            return HandActivation(name: name, formula: "ln(1 + e^z)", derivativeFormula: "1/(1 + e^(−z))",
                                  derivativeUsesA: false, isSoftmax: false,
                                  valueRule: { $0 > 30 ? $0 : log1p(exp($0)) },
                                  derivativeRule: { z, _ in 1 / (1 + exp(-z)) })
        case "arctan":
            return HandActivation(name: name, formula: "arctan(z)", derivativeFormula: "1/(1 + z²)",
                                  derivativeUsesA: false, isSoftmax: false,
                                  valueRule: { atan($0) }, derivativeRule: { z, _ in 1 / (1 + z * z) })
        case "elu":
            return HandActivation(name: name, formula: "(z > 0 ? z : e^z − 1)", derivativeFormula: "(z > 0 ? 1 : e^z)",
                                  derivativeUsesA: false, isSoftmax: false,
                                  valueRule: { $0 > 0 ? $0 : expm1($0) }, derivativeRule: { z, _ in z > 0 ? 1 : exp(z) })
        case "swish":
            return HandActivation(name: name, formula: "z·σ(z)", derivativeFormula: "σ(z) + z·σ(z)(1 − σ(z))",
                                  derivativeUsesA: false, isSoftmax: false,
                                  valueRule: { $0 / (1 + exp(-$0)) },
                                  derivativeRule: { z, _ in let s = 1 / (1 + exp(-z)); return s + z * s * (1 - s) })
        case "softmax":
            return HandActivation(name: name, formula: "e^(zⱼ)/Σₖ e^(zₖ)", derivativeFormula: "aⱼ(δⱼₖ − aₖ)",
                                  derivativeUsesA: true, isSoftmax: true,
                                  valueRule: { $0 }, derivativeRule: { _, a in a * (1 - a) })
        default:
            return nil
        }
    }

    /// Softmax of a row, stable for large z.
    static func softmax(_ z: [Double]) -> [Double] {
        guard let m = z.max() else { return [] }
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }
}
