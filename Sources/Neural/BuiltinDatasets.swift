/// The logic-gate truth tables of the slides (HUFLIT 004): inputs in counting order 00, 01, 10, 11.
extension Dataset {
    /// AND: 0 0 0 1.
    public static var and: Dataset { truthTable(.and) }
    /// OR: 0 1 1 1.
    public static var or: Dataset { truthTable(.or) }
    /// NAND: 1 1 1 0.
    public static var nand: Dataset { truthTable(.nand) }
    /// XOR: 0 1 1 0 (not linearly separable).
    public static var xor: Dataset { truthTable(.xor) }
    /// NOT: one input, 0 → 1, 1 → 0.
    public static var not: Dataset { truthTable(.not) }

    /// The truth table of a gate as a two-class data set (features x1, x2; classes "0", "1"; y one
    /// 0/1 column). The outputs are the Boolean function's, written out, not computed by a perceptron.
    public static func truthTable(_ gate: LogicGates.Gate) -> Dataset {
        let inputs: [[Double]] = gate == .not ? [[0], [1]] : [[0, 0], [0, 1], [1, 0], [1, 1]]
        let outputs: [Int]
        switch gate {
        case .not: outputs = [1, 0]
        case .and: outputs = [0, 0, 0, 1]
        case .or: outputs = [0, 1, 1, 1]
        case .nand: outputs = [1, 1, 1, 0]
        case .xor: outputs = [0, 1, 1, 0]
        }
        let x = Matrix(rows: inputs.count, cols: inputs[0].count, storage: inputs.flatMap { $0 })
        // Labels are 0/1 with two class names: the initializer cannot fail.
        return try! Dataset(name: gate.rawValue, x: x, labels: outputs, classNames: ["0", "1"])
    }

    /// A built-in set by the name a lesson uses: "and", "or", "nand", "xor", "not" (any case).
    /// The digits need their CSV text: see `Digits.parse(csv:)`.
    public static func builtin(named name: String) -> Dataset? {
        LogicGates.gate(named: name).map(truthTable)
    }
}
