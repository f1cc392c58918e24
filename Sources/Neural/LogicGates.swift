/// Logic gates as perceptrons with fixed weights (the blog post, 003), step(net) = 1 for net ≥ 0.
///
///     NOT(x)      = step(−1·x + 0.25)
///     AND(x₁, x₂) = step(x₁ + x₂ − 2)        fires only at (1, 1), where net = 0
///     OR(x₁, x₂)  = step(x₁ + x₂ − 1)        (0, 0) gives −1; every other input ≥ 0
///     NAND(x₁, x₂)= step(−x₁ − x₂ + 1.5)     = NOT(AND(x₁, x₂)); net is ±0.5 or more, never 0
///     XOR(x₁, x₂) = AND(OR(x₁, x₂), NAND(x₁, x₂))
///
/// XOR is not linearly separable, so no single perceptron computes it; two layers do: a hidden layer
/// [OR, NAND] and an AND on top (the blog's XOR(x, y) = AND(OR(x, y), NOT(AND(x, y)))). The blog's
/// Python listing for XOR feeds AND's output into both gates and does not run; the formula above it is
/// the one implemented here. The blog gives no NAND weights; ours are AND's negated, with the bias
/// moved to 1.5 so that no input lands on net = 0 (the gate is then right with either threshold).
public enum LogicGates {
    public static let not = Perceptron(weights: [-1], bias: 0.25)
    public static let and = Perceptron(weights: [1, 1], bias: -2)
    public static let or = Perceptron(weights: [1, 1], bias: -1)
    public static let nand = Perceptron(weights: [-1, -1], bias: 1.5)

    /// The hidden layer of the stacked XOR: [OR, NAND].
    public static let xorHidden: [Perceptron] = [or, nand]
    /// The output of the stacked XOR: AND of the hidden outputs.
    public static let xorOutput: Perceptron = and

    /// A gate by its name ("NOT", "and", "Or", "NAND", "XOR"), nil for an unknown name.
    public static func gate(named name: String) -> Gate? {
        Gate(rawValue: name.uppercased())
    }

    /// The gates a lesson can ask for.
    public enum Gate: String, Sendable, CaseIterable {
        case not = "NOT", and = "AND", or = "OR", nand = "NAND", xor = "XOR"

        public var inputCount: Int { self == .not ? 1 : 2 }

        /// The single perceptron of the gate; nil for XOR, which needs two layers.
        public var perceptron: Perceptron? {
            switch self {
            case .not: return LogicGates.not
            case .and: return LogicGates.and
            case .or: return LogicGates.or
            case .nand: return LogicGates.nand
            case .xor: return nil
            }
        }

        /// The gate's output for 0/1 inputs (`inputs.count` must be `inputCount`).
        public func callAsFunction(_ inputs: [Int]) throws -> Int {
            guard inputs.count == inputCount else {
                throw ShapeError("\(rawValue) takes \(inputCount) input(s), got \(inputs.count)")
            }
            if let bad = inputs.first(where: { $0 != 0 && $0 != 1 }) {
                throw DataError("\(rawValue) takes 0/1 inputs, got \(bad)")
            }
            return output(inputs)
        }

        /// Inputs already checked: the right count, each 0 or 1.
        func output(_ inputs: [Int]) -> Int {
            guard let p = perceptron else { return LogicGates.xor(inputs[0], inputs[1]).output }
            return p.threshold.step(p.uncheckedNet(inputs.map(Double.init)))
        }

        /// The truth table: every 0/1 input in counting order (00, 01, 10, 11) with the output.
        public var truthTable: [(inputs: [Int], output: Int)] {
            let rows: [[Int]] = inputCount == 1 ? [[0], [1]] : [[0, 0], [0, 1], [1, 0], [1, 1]]
            return rows.map { ($0, output($0)) }
        }
    }

    /// The stacked XOR with its hidden values: h₁ = OR(x₁, x₂), h₂ = NAND(x₁, x₂), out = AND(h₁, h₂).
    public static func xor(_ x1: Int, _ x2: Int) -> (or: Int, nand: Int, output: Int) {
        let x = [Double(x1), Double(x2)]
        let h1 = or.threshold.step(or.uncheckedNet(x))
        let h2 = nand.threshold.step(nand.uncheckedNet(x))
        let out = and.threshold.step(and.uncheckedNet([Double(h1), Double(h2)]))
        return (h1, h2, out)
    }
}
