// Losses for one sample, with the derivative ∂E/∂a the backward pass starts from.

import Foundation

/// A loss for one sample of n outputs a against targets t.
public struct HandLoss: Sendable {
    public let name: String
    /// "E = ½ Σ (aⱼ − tⱼ)²"
    public let formula: String
    /// "aⱼ − tⱼ" (∂E/∂aⱼ)
    public let derivativeFormula: String

    public static let names = ["half-sse", "sse", "mse", "bce", "cce"]

    public static func named(_ raw: String) -> HandLoss? {
        switch raw.lowercased() {
        case "half-sse": return HandLoss(name: "half-sse", formula: "E = ½ Σ (aⱼ − tⱼ)²", derivativeFormula: "aⱼ − tⱼ")
        case "sse": return HandLoss(name: "sse", formula: "E = Σ (aⱼ − tⱼ)²", derivativeFormula: "2(aⱼ − tⱼ)")
        case "mse": return HandLoss(name: "mse", formula: "E = (1/n) Σ (aⱼ − tⱼ)²", derivativeFormula: "(2/n)(aⱼ − tⱼ)")
        case "bce": return HandLoss(name: "bce", formula: "E = −Σ [tⱼ ln aⱼ + (1 − tⱼ) ln(1 − aⱼ)]",
                                    derivativeFormula: "(aⱼ − tⱼ)/(aⱼ(1 − aⱼ))")
        case "cce": return HandLoss(name: "cce", formula: "E = −Σ tⱼ ln aⱼ", derivativeFormula: "−tⱼ/aⱼ")
        default: return nil
        }
    }

    /// E for outputs a and targets t (same length).
    public func value(_ a: [Double], _ t: [Double]) -> Double {
        let n = Double(max(1, a.count))
        var sum = 0.0
        for (x, y) in zip(a, t) {
            switch name {
            case "bce":
                if y != 0 { sum -= y * log(x) }
                if y != 1 { sum -= (1 - y) * log(1 - x) }
            case "cce":
                if y != 0 { sum -= y * log(x) }
            default:
                sum += (x - y) * (x - y)
            }
        }
        switch name {
        case "half-sse": return 0.5 * sum
        case "mse": return sum / n
        default: return sum
        }
    }

    /// ∂E/∂aⱼ with the numbers put in: "(0.75 − 1)".
    func derivativeNumbers(a: String, t: String, n: Int) -> String {
        switch name {
        case "half-sse": return "(" + a + " − " + t + ")"
        case "sse": return "2(" + a + " − " + t + ")"
        case "mse": return "(2/\(n))(" + a + " − " + t + ")"
        case "bce": return "(" + a + " − " + t + ")/(" + a + "·(1 − " + a + "))"
        default: return "(−" + t + "/" + a + ")"
        }
    }

    /// ∂E/∂aⱼ in symbols for output j (1-based) of layer l.
    func derivativeSymbols(a: String, t: String) -> String {
        "(" + derivativeFormula.replacingOccurrences(of: "aⱼ", with: a).replacingOccurrences(of: "tⱼ", with: t) + ")"
    }

    /// ∂E/∂aⱼ for one output of n.
    public func derivative(a: Double, t: Double, n: Int) -> Double {
        switch name {
        case "half-sse": return a - t
        case "sse": return 2 * (a - t)
        case "mse": return 2 * (a - t) / Double(max(1, n))
        case "bce": return (a - t) / (a * (1 - a))
        default: return t == 0 ? 0 : -t / a
        }
    }
}
