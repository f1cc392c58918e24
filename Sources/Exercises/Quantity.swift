import Foundation
import Neural

// One number of the hand calculation: z⁽²⁾₁, δ⁽¹⁾₃, a new weight, …

/// The steps of one forward pass and one backprop update, with their keys in the verify file.
public enum Step: String, Sendable, CaseIterable, Codable {
    case z
    case a
    case loss
    case delta
    case gradW = "grad-W"
    case gradB = "grad-b"
    case newW = "new-W"
    case newB = "new-b"
}

/// One value of the calculation. Indices are 0-based; `layer` is 1-based (0 for the loss).
/// For weights, `i` is the neuron of the layer before and `j` the neuron of the layer (in-out);
/// for vectors only `j` is used; a shared bias has `j == 0`.
public struct Quantity: Hashable, Sendable, Comparable {
    public var step: Step
    public var layer: Int
    public var i: Int
    public var j: Int

    public init(_ step: Step, layer: Int, i: Int = 0, j: Int = 0) {
        self.step = step
        self.layer = layer
        self.i = i
        self.j = j
    }

    /// The order in which a student computes: forward layer by layer (z then a), the loss, then
    /// backward from the last layer: δ, grad-W, grad-b of each layer, and last the new weights and
    /// biases from the last layer down.
    public func rank(layerCount L: Int) -> [Int] {
        switch step {
        case .z: return [0, layer, 0, j, 0]
        case .a: return [0, layer, 1, j, 0]
        case .loss: return [1, 0, 0, 0, 0]
        case .delta: return [2, L - layer, 0, j, 0]
        case .gradW: return [2, L - layer, 1, i, j]
        case .gradB: return [2, L - layer, 2, j, 0]
        case .newW: return [3, L - layer, 0, i, j]
        case .newB: return [3, L - layer, 1, j, 0]
        }
    }

    public static func < (l: Quantity, r: Quantity) -> Bool {
        // Layer count only matters for ordering backward steps; 1000 exceeds any allowed depth.
        l.rank(layerCount: 1000).lexicographicallyPrecedes(r.rank(layerCount: 1000))
    }

    /// The name as the course writes it: z⁽²⁾₁, a⁽¹⁾₃, δ⁽²⁾₂, ∂E/∂w⁽²⁾₁₂, w⁽²⁾₁₂ (new), b⁽¹⁾.
    /// Weight indices follow the file's layout (row, column of the matrix as written).
    public func name(layout: WeightsLayout = .inOut, sharedBias: Bool = false) -> String {
        let sup = "⁽" + Notation.superscript(layer) + "⁾"
        let (r, c) = layout == .inOut ? (i, j) : (j, i)
        let wIndex = Notation.subscriptPair(r + 1, c + 1)
        let bIndex = sharedBias ? "" : Notation.subscript(j + 1)
        switch step {
        case .z: return "z" + sup + Notation.subscript(j + 1)
        case .a: return "a" + sup + Notation.subscript(j + 1)
        case .loss: return "E"
        case .delta: return "δ" + sup + Notation.subscript(j + 1)
        case .gradW: return "∂E/∂w" + sup + wIndex
        case .gradB: return "∂E/∂b" + sup + bIndex
        case .newW: return "w" + sup + wIndex + "′"
        case .newB: return "b" + sup + bIndex + "′"
        }
    }
}

/// Unicode super- and subscripts for names printed in a terminal.
enum Notation {
    static func superscript(_ n: Int) -> String {
        let map: [Character: String] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                        "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(n).map { map[$0] ?? String($0) }.joined()
    }

    static func `subscript`(_ n: Int) -> String {
        let map: [Character: String] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅",
                                        "6": "₆", "7": "₇", "8": "₈", "9": "₉", "-": "₋"]
        return String(n).map { map[$0] ?? String($0) }.joined()
    }

    /// A number for a formula: `decimals` places when the student rounds, else up to 9 decimals
    /// with trailing zeros dropped ("0.25", "-0.0331", "1").
    static func number(_ x: Double, decimals: Int?) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        if let d = decimals {
            // The handouts' formatter: half away from zero on the decimals, as Rounding rounds.
            return DecimalText.fixed(x, digits: d, minus: "-")
        }
        var s = String(format: "%.9f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return isNegativeZero(s) ? String(s.dropFirst()) : s
    }

    private static func isNegativeZero(_ s: String) -> Bool {
        s.hasPrefix("-") && s.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }

    /// "₁₂", or "₁₀,₂" when an index has more than one digit.
    static func subscriptPair(_ a: Int, _ b: Int) -> String {
        let sep = (a > 9 || b > 9) ? "," : ""
        return self.subscript(a) + sep + self.subscript(b)
    }
}
