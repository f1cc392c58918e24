import Foundation

/// A loss J(ŷ, y) with its gradient ∂J/∂ŷ and formula, side by side.
///
/// Every loss first sums over the outputs of one sample (MSE averages over them), then
/// `reduction` combines the m samples of a batch: `.sum` adds them, `.mean` divides by m.
///
/// | name | per sample | default reduction |
/// |---|---|---|
/// | half-sse | ½Σₖ(ŷₖ−yₖ)² (the slides' E) | sum |
/// | sse | Σₖ(ŷₖ−yₖ)² | sum |
/// | mse | (1/n)Σₖ(ŷₖ−yₖ)² | mean |
/// | bce | −Σₖ[yₖ ln ŷₖ + (1−yₖ) ln(1−ŷₖ)] | mean |
/// | cce | −Σₖ yₖ ln ŷₖ (after softmax) | mean |
///
/// Logarithms clamp ŷ to [1e-15, 1 − 1e-15], so a saturated output gives a large finite loss,
/// never NaN or ∞.
public struct Loss: Equatable, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case halfSSE, sse, mse, binaryCrossEntropy, categoricalCrossEntropy
    }

    public enum Reduction: String, Sendable {
        /// Σ over the samples of the batch.
        case sum
        /// (1/m) Σ over the samples of the batch.
        case mean
    }

    public let kind: Kind
    public let reduction: Reduction

    public init(kind: Kind, reduction: Reduction) {
        self.kind = kind
        self.reduction = reduction
    }

    public static let halfSSE = Loss(kind: .halfSSE, reduction: .sum)
    public static let sse = Loss(kind: .sse, reduction: .sum)
    public static let mse = Loss(kind: .mse, reduction: .mean)
    public static let binaryCrossEntropy = Loss(kind: .binaryCrossEntropy, reduction: .mean)
    public static let categoricalCrossEntropy = Loss(kind: .categoricalCrossEntropy, reduction: .mean)
    public static let all: [Loss] = [.halfSSE, .sse, .mse, .binaryCrossEntropy, .categoricalCrossEntropy]

    /// The same loss with another reduction.
    public func reduced(by r: Reduction) -> Loss { Loss(kind: kind, reduction: r) }

    /// Smallest probability a logarithm sees.
    public static let clampEpsilon = 1e-15

    public var name: String {
        switch kind {
        case .halfSSE: return "half-sse"
        case .sse: return "sse"
        case .mse: return "mse"
        case .binaryCrossEntropy: return "bce"
        case .categoricalCrossEntropy: return "cce"
        }
    }

    public var displayName: String {
        switch kind {
        case .halfSSE: return "½ sum of squared errors"
        case .sse: return "Sum of squared errors"
        case .mse: return "Mean squared error"
        case .binaryCrossEntropy: return "Binary cross-entropy"
        case .categoricalCrossEntropy: return "Categorical cross-entropy"
        }
    }

    public var description: String { reduction == defaultReduction ? name : "\(name) (\(reduction.rawValue))" }

    var defaultReduction: Reduction {
        switch kind {
        case .halfSSE, .sse: return .sum
        default: return .mean
        }
    }

    /// TeX of the loss as reduced over m samples and n outputs.
    public var tex: String {
        let outer = reduction == .mean ? "\\frac{1}{m}\\sum_{i=1}^{m}" : "\\sum_{i=1}^{m}"
        switch kind {
        case .halfSSE: return "E = \(outer)\\frac{1}{2}\\sum_{k}(\\hat{y}_{ik} - y_{ik})^{2}"
        case .sse: return "E = \(outer)\\sum_{k}(\\hat{y}_{ik} - y_{ik})^{2}"
        case .mse: return "J = \(outer)\\frac{1}{n}\\sum_{k}(\\hat{y}_{ik} - y_{ik})^{2}"
        case .binaryCrossEntropy:
            return "J = -\(outer)\\sum_{k}\\left[y_{ik}\\ln\\hat{y}_{ik} + (1-y_{ik})\\ln(1-\\hat{y}_{ik})\\right]"
        case .categoricalCrossEntropy: return "J = -\(outer)\\sum_{k} y_{ik}\\ln\\hat{y}_{ik}"
        }
    }

    /// TeX of ∂J/∂ŷ for one entry.
    public var gradientTeX: String {
        let s = reduction == .mean ? "\\frac{1}{m}" : ""
        switch kind {
        case .halfSSE: return "\\frac{\\partial E}{\\partial \\hat{y}} = \(s)(\\hat{y} - y)"
        case .sse: return "\\frac{\\partial E}{\\partial \\hat{y}} = \(s)2(\\hat{y} - y)"
        case .mse: return "\\frac{\\partial J}{\\partial \\hat{y}} = \(s)\\frac{2}{n}(\\hat{y} - y)"
        case .binaryCrossEntropy:
            return "\\frac{\\partial J}{\\partial \\hat{y}} = \(s)\\frac{\\hat{y} - y}{\\hat{y}(1-\\hat{y})}"
        case .categoricalCrossEntropy: return "\\frac{\\partial J}{\\partial \\hat{y}} = -\(s)\\frac{y}{\\hat{y}}"
        }
    }

    /// Parses "half-sse", "sse", "mse", "bce" / "binary-cross-entropy", "cce" /
    /// "categorical-cross-entropy" / "cross-entropy"; an optional suffix ":sum" or ":mean"
    /// overrides the reduction.
    public static func named(_ text: String) -> Loss? {
        var s = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "-")
        var reduction: Reduction?
        if let colon = s.firstIndex(of: ":") {
            guard let r = Reduction(rawValue: String(s[s.index(after: colon)...])) else { return nil }
            reduction = r
            s = String(s[..<colon])
        }
        let base: Loss
        switch s {
        case "half-sse", "halfsse", "e": base = .halfSSE
        case "sse": base = .sse
        case "mse": base = .mse
        case "bce", "binary-cross-entropy", "binary-crossentropy", "log-loss": base = .binaryCrossEntropy
        case "cce", "categorical-cross-entropy", "categorical-crossentropy", "cross-entropy": base = .categoricalCrossEntropy
        default: return nil
        }
        return reduction.map(base.reduced) ?? base
    }

    public static let acceptedNames = ["half-sse", "sse", "mse", "bce", "cce"]

    // MARK: value and gradient

    /// J(ŷ, y) for a batch (m×n each).
    public func value(predicted p: Matrix, target y: Matrix) throws -> Double {
        try Loss.checkShapes(p, y)
        var total = 0.0
        let eps = Loss.clampEpsilon
        switch kind {
        case .halfSSE, .sse, .mse:
            for i in 0..<p.count {
                let d = p.storage[i] - y.storage[i]
                total += d * d
            }
            if kind == .halfSSE { total *= 0.5 }
            if kind == .mse { total /= Double(max(p.cols, 1)) }
        case .binaryCrossEntropy:
            for i in 0..<p.count {
                let q = min(max(p.storage[i], eps), 1 - eps)
                let t = y.storage[i]
                total -= t * log(q) + (1 - t) * log(1 - q)
            }
        case .categoricalCrossEntropy:
            for i in 0..<p.count where y.storage[i] != 0 {
                total -= y.storage[i] * log(max(p.storage[i], eps))
            }
        }
        return total * batchScale(p.rows)
    }

    /// ∂J/∂ŷ for a batch (m×n), including the 1/m of a mean reduction.
    public func gradient(predicted p: Matrix, target y: Matrix) throws -> Matrix {
        try Loss.checkShapes(p, y)
        let eps = Loss.clampEpsilon
        let scale = batchScale(p.rows)
        var g = Matrix(rows: p.rows, cols: p.cols)
        for i in 0..<p.count {
            let d = p.storage[i] - y.storage[i]
            switch kind {
            case .halfSSE: g.storage[i] = d
            case .sse: g.storage[i] = 2 * d
            case .mse: g.storage[i] = 2 * d / Double(p.cols)
            case .binaryCrossEntropy:
                let q = min(max(p.storage[i], eps), 1 - eps)
                g.storage[i] = (q - y.storage[i]) / (q * (1 - q))
            case .categoricalCrossEntropy:
                g.storage[i] = -y.storage[i] / max(p.storage[i], eps)
            }
            g.storage[i] *= scale
        }
        return g
    }

    /// True when, after `activation`, δ = ∂J/∂z simplifies to (ŷ − y) (times 1/m for a mean):
    /// softmax with categorical cross-entropy, sigmoid with binary cross-entropy.
    public func simplifiesDelta(after activation: Activation) -> Bool {
        (kind == .categoricalCrossEntropy && activation.kind == .softmax)
            || (kind == .binaryCrossEntropy && activation.kind == .sigmoid)
    }

    /// The factor a batch of m samples is multiplied by (1 or 1/m).
    public func batchScale(_ m: Int) -> Double {
        reduction == .mean ? 1 / Double(max(m, 1)) : 1
    }

    static func checkShapes(_ p: Matrix, _ y: Matrix) throws {
        guard p.rows == y.rows, p.cols == y.cols else {
            throw ShapeError("prediction \(p.shapeText) and target \(y.shapeText) have different shapes")
        }
    }
}
